import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Run, run } from "../helpers/processes.ts";
import { type Stage, stagePackage } from "./stage.ts";

/** Resolutions an ESM-only package does not serve: attw's esm-only profile ignores them. */
const CJS_RESOLUTIONS = ["node10", "node16-cjs"];

interface AttwReport {
  analysis: { entrypoints: Record<string, unknown> };
  problems?: Record<string, { entrypoint?: string; resolutionKind?: string }[]>;
}

describe("npm run check:package", () => {
  let stage: Stage;
  let checked: Run;
  beforeAll(() => {
    stage = stagePackage();
    checked = stage.npm("check:package");
  }, 180_000);
  afterAll(() => rmSync(stage.dir, { recursive: true, force: true }));

  it("builds, then passes publint --strict and attw --profile esm-only", () => {
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toContain("All good!");
  });

  it("builds only src/ and generated/ into dist/, with maps and the schema types", () => {
    const files = readdirSync(path.join(stage.dir, "dist"), { recursive: true, encoding: "utf8" });
    expect(new Set(files.map((file) => file.split(path.sep)[0]))).toEqual(
      new Set(["src", "generated"]),
    );
    for (const entry of [
      "src/index",
      "src/fake/index",
      "src/cli/main",
      "generated/operations.gen",
    ]) {
      for (const suffix of [".js", ".js.map", ".d.ts", ".d.ts.map"]) {
        expect(files).toContain(path.normalize(entry + suffix));
      }
    }
    expect(files).toContain(path.normalize("generated/schema.d.ts"));
    expect(files).toContain(path.normalize("generated/schema.js"));
  });

  it("resolves every entry point, with types, under node16 (from ESM) and bundler", () => {
    const attw = run(
      path.join(stage.dir, "node_modules/.bin/attw"),
      ["--pack", ".", "--profile", "esm-only", "--format", "json"],
      stage.dir,
    );
    expect(attw.code, attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as AttwReport;
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(
      [".", "./fake", "./package.json", "./schema", "./validate"].sort(),
    );
    const problems = Object.values(report.problems ?? {}).flat();
    expect(problems.filter((p) => !CJS_RESOLUTIONS.includes(p.resolutionKind ?? ""))).toEqual([]);
  }, 120_000);
});
