import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run generate -- <args>` as the user would, as one Node process. */
export function runGenerate(args: string[], cwd = ROOT): Run {
  return run(process.execPath, scriptArgs("scripts/generate.ts", args), cwd);
}

/** Node's arguments for a script in scripts/, run the way its npm script runs it. */
export function scriptArgs(script: string, args: string[] = []): string[] {
  return [path.join(ROOT, script), ...args];
}

export function run(command: string, args: string[], cwd = ROOT): Run {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratchParent: string | undefined;

// Each test file gets this module afresh, so this removes that file's directories when it is done.
afterAll(() => {
  if (scratchParent) rmSync(scratchParent, { recursive: true, force: true });
});

/** A fresh directory inside the repo, so that generated code resolves the repo's node_modules. */
export function scratchDir(name: string): string {
  if (scratchParent === undefined) {
    mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
    scratchParent = mkdtempSync(path.join(ROOT, ".tmp", "test-"));
  }
  return mkdtempSync(path.join(scratchParent, `${name}-`));
}

/** Type-checks every file in `dir` under strict settings, library types included. */
export function typecheck(dir: string): Run {
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: [],
        noEmit: true,
        skipLibCheck: false,
      },
      include: ["**/*"],
    }),
  );
  return run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir]);
}
