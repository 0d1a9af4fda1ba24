// Golden test of the CLI table emitter on the mini fixture, and its output's one guarantee:
// the same spec gives the same bytes.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitCliTable } from "../../../scripts/emit/cli-table.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";

const miniSpec = fileURLToPath(new URL("../../fixtures/mini/openapi.yaml", import.meta.url));
const context = { specPath: "test/fixtures/mini/openapi.yaml" };

describe("emitCliTable", () => {
  it("emits the mini fixture's operations as the golden file", async () => {
    const model = buildModel((await loadSpec(miniSpec)).document);
    const file = emitCliTable(model, context);
    expect(file.path).toBe("cli-table.gen.ts");
    await expect(file.content).toMatchFileSnapshot("./cli-table.mini.gen.ts.snap");
  });

  it("is byte-for-byte the same when run twice", async () => {
    const document = (await loadSpec(miniSpec)).document;
    const first = emitCliTable(buildModel(document), context).content;
    expect(emitCliTable(buildModel(structuredClone(document)), context).content).toBe(first);
  });

  it("keeps hostile spec text inert inside string literals", () => {
    const model = buildModel({
      info: { title: 'Quote " and */ and \\', version: "1" },
      paths: {
        "/x": {
          get: {
            operationId: "getX",
            // biome-ignore lint/suspicious/noTemplateCurlyInString: the hostile text under test
            summary: "`${process.exit()}` */ \u2028",
            responses: { "200": { description: "ok" } },
          },
        },
      },
    });
    const content = emitCliTable(model, context).content;
    expect(content).toContain('title: "Quote \\" and */ and \\\\"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the hostile text under test
    expect(content).toContain('summary: "`${process.exit()}` */ \u2028"');
  });
});
