// The files a spec is made of: the spec and every file it `$ref`s, however deep, which npm run
// dev watches and npm run diff reads at a git revision. Found in the text (`$ref`, in YAML or
// JSON, up to its `#`), so this works on a spec that does not parse or lint too; a `$ref` quoted
// in a description only adds a file to the list. Redocly's resolver knows these files after a
// load, but loadSpec keeps it to itself, and resolving again costs over a second on GitHub's spec.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/** `$ref: target`, quoted or not; group 1 is the file part, empty for a local `#/…` pointer. */
const REF = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}\]]*)/g;

/** A file's text, or undefined when there is no file there. */
export type ReadText = (file: string) => string | undefined;

/**
 * Absolute paths, sorted: the spec, then whatever it refers to, existing or not (yet). `read`
 * reads the working tree unless given another source, such as a git revision.
 */
export function specSources(specPath: string, read: ReadText = readFileText): string[] {
  const found = new Set<string>();
  const pending = [path.resolve(specPath)];
  // Each file is read once, so this ends when no file names one not seen before.
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    // A missing file is listed all the same: creating it fixes the spec.
    for (const [, target] of (read(file) ?? "").matchAll(REF)) {
      if (!target || isUrl(target)) continue;
      pending.push(path.resolve(path.dirname(file), target));
    }
  }
  return [...found].sort();
}

function readFileText(file: string): string | undefined {
  return statSync(file, { throwIfNoEntry: false })?.isFile()
    ? readFileSync(file, "utf8")
    : undefined;
}

function isUrl(target: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(target);
}
