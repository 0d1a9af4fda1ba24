// The operations emitter: golden on the growth fixture (test/src/operations.test-d.ts checks the
// functions' parameter and result types against openapi-fetch's there), and per operation, each
// spec's function states its result type and sends its own method and path.
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
      "../../fixtures/growth/expected/operation-index.gen.ts",
    );
  });

  describe.each(SPECS)("$name", async ({ path }) => {
    const { document } = await loadSpec(path);
    const model = buildModel(document);
    const { content } = emitOperations(model, { specPath: "spec.yaml" });

    it.each(model.operations.map((op) => ({ name: op.name, op })))(
      "$name: typed from its own path and method, sent without inference",
      ({ op }) => {
        const operation = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
        const [signature, body] =
          content.split(`\nexport function ${op.name}(`)[1]?.split("\n}\n")[0]?.split("\n") ?? [];
        expect(signature?.endsWith(`): Result<${operation}> {`)).toBe(true);
        expect(signature).toContain(`options${optional(op) ? "?" : ""}: CallOptions<${operation}>`);
        const withPath = op.parameters.some((p) => p.in === "path");
        expect(signature?.includes(`path: ${operation}["parameters"]["path"]`)).toBe(withPath);
        const sent = [JSON.stringify(op.method), JSON.stringify(op.path), "options"];
        expect(body).toBe(
          `  return send(client, ${[...sent, ...(withPath ? ["path"] : [])].join(", ")});`,
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
