// The only code that writes generated files: all at once, or not at all.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { sortBy } from "./sort.ts";

export interface GeneratedFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  content: string;
}

/** Writes the files as the whole of `outDir`, atomically: a failed run leaves it as it was. */
export function writeOutput(outDir: string, files: GeneratedFile[]): void {
  replaceAtomically(outDir, (staging) => {
    mkdirSync(staging);
    for (const file of files) {
      const full = path.join(staging, file.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.content);
    }
  });
}

/**
 * Replaces `target`, a file or a directory, with what `write` makes at the sibling path it is
 * given: that is renamed into place only once `write` has returned, so an interrupted or failed
 * run leaves the previous `target` intact.
 */
export function replaceAtomically(target: string, write: (staging: string) => void): void {
  const full = path.resolve(target);
  const staging = `${full}.tmp-${process.pid}`;
  const previous = `${full}.old-${process.pid}`;
  mkdirSync(path.dirname(full), { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  try {
    write(staging);
    // A directory cannot be renamed onto a non-empty one, so the old one is moved aside first.
    const hadPrevious = existsSync(full);
    if (hadPrevious) renameSync(full, previous);
    renameSync(staging, full);
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Lists the files in `outDir` that differ from, lack, or are not among `files`. */
export function staleFiles(outDir: string, files: GeneratedFile[]): string[] {
  const expected = new Map(files.map((file) => [file.path, file.content]));
  const actual = existsSync(outDir) ? listFiles(outDir) : [];
  const stale = new Set<string>();
  for (const [file, content] of expected) {
    const full = path.join(outDir, file);
    if (!existsSync(full) || readFileSync(full, "utf8") !== content) stale.add(file);
  }
  for (const file of actual) if (!expected.has(file)) stale.add(file);
  return sortBy([...stale], String);
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}
