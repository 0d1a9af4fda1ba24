// tools/run-script.mjs, which every npm script in scripts/ goes through: it runs the TypeScript
// as compiled by esbuild, and a changed source is never run from a stale copy.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, expect, it } from "vitest";
import { ROOT, run, scratchDir } from "../helpers/processes.ts";

let project: string;
const cacheDir = () => path.join(project, "node_modules/.cache/onezone-client");

beforeEach(() => {
  // A project of its own, so its cache is not the repository's.
  project = scratchDir("run-script");
  mkdirSync(path.join(project, "tools"));
  mkdirSync(path.join(project, "scripts/nested"), { recursive: true });
  mkdirSync(path.join(project, "node_modules"));
  copyFileSync(path.join(ROOT, "tools/run-script.mjs"), path.join(project, "tools/run-script.mjs"));
  symlinkSync(path.join(ROOT, "node_modules/esbuild"), path.join(project, "node_modules/esbuild"));
  writeScripts("first");
});

function writeScripts(word: string): void {
  writeFileSync(
    path.join(project, "scripts/nested/word.ts"),
    `export const word: string = "${word}";\n`,
  );
  writeFileSync(
    path.join(project, "scripts/hello.ts"),
    [
      'import { word } from "./nested/word.js";',
      "const args: string[] = process.argv.slice(2);",
      'console.log([word, ...args, process.argv[1]].join(" "));',
      "process.exitCode = 3;",
      "",
    ].join("\n"),
  );
}

const runHello = (...args: string[]) =>
  run(
    process.execPath,
    [path.join(project, "tools/run-script.mjs"), "scripts/hello.ts", ...args],
    project,
  );

it("runs the script with its arguments and exit code, from a compiled copy", () => {
  const result = runHello("--spec", "x y");
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe(`first --spec x y ${path.join(project, "scripts/hello.ts")}\n`);
  expect(result.code).toBe(3);
  expect(readdirSync(cacheDir())).toEqual([expect.stringMatching(/^scripts-[0-9a-f]{16}$/)]);
});

it("recompiles when any source changes, and drops the stale copy", () => {
  expect(runHello().stdout).toMatch(/^first /);
  const [before] = readdirSync(cacheDir());
  writeScripts("second");
  expect(runHello().stdout).toMatch(/^second /);
  const after = readdirSync(cacheDir());
  expect(after).toHaveLength(1);
  expect(after[0]).not.toBe(before);
});

it("lets runs that find no compiled copy at the same time all succeed", async () => {
  const exec = promisify(execFile);
  const runs = Array.from({ length: 4 }, () =>
    exec(process.execPath, [path.join(project, "tools/run-script.mjs"), "scripts/hello.ts"], {
      cwd: project,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error),
  );
  for (const result of await Promise.all(runs)) {
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^first /);
  }
  expect(readdirSync(cacheDir())).toHaveLength(1);
});

it("refuses anything but a .ts file in scripts/, saying so", () => {
  for (const script of ["tools/run-script.mjs", "scripts/missing.ts", "../hello.ts"]) {
    const result = run(
      process.execPath,
      [path.join(project, "tools/run-script.mjs"), script],
      project,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`run-script: ${script} is not a .ts file in scripts/.\n`);
  }
  const bare = run(process.execPath, [path.join(project, "tools/run-script.mjs")], project);
  expect(bare.stderr).toBe("run-script: (nothing) is not a .ts file in scripts/.\n");
  expect(bare.code).toBe(2);
});
