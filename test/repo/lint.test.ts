// The repository's own hygiene, so CI fails on it: Biome over the hand-written code, and the
// spec held to redocly.yaml with zero errors and zero warnings.
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT, run, scriptArgs } from "../helpers/processes.ts";

it("Biome finds nothing to fix (npm run lint)", () => {
  const result = run(process.execPath, [
    path.join(ROOT, "node_modules/@biomejs/biome/bin/biome"),
    "check",
    ".",
  ]);
  expect(result.stderr + result.stdout).toMatch(/Checked \d+ files/);
  expect(result.code, result.stdout + result.stderr).toBe(0);
});

it("the spec passes lint with zero errors and zero warnings (npm run lint:spec)", () => {
  const result = run(process.execPath, scriptArgs("scripts/lint-spec.ts"));
  expect(result.stdout).toBe("spec/onezone.yaml: 0 error(s), 0 warning(s) under redocly.yaml.\n");
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
});
