// The operations emitter: golden on the growth fixture (test/src/operations.test-d.ts checks the
// functions' parameter and result types against openapi-fetch's there), and per operation, each
// spec's function is typed from its entry in OperationTypes and sends its own method and path.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitOperationIndex } from "../../../scripts/emit/operation-index.ts";
import { emitOperations } from "../../../scripts/emit/operations.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";
import { SPECS } from "../../helpers/specs.ts";

const growthSpec = fileURLToPath(new URL("../../fixtures/growth/openapi.yaml", import.meta.url));

describe("emitOperations", () => {
  it("emits the growth fixture's functions, and their operation index, as the golden files", async () => {
    const { document } = await loadSpec(growthSpec);
    const model = buildModel(document);
    const context = { specPath: "test/fixtures/growth/openapi.yaml" };
    const file = emitOperations(model, context);
    expect(file.path).toBe("operations.gen.ts");
    await expect(file.content).toMatchFileSnapshot(
      "../../fixtures/growth/expected/operations.gen.ts",
    );
    await expect(emitOperationIndex(model, context).content).toMatchFileSnapshot(
      "../../fixtures/growth/expected/operation-index.gen.js",
    );
  });

  describe.each(SPECS)("$name", async ({ path }) => {
    const { document } = await loadSpec(path);
    const model = buildModel(document);
    const { content } = emitOperations(model, { specPath: "spec.yaml" });

    it.each(model.operations.map((op) => ({ name: op.name, op })))(
      "$name: typed from its entry in OperationTypes, sending its own method and path",
      ({ op }) => {
        const withPath = op.parameters.some((p) => p.in === "path");
        const type = [JSON.stringify(op.name), withPath, !optional(op)].join(", ");
        const sent = [JSON.stringify(op.method), JSON.stringify(op.path), withPath].join(", ");
        expect(content).toContain(
          `\nexport const ${op.name}: OperationFunction<${type}> = /* @__PURE__ */ operationFunction(${sent});\n`,
        );
      },
    );

    it("calls openapi-fetch's request() in one place only", () => {
      expect(content.match(/client\.request/g)).toHaveLength(1);
    });
  });
});

function optional(op: {
  parameters: { in: string; required: boolean }[];
  requestBody?: { required: boolean };
}) {
  return (
    !op.parameters.some((p) => p.in !== "path" && p.required) && op.requestBody?.required !== true
  );
}
