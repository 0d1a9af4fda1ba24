// npm run import: a Swagger 2.0 description (test/fixtures/swagger2/, split across files) becomes
// one OpenAPI 3.1 file that generates the same code, the same bytes on every run, and never
// replaces a file that holds something else unless told to.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ROOT, run, runGenerate, scratchDir, scriptArgs } from "../helpers/processes.ts";

const SPEC = path.join(ROOT, "test/fixtures/swagger2/swagger.yaml");
const BIOME = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

function runImport(args: string[], cwd = ROOT) {
  return run(process.execPath, scriptArgs("scripts/import.ts", args), cwd);
}

type Node = Record<string, unknown>;

// Each test runs import or generate as whole processes, slow on a busy 2-core machine.
describe("npm run import", { timeout: 120_000 }, () => {
  it("writes OpenAPI 3.1 YAML, OpenAPI's fields first in the specification's order, the same bytes twice", () => {
    const out = path.join(scratchDir("import-yaml"), "spec/onezone.yaml");
    const first = runImport([SPEC, "--out", out]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toMatch(
      /^# OpenAPI 3\.1, converted from test\/fixtures\/swagger2\/swagger\.yaml/,
    );
    const document = parseYaml(text) as Node;
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document)[0]).toBe("openapi");
    const parameters = Object.values((document.components as Node).parameters as Node);
    expect(parameters.length).toBeGreaterThan(0);
    for (const parameter of parameters)
      expect(Object.keys(parameter as Node).slice(0, 2)).toEqual(["name", "in"]);

    const second = runImport([SPEC, "--out", out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("already holds this conversion");
    expect(readFileSync(out, "utf8")).toBe(text);
  });

  it("writes Biome-formatted JSON for a .json --out, the same document as the YAML", () => {
    const dir = scratchDir("import-json");
    const [json, yaml] = [path.join(dir, "openapi.json"), path.join(dir, "openapi.yaml")];
    expect(runImport([SPEC, "--out", json]).code).toBe(0);
    expect(runImport([SPEC, "--out", yaml]).code).toBe(0);
    const text = readFileSync(json, "utf8");
    const formatted = execFileSync(
      process.execPath,
      [BIOME, "format", "--stdin-file-path=x.json"],
      {
        cwd: ROOT,
        input: text,
        encoding: "utf8",
      },
    );
    expect(formatted).toBe(text);
    expect(JSON.parse(text)).toEqual(parseYaml(readFileSync(yaml, "utf8")));
  });

  it("gives a 3.1 file that lints clean and generates the same code as the 2.0 source", () => {
    const dir = scratchDir("import-generate");
    const imported = path.join(dir, "openapi.yaml");
    expect(runImport([SPEC, "--out", imported]).code).toBe(0);
    const linted = run(process.execPath, scriptArgs("scripts/lint-spec.ts", [imported]));
    expect(linted.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);

    const [fromSource, fromImport] = [path.join(dir, "from-2.0"), path.join(dir, "from-3.1")];
    expect(runGenerate(["--spec", SPEC, "--out", fromSource]).code).toBe(0);
    expect(runGenerate(["--spec", imported, "--out", fromImport]).code).toBe(0);
    const specName = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
    const files = readdirSync(fromSource);
    expect(readdirSync(fromImport)).toEqual(files);
    for (const file of files) {
      const want = readFileSync(path.join(fromSource, file), "utf8").replaceAll(
        specName(SPEC),
        "SPEC",
      );
      const got = readFileSync(path.join(fromImport, file), "utf8").replaceAll(
        specName(imported),
        "SPEC",
      );
      expect(got, file).toBe(want);
    }
  });

  it("leaves a file that holds something else alone unless --force is given", () => {
    const out = path.join(scratchDir("import-existing"), "openapi.yaml");
    writeFileSync(out, "# my own edits\n");
    const refused = runImport([SPEC, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} exists and holds something else`);
    expect(readFileSync(out, "utf8")).toBe("# my own edits\n");

    const forced = runImport([SPEC, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(parseYaml(readFileSync(out, "utf8"))).toMatchObject({
      openapi: expect.stringMatching(/^3\.1\./),
    });
  });

  it("refuses to write over a file of the spec itself, even with --force", () => {
    const dir = scratchDir("import-self");
    writeFileSync(
      path.join(dir, "swagger.yaml"),
      readFileSync(SPEC, "utf8").replace(/\$ref: paths\/.*\n/g, "{}\n"),
    );
    const before = readFileSync(path.join(dir, "swagger.yaml"), "utf8");
    const result = runImport(["swagger.yaml", "--out", "swagger.yaml", "--force"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is a file of the spec itself");
    expect(readFileSync(path.join(dir, "swagger.yaml"), "utf8")).toBe(before);
  });

  it("writes nothing for a spec with a fatal problem, naming file:line", () => {
    const dir = scratchDir("import-broken");
    writeFileSync(
      path.join(dir, "swagger.yaml"),
      'swagger: "2.0"\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: "#/responses/Nope"\n',
    );
    const result = runImport(["swagger.yaml", "--out", "openapi.yaml"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}swagger\.yaml:10:\d+ {2}no-unresolved-refs/m);
    expect(existsSync(path.join(dir, "openapi.yaml"))).toBe(false);
  });
});
