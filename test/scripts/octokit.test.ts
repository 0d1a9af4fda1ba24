import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";
import { runGenerate, scratchDir, typecheck } from "../helpers/processes.ts";

const githubSpec = createRequire(import.meta.url).resolve(
  "@octokit/openapi/generated/api.github.com.json",
);

it("GitHub's REST API spec (about a thousand operations) generates code that type-checks", {
  timeout: 600_000,
}, () => {
  const dir = scratchDir("octokit");
  const out = path.join(dir, "out");
  const result = runGenerate(["--spec", githubSpec, "--out", out]);
  expect(result.stderr).toMatch(
    /^\S+api\.github\.com\.json: \d+ warning\(s\) under Redocly's minimal ruleset\.$/m,
  );
  expect(result.code).toBe(0);
  const operations = readFileSync(path.join(out, "operations.gen.ts"), "utf8");
  expect(operations.match(/^export const \w+: OperationFunction</gm)?.length).toBeGreaterThan(1000);
  const checked = typecheck(dir);
  expect(checked.stdout + checked.stderr).toBe("");
  expect(checked.code).toBe(0);
});
