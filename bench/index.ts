// Runs every bench/*.bench.ts in turn, each in its own Node process; fails when one fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();

const failed: string[] = [];
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  const { status, signal } = spawnSync(process.execPath, [`${dir}${file}`], {
    stdio: "inherit",
  });
  if (status !== 0) failed.push(`bench/${file} (${signal ?? `exit ${status}`})`);
}
if (files.length === 0) console.log("No bench/*.bench.ts files.");
if (failed.length > 0) {
  console.error(`\n${failed.length} benchmark(s) failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
