// scripts/compile-cache.ts keeps V8's code for TypeScript between generate runs: the output must
// not depend on whether that cache is missing, warm or damaged.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT, runGenerate, scratchDir } from "../helpers/processes.ts";

const V8_CACHE = path.join(ROOT, "node_modules/.cache/onezone-client/v8");
const FILES = ["cli-table.gen.ts", "operations.gen.ts", "response-schemas.json", "schema.d.ts"];

function generateInto(name: string): void {
  const out = path.join(scratchDir(name), "out");
  const result = runGenerate(["--out", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  for (const file of FILES) {
    expect(readFileSync(path.join(out, file), "utf8")).toBe(
      readFileSync(path.join(ROOT, "generated", file), "utf8"),
    );
  }
}

it("generates the same files with the cache missing, then damaged, and repairs it", () => {
  rmSync(V8_CACHE, { recursive: true, force: true });
  generateInto("cache-missing");
  const cached = readdirSync(V8_CACHE);
  expect(cached.length).toBeGreaterThan(0);

  const garbage = Buffer.from("not V8 code");
  for (const file of cached) writeFileSync(path.join(V8_CACHE, file), garbage);
  generateInto("cache-damaged");
  for (const file of readdirSync(V8_CACHE)) {
    expect(readFileSync(path.join(V8_CACHE, file)).equals(garbage), file).toBe(false);
  }
});
