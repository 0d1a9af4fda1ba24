// A private copy of the package to build and pack, so that package tests running in parallel (and
// a developer's own `npm run build`) never share, wipe or half-write the repo's dist/.
import { cpSync, existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, type Run, run } from "../helpers/processes.ts";

/** What `npm run build` reads and `files` ships; tests, scripts and bench stay behind. */
const PACKAGE_INPUTS = [
  "package.json",
  "README.md",
  "LICENSE",
  "tsconfig.json",
  "tsconfig.build.json",
  "tools",
  "src",
  "generated",
  "spec",
];

export interface Stage {
  dir: string;
  /** `npm run <script>` in the copy. */
  npm(script: string, ...args: string[]): Run;
}

export function stagePackage(): Stage {
  const dir = mkdtempSync(path.join(tmpdir(), "onezone-client-stage-"));
  for (const entry of PACKAGE_INPUTS) {
    const from = path.join(ROOT, entry);
    if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { dir, npm: (script, ...args) => run("npm", ["run", script, ...args], dir) };
}

/** `npm pack` of a built stage into `destination`; returns the tarball's path. */
export function pack(stage: Stage, destination: string): string {
  const packed = run("npm", ["pack", "--json", "--pack-destination", destination], stage.dir);
  if (packed.code !== 0) throw new Error(`npm pack failed in ${stage.dir}:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return path.join(destination, filename);
}
