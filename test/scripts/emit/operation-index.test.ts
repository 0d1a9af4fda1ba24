// Golden test of the operation index emitter on the mini fixture, and what its output guarantees:
// the same spec gives the same bytes, and each entry is the operation's own data.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitOperationIndex } from "../../../scripts/emit/operation-index.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";

const miniSpec = fileURLToPath(new URL("../../fixtures/mini/openapi.yaml", import.meta.url));
const context = { specPath: "test/fixtures/mini/openapi.yaml" };

/** The table the emitted module exports, evaluated as JavaScript once its types are stripped. */
async function evaluate(content: string): Promise<Record<string, unknown>> {
  const { stripTypeScriptTypes } = await import("node:module");
  const source = stripTypeScriptTypes(content);
  const module = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  return module.operationIndex;
}

describe("emitOperationIndex", () => {
  it("emits the mini fixture's operations as the golden file", async () => {
    const model = buildModel((await loadSpec(miniSpec)).document);
    const file = emitOperationIndex(model, context);
    expect(file.path).toBe("operation-index.gen.ts");
    await expect(file.content).toMatchFileSnapshot("./operation-index.mini.gen.ts.snap");
  });

  it("is byte-for-byte the same when run twice", async () => {
    const document = (await loadSpec(miniSpec)).document;
    const first = emitOperationIndex(buildModel(document), context).content;
    expect(emitOperationIndex(buildModel(structuredClone(document)), context).content).toBe(first);
  });

  it("holds each operation's method, path and whether it has path parameters, by name", async () => {
    const model = buildModel((await loadSpec(miniSpec)).document);
    const index = await evaluate(emitOperationIndex(model, context).content);
    expect(Object.keys(index)).toEqual(model.operations.map((op) => op.name));
    for (const op of model.operations) {
      expect(index[op.name]).toEqual({
        method: op.method,
        path: op.path,
        pathParameters: op.parameters.some((p) => p.in === "path"),
      });
    }
  });

  it("keeps hostile spec text inert, and an operation named __proto__ an entry", async () => {
    const model = buildModel({
      info: { title: "t", version: "1" },
      paths: {
        '/x/"${process.exit()}"*/\u2028': {
          get: { operationId: "__proto__", responses: { "200": { description: "ok" } } },
        },
      },
    });
    const index = await evaluate(emitOperationIndex(model, context).content);
    expect(Object.getPrototypeOf(index)).toBe(Object.prototype);
    expect(Object.entries(index)).toEqual([
      [
        "__proto__",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the hostile text under test
        { method: "get", path: '/x/"${process.exit()}"*/\u2028', pathParameters: false },
      ],
    ]);
  });
});
