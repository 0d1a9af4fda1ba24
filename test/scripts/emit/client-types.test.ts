// The client types emitter: golden on the growth fixture (test/src/client.test-d.ts checks what a
// caller can and cannot write against that golden file), and per operation, each spec's entries.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitClientTypes } from "../../../scripts/emit/client-types.ts";
import { emitSchema } from "../../../scripts/emit/schema.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";
import { SPECS } from "../../helpers/specs.ts";

const growthSpec = fileURLToPath(new URL("../../fixtures/growth/openapi.yaml", import.meta.url));

describe("emitClientTypes", () => {
  it("emits the growth fixture's client types, and their schema, as the golden files", async () => {
    const { document } = await loadSpec(growthSpec);
    const context = { specPath: "test/fixtures/growth/openapi.yaml" };
    const file = emitClientTypes(buildModel(document), context);
    expect(file.path).toBe("client-types.gen.ts");
    await expect(file.content).toMatchFileSnapshot(
      "../../fixtures/growth/expected/client-types.gen.ts",
    );
    await expect(emitSchema(document, context).content).toMatchFileSnapshot(
      "../../fixtures/growth/expected/schema.d.ts",
    );
  });

  describe.each(SPECS)("$name", async ({ path }) => {
    const { document } = await loadSpec(path);
    const model = buildModel(document);
    const { content } = emitClientTypes(model, { specPath: "spec.yaml" });
    const section = (name: string) => {
      const start = content.indexOf(`export interface ${name} {`);
      return content.slice(start, content.indexOf("\n}\n", start));
    };

    it.each(model.operations.map((op) => ({ name: op.name, op })))(
      "$name: an entry, a method and a withResponse method, each from its own path and method",
      ({ op }) => {
        const operation = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
        const entry = section("OperationTypes").split(`\n  ${op.name}: {\n`)[1]?.split("\n  };")[0];
        expect(entry).toBeDefined();
        for (const line of entry?.split("\n") ?? [])
          expect(line).toMatch(/^ {4}(path|input|answer): /);
        // Every type in the entry is looked up from the operation's own paths entry.
        for (const lookup of entry?.match(/paths\[[^\]]+\]\[[^\]]+\]/g) ?? []) {
          expect(lookup).toBe(operation);
        }
        const withPath = op.parameters.some((p) => p.in === "path");
        expect(entry?.includes(`path: ${operation}["parameters"]["path"];`)).toBe(withPath);
        for (const methods of ["ClientMethods", "ResponseMethods"]) {
          const signature = section(methods)
            .split("\n")
            .find((line) => line.startsWith(`  ${op.name}<As extends ParseAs = never>(`));
          expect(signature, methods).toBeDefined();
          expect(signature?.includes("(path: ")).toBe(withPath);
        }
      },
    );

    it("answers with each documented 2xx status, and no other", () => {
      for (const op of model.operations) {
        const entry = section("OperationTypes").split(`\n  ${op.name}: {\n`)[1] ?? "";
        const answer = entry.split("\n").find((line) => line.startsWith("    answer: ")) ?? "";
        const statuses = [...answer.matchAll(/\{ status: (\d+);/g)].map(([, status]) => status);
        const documented = op.responses
          .map((response) => response.status)
          .filter((status) => /^2\d\d$/.test(status));
        expect(statuses, op.name).toEqual(documented);
      }
    });
  });
});
