// Golden test of the operation index emitter on the mini fixture, and what its output guarantees:
// the same spec gives the same bytes, and each entry is the operation's own data, on the mini and
// the growth fixtures. Its type (operation-index.gen.d.ts) is checked where it is used: by the
// project's type-check and test/src/*.test-d.ts.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  emitOperationIndex,
  emitOperationIndexTypes,
} from "../../../scripts/emit/operation-index.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";

const miniSpec = fileURLToPath(new URL("../../fixtures/mini/openapi.yaml", import.meta.url));
const growthSpec = fileURLToPath(new URL("../../fixtures/growth/openapi.yaml", import.meta.url));
const context = { specPath: "test/fixtures/mini/openapi.yaml" };

/** The table the emitted JavaScript module exports. */
async function evaluate(content: string): Promise<Record<string, unknown>> {
  const module = await import(`data:text/javascript,${encodeURIComponent(content)}`);
  return module.operationIndex;
}

describe("emitOperationIndex", () => {
  it("emits the mini fixture's operations as the golden file", async () => {
    const model = buildModel((await loadSpec(miniSpec)).document);
    const file = emitOperationIndex(model, context);
    expect(file.path).toBe("operation-index.gen.js");
    await expect(file.content).toMatchFileSnapshot("./operation-index.mini.gen.js.snap");
  });

  it("emits its type, the same for every spec, as the golden file", async () => {
    const file = emitOperationIndexTypes(context);
    expect(file.path).toBe("operation-index.gen.d.ts");
    await expect(file.content).toMatchFileSnapshot("./operation-index.mini.gen.d.ts.snap");
  });

  it("is byte-for-byte the same when run twice", async () => {
    const document = (await loadSpec(miniSpec)).document;
    const first = emitOperationIndex(buildModel(document), context).content;
    expect(emitOperationIndex(buildModel(structuredClone(document)), context).content).toBe(first);
  });

  it.each([
    ["mini", miniSpec],
    ["growth", growthSpec],
  ])(
    "holds each operation's method, path, path parameters, body and reading, by name (%s)",
    async (_, spec) => {
      const model = buildModel((await loadSpec(spec)).document);
      const index = await evaluate(emitOperationIndex(model, context).content);
      expect(Object.keys(index)).toEqual(model.operations.map((op) => op.name));
      for (const op of model.operations) {
        const declared = op.requestBody?.contentTypes ?? [];
        // application/json first when declared, as the default; the others in the spec's sorted order.
        const mediaTypes = declared.includes("application/json")
          ? ["application/json", ...declared.filter((type) => type !== "application/json")]
          : declared;
        const answered = op.responses
          .filter((response) => response.status.startsWith("2"))
          .flatMap((response) => response.contentTypes);
        const parseAs = answered.some((type) => !type.includes("json") && !type.startsWith("text/"))
          ? "blob"
          : answered.some((type) => type.startsWith("text/"))
            ? "text"
            : undefined;
        expect(index[op.name], op.name).toEqual({
          method: op.method,
          path: op.path,
          pathParameters: op.parameters.some((p) => p.in === "path"),
          ...(op.requestBody ? { body: { required: op.requestBody.required, mediaTypes } } : {}),
          ...(parseAs ? { parseAs } : {}),
        });
      }
    },
  );

  it("reads an operation's answers as the most general of their media types", () => {
    const answering = (...contentTypes: string[][]) =>
      buildModel({
        info: { title: "t", version: "1" },
        paths: {
          "/x": {
            get: {
              responses: Object.fromEntries(
                contentTypes.map((types, i) => [
                  String(200 + i),
                  { description: "ok", content: Object.fromEntries(types.map((t) => [t, {}])) },
                ]),
              ),
            },
          },
        },
      });
    const readings = [
      [[["application/json"]], undefined],
      [[["application/problem+json"], []], undefined],
      [[["text/plain"]], "text"],
      [[["application/json"], ["text/csv"]], "text"],
      [[["application/json", "image/png"]], "blob"],
      [[["text/plain"], ["application/octet-stream"]], "blob"],
    ] as const;
    for (const [types, parseAs] of readings) {
      const model = answering(...types.map((t) => [...t]));
      expect(emitOperationIndex(model, context).content, JSON.stringify(types)).toContain(
        `pathParameters: false${parseAs ? `, parseAs: "${parseAs}"` : ""} }`,
      );
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
