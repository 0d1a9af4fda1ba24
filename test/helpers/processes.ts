import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";

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
  return [path.join(ROOT, "tools/run-script.mjs"), path.join(ROOT, script), ...args];
}

export function run(command: string, args: string[], cwd = ROOT): Run {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh directory inside the repo, so that generated code resolves the repo's node_modules. */
export function scratchDir(name: string): string {
  const parent = path.join(ROOT, ".tmp");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, `${name}-`));
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
