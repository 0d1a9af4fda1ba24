// Loaded with --import: appends every module URL the process loads, and every file it reads
// through fs, to the file named by RECORD_MODULES_FILE.

// Loaded with --import: appends every module URL the process loads, and every file it reads
// through fs, to the file named by RECORD_MODULES_FILE.
import fs, { appendFileSync } from "node:fs";
import { register } from "node:module";

const file = process.env.RECORD_MODULES_FILE;
register("./record-modules-hooks.mjs", import.meta.url, { data: { file } });

for (const name of ["readFileSync", "readFile", "openSync", "open", "createReadStream"]) {
  const original = fs[name];
  fs[name] = function recorded(target, ...rest) {
    appendFileSync(file, `read ${String(target)}\n`);
    return original.call(this, target, ...rest);
  };
}
