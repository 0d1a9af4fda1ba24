import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { resolveLocalRef } from "../../scripts/json-pointer.ts";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel } from "../../scripts/model.ts";
import { ROOT, runGenerate, scratchDir, typecheck } from "../helpers/processes.ts";

type Node = Record<string, unknown>;

const FIXTURE = path.join(ROOT, "test/fixtures/refs");
const SPEC = path.join(FIXTURE, "openapi.yaml");

/** The fixture with every $ref replaced by what Redocly resolves it to. */
async function dereferenced(): Promise<Node> {
  const config = await createConfig({ extends: ["minimal"] });
  const { bundle: result } = await bundle({ ref: SPEC, config, dereference: true });
  return result.parsed as Node;
}

/** `value` with each `$ref` replaced, however deep, by what it points at in `document`. */
function expand(value: unknown, document: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => expand(item, document));
  if (value === null || typeof value !== "object") return value;
  const { $ref, ...rest } = value as Node;
  if (typeof $ref === "string") {
    const target = resolveLocalRef(document, $ref);
    expect(target, `${$ref} resolves`).toBeDefined();
    return expand({ ...(target as Node), ...rest }, document);
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, expand(v, document)]));
}

/** A value without its `schema` keys: what is left is what the $refs above schemas decide. */
function withoutSchemas(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "schema" ? undefined : v)));
}

describe("$refs into arrays, into components and into another file", { timeout: 120_000 }, () => {
  const dir = scratchDir("refs");
  const out = path.join(dir, "out");

  it("generate code that type-checks, and types that follow each $ref", () => {
    const result = runGenerate(["--spec", SPEC, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    copyFileSync(path.join(FIXTURE, "consumer.ts"), path.join(dir, "consumer.ts"));
    const checked = typecheck(dir);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.code).toBe(0);
  });

  it("give the model what Redocly resolves them to", async () => {
    const { document } = await loadSpec(SPEC, ROOT);
    const operations = buildModel(document).operations;
    const expected = buildModel(await dereferenced()).operations;
    expect(withoutSchemas(operations)).toEqual(withoutSchemas(expected));
    expect(JSON.stringify(operations)).not.toContain('"undefined"');
  });

  it("give the CLI table each operation's parameters as Redocly resolves them", async () => {
    const { cliOperations } = (await import(
      pathToFileURL(path.join(out, "cli-table.gen.ts")).href
    )) as { cliOperations: { name: string; parameters: Node[] }[] };
    const expected = buildModel(await dereferenced()).operations;
    expect(cliOperations.map((op) => op.name)).toEqual(expected.map((op) => op.name));
    for (const [index, op] of cliOperations.entries()) {
      const want = expected[index]?.parameters.map(({ name, in: where, required }) => ({
        name,
        in: where,
        required,
      }));
      expect(
        op.parameters.map(({ name, in: where, required }) => ({ name, in: where, required })),
      ).toEqual(want);
    }
  });

  it("give response-schemas.json schemas whose $refs resolve in it to what Redocly gives", async () => {
    const file = JSON.parse(readFileSync(path.join(out, "response-schemas.json"), "utf8"));
    const spec = await dereferenced();
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...file, $id: "response-schemas" });
    const checked: string[] = [];
    for (const [route, name] of Object.entries(file.operations as Record<string, string>)) {
      const [method = "", pathKey = ""] = [
        route.slice(0, route.indexOf(" ")),
        route.slice(route.indexOf(" ") + 1),
      ];
      const responses = (spec.paths as Node)[pathKey] as Node;
      const operation = responses[method.toLowerCase()] as { responses: Record<string, Node> };
      for (const [status, schema] of Object.entries(file.responses[name] ?? {})) {
        const content = operation.responses[status]?.content as Record<string, Node>;
        const json = Object.keys(content).find((type) => /json/.test(type)) ?? "";
        expect(expand(schema, file), `${name} ${status}`).toEqual(content[json]?.schema);
        expect(() =>
          ajv.compile({ $ref: `response-schemas#/responses/${name}/${status}` }),
        ).not.toThrow();
        checked.push(`${name} ${status}`);
      }
    }
    // Every JSON response of the fixture was compared.
    expect(checked.length).toBe(
      buildModel(spec).operations.flatMap((op) =>
        op.responses.filter((r) => r.schema !== undefined),
      ).length,
    );
  });
});
