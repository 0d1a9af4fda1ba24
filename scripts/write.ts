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

export interface GeneratedFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  content: string;
}

/**
 * Writes the files into a sibling temporary directory, then swaps it in for `outDir`,
 * so an interrupted or failed run leaves the previous output intact.
 */
export function writeOutput(outDir: string, files: GeneratedFile[]): void {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const full = path.join(staging, file.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.content);
    }
    mkdirSync(staging, { recursive: true });
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    renameSync(staging, target);
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
  return [...stale].sort();
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}
