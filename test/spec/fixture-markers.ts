// What a lint fixture says about itself: `# expect: <rule> ...` on each line where a problem of that
// rule must land (once per mention), `# passes: <rule> ...` on an operation those rules must find
// nothing in; and which operation encloses a line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "@redocly/openapi-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const PLUGIN = "onezone-docs";

/** The fixtures linted with redocly.yaml: the seed pages and the cases of test/fixtures/lint/. */
export const FIXTURES = [
  "test/fixtures/seed-pages/openapi.yaml",
  ...readdirSync(path.join(ROOT, "test/fixtures/lint"))
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => `test/fixtures/lint/${name}`),
];

/** The ids of the plugin's rules: one file each in lint/rules/. */
export const PLUGIN_RULES = readdirSync(path.join(ROOT, "lint/rules"))
  .filter((name) => name.endsWith(".js"))
  .map((name) => `${PLUGIN}/${name.replace(/\.js$/, "")}`)
  .sort();

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export interface Operation {
  id: string;
  path: string;
  method: string;
  /** 1-based, inclusive. */
  firstLine: number;
  lastLine: number;
}

export interface Fixture {
  file: string;
  source: string;
  /** `{ rule, line }` for each mention in an `# expect:` marker. */
  expected: { rule: string; line: number }[];
  /** `{ rule, operation }` for each mention in a `# passes:` marker. */
  passes: { rule: string; operation: Operation }[];
  operations: Operation[];
  /** The operation whose lines hold `line`, if any. */
  operationAt(line: number): Operation | undefined;
}

export function readFixture(file: string): Fixture {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const lines = source.split("\n");
  const operations = findOperations(source, lines);
  const operationAt = (line: number) =>
    operations.find((op) => op.firstLine <= line && line <= op.lastLine);
  const expected: Fixture["expected"] = [];
  const passes: Fixture["passes"] = [];
  lines.forEach((text, index) => {
    // A marker ends a line of YAML; a comment line of its own only talks about markers.
    const marker = /^\s*[^#\s].*#\s*(expect|passes):\s*(.+)$/.exec(text);
    if (!marker) return;
    const rules = (marker[2] ?? "").trim().split(/\s+/);
    if (marker[1] === "expect") {
      for (const rule of rules) expected.push({ rule, line: index + 1 });
      return;
    }
    const operation = operationAt(index + 1);
    if (operation === undefined)
      throw new Error(`${file}:${index + 1}: # passes: outside an operation`);
    for (const rule of rules) passes.push({ rule, operation });
  });
  return { file, source, expected, passes, operations, operationAt };
}

/**
 * The operations of a YAML spec written with two-space indentation: `paths:` at the margin, each
 * path two spaces in, each method four; an operation runs until the next key at or left of its own.
 */
function findOperations(source: string, lines: string[]): Operation[] {
  const document = parseYaml(source) as {
    paths?: Record<string, Record<string, { operationId?: string }>>;
  };
  const operations: Operation[] = [];
  let inPaths = false;
  let currentPath: string | undefined;
  let open: Operation | undefined;
  const close = (line: number) => {
    if (open) open.lastLine = line;
    open = undefined;
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    if (/^\s*(#.*)?$/.test(text)) return;
    const indent = text.length - text.trimStart().length;
    const key = /^\s*['"]?([^'":#]+?)['"]?:(\s|$)/.exec(text)?.[1];
    if (open && indent <= 4) close(line - 1);
    if (indent === 0) {
      inPaths = key === "paths";
      currentPath = undefined;
      return;
    }
    if (!inPaths || key === undefined) return;
    if (indent === 2) currentPath = key;
    if (indent === 4 && currentPath !== undefined && METHODS.has(key)) {
      const id = document.paths?.[currentPath]?.[key]?.operationId ?? "";
      open = { id, path: currentPath, method: key, firstLine: line, lastLine: lines.length };
      operations.push(open);
    }
  });
  close(lines.length);
  return operations;
}
