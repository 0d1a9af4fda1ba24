// Keeps V8's compiled code for the generator's largest dependencies between runs: compiling
// TypeScript's 9 MB (twice: openapi-typescript's copy and ts-morph's) is most of loading them.
// Import it before anything else. Node 22.1+ does this for every module itself.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const LARGE = 1_000_000;
const CACHE = ".cache/onezone-client/v8";

interface CommonJsModule {
  exports: unknown;
  require: NodeJS.Require;
  _compile(content: string, filename: string): unknown;
}

const builtin = Module as unknown as {
  enableCompileCache?: (directory: string) => unknown;
  prototype: CommonJsModule;
  wrap(content: string): string;
};

if (builtin.enableCompileCache) {
  const dependencies = cacheRoot(createRequire(import.meta.url).resolve("typescript"));
  if (dependencies) builtin.enableCompileCache(path.join(dependencies, CACHE));
} else {
  cacheLargeCommonJsModules();
}

function cacheLargeCommonJsModules(): void {
  const compile = builtin.prototype._compile;
  builtin.prototype._compile = function (this: CommonJsModule, content, filename) {
    const root = cacheRoot(filename);
    if (content.length < LARGE || !root) return compile.call(this, content, filename);
    const cacheFile = path.join(root, CACHE, `${cacheKey(filename)}.bin`);
    const cachedData = readOptional(cacheFile);
    const script = new vm.Script(builtin.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) save(cacheFile, script.createCachedData());
    const require = createRequire(filename);
    const run = script.runInThisContext();
    return run.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
}

/** The node_modules directory a file is installed in: its .cache is where tools keep theirs. */
function cacheRoot(file: string): string | undefined {
  const at = file.indexOf(`${path.sep}node_modules${path.sep}`);
  return at < 0 ? undefined : file.slice(0, at + "/node_modules".length);
}

/** Names the file's version: V8 itself rejects data from another V8 or other flags. */
function cacheKey(filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  const id = [filename, size, mtimeMs, process.version, process.arch].join("\0");
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only or full disk only costs the next run its speed. */
function save(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const scratch = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(scratch, data);
    renameSync(scratch, file);
  } catch {}
}
