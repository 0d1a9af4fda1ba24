import { existsSync } from "node:fs";
import path from "node:path";

/** Debian's chromium, which `npm test`'s pretest (tools/system-deps.sh) installs; never a download. */
export function findChromium(): string {
  const dirs = ["/usr/bin", ...(process.env.PATH ?? "").split(path.delimiter)];
  const found = dirs.map((dir) => path.join(dir, "chromium")).find((file) => existsSync(file));
  if (found === undefined) {
    throw new Error(
      "chromium is not installed: run `bash tools/system-deps.sh` (npm test's pretest does) or `apt-get install chromium`.",
    );
  }
  return found;
}
