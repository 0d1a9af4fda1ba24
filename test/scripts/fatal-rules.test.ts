import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createConfig } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { FATAL_RULES, FOREIGN_RULES } from "../../scripts/fatal-rules.ts";
import { lintProblems } from "../../scripts/lint-format.ts";
import { resolveLintConfig } from "../../scripts/load.ts";
import { ROOT, scratchDir } from "../helpers/processes.ts";

const ODD = path.join(ROOT, "test/fixtures/odd-specs");

async function problemsOf(spec: string) {
  const { config, ruleset } = await resolveLintConfig(spec, ROOT);
  expect(ruleset).toBe("minimal");
  return lintProblems(spec, config);
}

describe("a spec that is not the project's own", () => {
  it.each(["oas2", "oas3_0", "oas3_1"] as const)(
    "is refused, in %s, only by the fatal rules",
    async (version) => {
      const config = await createConfig(FOREIGN_RULES);
      const errors = Object.entries(config.rules[version])
        .filter(([, rule]) => (typeof rule === "string" ? rule : rule?.severity) === "error")
        .map(([id]) => id);
      expect(errors.sort()).toEqual(Object.keys(FATAL_RULES).sort());
    },
  );

  // What each of these valid specs was refused for before, which does not touch generated code.
  it.each([
    ["trailing-slash-server.yaml", "no-server-trailing-slash"],
    ["unknown-schema-keywords.yaml", "struct"],
    ["nullable-in-3.1.yaml", "struct"],
    ["odd-parameter-names.yaml", "path-parameters-defined"],
    ["missing-info.yaml", "struct"],
  ])("%s: %s is a warning, and nothing is an error", async (name, rule) => {
    const problems = await problemsOf(path.join(ODD, name));
    expect(problems.filter((p) => p.ruleId === rule).map((p) => p.severity)).toContain("warn");
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("is read the same in Swagger 2.0: body parameters are fine, undeclared path ones fatal", async () => {
    const spec = path.join(scratchDir("fatal-2.0"), "swagger.yaml");
    writeFileSync(
      spec,
      [
        "swagger: '2.0'",
        "info: { title: x, version: '1' }",
        "paths:",
        "  /things/{id}:",
        "    post:",
        "      operationId: addThing",
        "      parameters:",
        "        - { name: thing, in: body, schema: { type: object } }",
        "      responses: { '204': { description: ok } }",
        "",
      ].join("\n"),
    );
    const errors = (await problemsOf(spec)).filter((p) => p.severity === "error");
    expect(errors.map((p) => [p.ruleId, p.message])).toEqual([
      [
        "codegen/path-parameters",
        "The path `/things/{id}` uses `{id}`, which no `in: path` parameter of this operation declares.",
      ],
    ]);
  });

  it("README lists every fatal rule", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const rule of Object.keys(FATAL_RULES)) expect(readme).toContain(`\`${rule}\``);
  });
});
