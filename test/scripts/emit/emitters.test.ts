import path from "node:path";
import { describe, expect, it } from "vitest";
import { emitOperations } from "../../../scripts/emit/operations.ts";
import { emitResponseSchemas } from "../../../scripts/emit/response-schemas.ts";
import { emitSchema } from "../../../scripts/emit/schema.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";
import { ROOT } from "../../helpers/processes.ts";

const FIXTURE = "test/fixtures/mini";

describe("emitters on the mini fixture", async () => {
  const { document } = await loadSpec(path.join(ROOT, FIXTURE, "openapi.yaml"), ROOT);
  const context = { specPath: `${FIXTURE}/openapi.yaml` };

  it("operations.gen.ts", async () => {
    const file = emitOperations(buildModel(document), context);
    expect(file.path).toBe("operations.gen.ts");
    await expect(file.content).toMatchFileSnapshot(`../../fixtures/mini/expected/${file.path}`);
  });

  it("schema.d.ts", async () => {
    const file = await emitSchema(document, context);
    expect(file.path).toBe("schema.d.ts");
    await expect(file.content).toMatchFileSnapshot(`../../fixtures/mini/expected/${file.path}`);
  });

  it("response-schemas.json", async () => {
    const file = emitResponseSchemas(document, buildModel(document), context);
    expect(file.path).toBe("response-schemas.json");
    await expect(file.content).toMatchFileSnapshot(`../../fixtures/mini/expected/${file.path}`);
  });

  it("the same spec gives the same bytes", async () => {
    const again = await loadSpec(path.join(ROOT, FIXTURE, "openapi.yaml"), ROOT);
    expect(emitOperations(buildModel(again.document), context)).toEqual(
      emitOperations(buildModel(document), context),
    );
  });
});
