// The client types emitter: golden on the growth fixture (test/src/client.test-d.ts checks what a
// caller can and cannot write against that golden file), and per operation, each spec's entries.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitClientTypes } from "../../../scripts/emit/client-types.ts";
import { bodyMediaTypes, successResponses } from "../../../scripts/emit/operation-index.ts";
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
    /** An entry's JSDoc and its line. */
    const entryOf = (name: string): [string, string | undefined] => {
      const [before = "", after] = operationTypes.split(`\n  ${name}: `);
      return [before.slice(before.lastIndexOf("/**")), after?.split("\n")[0]];
    };

    it.each(model.operations.map((op) => ({ name: op.name, op })))(
      "$name: one line with its docs, naming its own path and method",
      ({ op }) => {
        const [docs, entry] = entryOf(op.name);
        expect(docs).toContain(`\`${op.method.toUpperCase()} ${op.path}\``);
        expect(docs.includes("@deprecated")).toBe(op.deprecated);
        const withPath = op.parameters.some((p) => p.in === "path");
        const route = `${JSON.stringify(op.path)}, ${JSON.stringify(op.method)}, `;
        expect(entry?.startsWith(`${withPath ? "PathEntry" : "Entry"}<${route}`)).toBe(true);
        expect(entry?.endsWith(">;")).toBe(true);
        // Entry looks the operation up in `paths`: the line itself names no type from it.
        expect(entry).not.toContain("paths[");
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
        expect(content.split(`\n  ${op.name}: `), op.name).toHaveLength(2);
      }
    });

    it("names each media type the body may be sent as, the default first, and whether it is required", () => {
      for (const op of model.operations) {
        const entry = entryOf(op.name)[1] ?? "";
        const mediaTypes = [...entry.matchAll(/SendAs<("[^"]+")/g)].map(([, type]) =>
          JSON.parse(type ?? ""),
        );
        expect(mediaTypes, op.name).toEqual(bodyMediaTypes(op));
        if (op.requestBody) expect(entry).toContain(`Body<${op.requestBody.required}, `);
        else expect(entry).toContain(", NoBody, ");
      }
    });

    it("answers with each documented 2xx status, and no other", () => {
      for (const op of model.operations) {
        const entry = entryOf(op.name)[1] ?? "";
        const keys = [...entry.matchAll(/Reply<(\d+|"[^"]+")/g)].map(([, key = ""]) =>
          key.startsWith('"') ? JSON.parse(key) : key,
        );
        const documented = successResponses(op).map((response) => response.status);
        expect(keys, op.name).toEqual(documented);
        if (documented.length === 0) expect(entry).toMatch(/, NoReply>;$/);
      }
    });
  });
});
