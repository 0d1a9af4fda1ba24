// npm run docs writes its page at --out, replacing only a page it built before.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratchDir, scriptArgs } from "../helpers/processes.ts";

const SPEC = "test/fixtures/seed-pages/openapi.yaml";
const docs = (out: string) =>
  run(process.execPath, scriptArgs("scripts/docs.ts", ["--spec", SPEC, "--out", out]));

describe("npm run docs --out", { timeout: 120_000 }, () => {
  it("refuses a file it did not build, naming it, and leaves it as it was", () => {
    const out = path.join(scratchDir("docs-out-foreign"), "notes.html");
    writeFileSync(out, "<p>my notes</p>\n");
    const result = docs(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${out} exists and is not a page npm run docs built`);
    expect(readFileSync(out, "utf8")).toBe("<p>my notes</p>\n");
  });

  it("replaces a page it built before", () => {
    const out = path.join(scratchDir("docs-out-rebuild"), "index.html");
    expect(docs(out).code).toBe(0);
    writeFileSync(out, readFileSync(out, "utf8").replace("<title>", "<title>stale "));
    const again = docs(out);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(readFileSync(out, "utf8")).not.toContain("<title>stale ");
  });
});
