// Loaded with --import: appends every module URL the process loads, every file it reads through
// fs, and at exit every CommonJS module in require's cache and every built-in module Node loaded
// (process.moduleLoadList, which names the ones no hook sees, e.g. undici behind fetch), to the
// file named by RECORD_MODULES_FILE.
import fs, { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const file = process.env.RECORD_MODULES_FILE;
register("./record-modules-hooks.mjs", import.meta.url, { data: { file } });

for (const name of ["readFileSync", "readFile", "openSync", "open", "createReadStream"]) {
  const original = fs[name];
  fs[name] = function recorded(target, ...rest) {
    appendFileSync(file, `read ${String(target)}\n`);
    return original.call(this, target, ...rest);
  };
}

process.on("exit", () => {
  const required = Object.keys(createRequire(import.meta.url).cache);
  const lines = [
    ...required.map((path) => `require ${path}\n`),
    ...process.moduleLoadList.map((name) => `builtin ${name}\n`),
  ];
  appendFileSync(file, lines.join(""));
});
