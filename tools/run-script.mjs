#!/usr/bin/env node
// node tools/run-script.mjs <file in scripts/> [args...]: runs a TypeScript script with plain Node.
// esbuild compiles scripts/ once into node_modules/.cache/onezone-client/, and the copy is reused
// while no source changes (a hash of every file names it). tsx's module hooks cost about 0.5 s a
// run on the generator's module graph, more than the generation itself (BENCHMARKS.md).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE_DIR = path.join(ROOT, "scripts");
const CACHE_DIR = path.join(ROOT, "node_modules/.cache/onezone-client");

const [script, ...args] = process.argv.slice(2);
const entry = script && path.resolve(script);
if (!entry?.startsWith(SOURCE_DIR + path.sep) || !entry.endsWith(".ts") || !existsSync(entry)) {
  console.error(`run-script: ${script ?? "(nothing)"} is not a .ts file in scripts/.`);
  process.exit(2);
}

const sources = readdirSync(SOURCE_DIR, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
  .sort()
  .map((name) => path.join(SOURCE_DIR, name));
const compiled = path.join(CACHE_DIR, `scripts-${sourceHash(sources)}`);
if (!existsSync(compiled)) await compile(sources, compiled);

process.argv = [process.argv[0], entry, ...args];
const relative = path.relative(SOURCE_DIR, entry).replace(/\.ts$/, ".js");
await import(pathToFileURL(path.join(compiled, relative)).href);

function sourceHash(files) {
  const hash = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files)
    hash.update(`\0${path.relative(SOURCE_DIR, file)}\0`).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** Compiles into a scratch directory, then renames it into place: a half-written copy is never used. */
async function compile(files, target) {
  const { build } = await import("esbuild");
  const scratch = `${target}.${process.pid}`;
  await build({
    entryPoints: files,
    outbase: SOURCE_DIR,
    outdir: scratch,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "inline",
    logLevel: "error",
  });
  try {
    renameSync(scratch, target);
  } catch (error) {
    // Another run compiled the same sources first; its copy is identical.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
  for (const stale of readdirSync(CACHE_DIR)) {
    if (/^scripts-[0-9a-f]{16}$/.test(stale) && path.join(CACHE_DIR, stale) !== target) {
      rmSync(path.join(CACHE_DIR, stale), { recursive: true, force: true });
    }
  }
}
