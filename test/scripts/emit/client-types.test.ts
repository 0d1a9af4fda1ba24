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
    const start = content.indexOf("export interface OperationTypes {");
    const operationTypes = content.slice(start, content.indexOf("\n}\n", start));
    /** An entry's JSDoc and its members. */
    const entryOf = (name: string): [string, string | undefined] => {
      const [before = "", after] = operationTypes.split(`\n  ${name}: {\n`);
      return [before.slice(before.lastIndexOf("/**")), after?.split("\n  };")[0]];
    };

    it.each(model.operations.map((op) => ({ name: op.name, op })))(
      "$name: an entry with its docs, each type from its own path and method",
      ({ op }) => {
        const operation = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
        const [docs, entry] = entryOf(op.name);
        expect(entry).toBeDefined();
        expect(docs).toContain(`\`${op.method.toUpperCase()} ${op.path}\``);
        expect(docs.includes("@deprecated")).toBe(op.deprecated);
        for (const line of entry?.split("\n") ?? [])
          expect(line).toMatch(/^ {4}(operation|path|input|answer): /);
        // Every type in the entry is looked up from the operation's own paths entry.
        for (const lookup of entry?.match(/paths\[[^\]]+\]\[[^\]]+\]/g) ?? []) {
          expect(lookup).toBe(operation);
        }
        expect(entry).toContain(`    operation: ${operation};`);
        const withPath = op.parameters.some((p) => p.in === "path");
        expect(entry?.includes(`path: ${operation}["parameters"]["path"];`)).toBe(withPath);
      },
    );

    it("maps every entry to a method and a withResponse method, without one line per operation", () => {
      expect(content).toContain(
        `export type ClientMethods = { [Name in keyof OperationTypes]: Method<Name, "data"> };`,
      );
      expect(content).toContain(
        `export type ResponseMethods = { [Name in keyof OperationTypes]: Method<Name, "response"> };`,
      );
      for (const op of model.operations) {
        expect(content.split(`\n  ${op.name}: {\n`), op.name).toHaveLength(2);
      }
    });

    it("answers with each documented 2xx status, and no other", () => {
      for (const op of model.operations) {
        const entry = entryOf(op.name)[1] ?? "";
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
