import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runGenerate, scratchDir } from "../helpers/processes.ts";

const CORPUS = path.join(ROOT, "test/fixtures/bad-specs");
/** No broken spec, however large, may keep generate busy for longer than this. */
const BOUND_MS = 30_000;

/** What each broken spec must be reported as: the rule and the line it points at. */
const EXPECTED: Record<string, { rule: string; line: number }> = {
  "binary.yaml": { rule: "yaml-syntax", line: 3 },
  "dangling-ref.yaml": { rule: "no-unresolved-refs", line: 11 },
  "duplicate-key.yaml": { rule: "yaml-syntax", line: 12 },
  "duplicate-operation-id.yaml": { rule: "operation-operationId-unique", line: 14 },
  "empty.yaml": { rule: "empty-file", line: 1 },
  "invalid-json.json": { rule: "json-syntax", line: 5 },
  "invalid-yaml.yaml": { rule: "yaml-syntax", line: 8 },
  "not-a-spec.yaml": { rule: "not-openapi", line: 1 },
  "parameter-in-body.yaml": { rule: "codegen/operation-shape", line: 10 },
  "parameter-without-name.yaml": { rule: "codegen/operation-shape", line: 10 },
  "path-parameter-not-in-path.yaml": { rule: "codegen/path-parameters", line: 10 },
  "path-parameter-undeclared.yaml": { rule: "codegen/path-parameters", line: 7 },
  "paths-not-an-object.yaml": { rule: "codegen/operation-shape", line: 6 },
  "ref-cycle.yaml": { rule: "ref-cycle", line: 19 },
  "ref-loop.yaml": { rule: "ref-loop", line: 14 },
  "schema-list-not-a-list.yaml": { rule: "codegen/schema-shape", line: 16 },
  "swagger-1.2.yaml": { rule: "unsupported-version", line: 1 },
  "unsupported-version.yaml": { rule: "unsupported-version", line: 1 },
};

function hashTree(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    hash.update(name);
    hash.update(readFileSync(path.join(dir, name)));
  }
  return hash.digest("hex");
}

/** A 12 MB spec of 40 000 paths whose only fault is on its very last line. */
function writeHugeSpec(dir: string): string {
  const lines = ["openapi: 3.1.0", "info:", "  title: Huge", "  version: 1.0.0", "paths:"];
  for (let i = 0; i < 40_000; i++) {
    lines.push(
      `  /things/t${i}:`,
      "    get:",
      `      operationId: getThing${i}`,
      "      responses:",
      '        "200":',
      "          description: ok",
    );
  }
  lines.push("  /broken: [unclosed");
  const file = path.join(dir, "huge.yaml");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("broken specs: a clear error with its location, and the output untouched", () => {
  const dir = scratchDir("bad-specs");
  const out = path.join(dir, "generated");
  // A real previous output that every failed run must leave byte-for-byte as it was.
  expect(runGenerate(["--spec", "test/fixtures/mini/openapi.yaml", "--out", out]).code).toBe(0);
  const before = hashTree(out);

  it("the corpus has every case listed, and at least twelve", () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(12);
  });

  const cases = [
    ...Object.entries(EXPECTED).map(([name, want]) => ({
      name,
      file: () => path.join(CORPUS, name),
      ...want,
    })),
    { name: "huge.yaml", file: () => writeHugeSpec(dir), rule: "yaml-syntax", line: 240_007 },
  ];

  it.each(cases)("$name → $rule at line $line", ({ file, rule, line }) => {
    const spec = path.relative(ROOT, file());
    const started = performance.now();
    const result = runGenerate(["--spec", spec, "--out", out]);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^  ${escapeRegExp(spec)}:${line}:\\d+  ${rule}  \\S`, "m"),
    );
    expect(result.stderr).toContain(`${path.relative(ROOT, out)} was left unchanged.`);
    expect(result.stdout).toBe("");
    expect(hashTree(out)).toBe(before);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
