// The oldest Node the package says it runs on (`engines.node` in package.json), as a binary the
// consumer test can run: the npm registry's `node` package at exactly that version, installed once
// into .node/<version>/ beside the Node that tools/use-node.sh installs.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, run } from "../helpers/processes.ts";

/** `>=22.12` → `22.12.0`: the floor itself, not the newest 22.x, is what users may have. */
export function nodeFloorVersion(): string {
  const { engines } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    engines: { node: string };
  };
  const floor = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.node);
  if (!floor) throw new Error(`engines.node is "${engines.node}"; expected a ">=X.Y" floor.`);
  return `${floor[1]}.${floor[2] ?? 0}.${floor[3] ?? 0}`;
}

/** The path of a Node binary at the floor version, installing it on first use. */
export function nodeAtFloor(): string {
  const version = nodeFloorVersion();
  const home = path.join(ROOT, ".node", version);
  const binary = path.join(home, "node_modules/.bin/node");
  if (!existsSync(binary)) {
    const installed = run("npm", [
      "install",
      "--prefix",
      home,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `node@${version}`,
    ]);
    if (installed.code !== 0 || !existsSync(binary)) {
      throw new Error(`npm install node@${version} failed:\n${installed.stderr}`);
    }
  }
  return binary;
}
