// Golden test of the CLI table emitter on the mini and growth fixtures, and its output's
// guarantees: the same spec gives the same bytes, and spec text comes back as it was.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitCliTable } from "../../../scripts/emit/cli-table.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";

const miniSpec = fileURLToPath(new URL("../../fixtures/mini/openapi.yaml", import.meta.url));
const growthSpec = fileURLToPath(new URL("../../fixtures/growth/openapi.yaml", import.meta.url));
const context = { specPath: "test/fixtures/mini/openapi.yaml" };

describe("emitCliTable", () => {
  it("emits the mini fixture's operations as the golden file", async () => {
    const { document } = await loadSpec(miniSpec);
    const file = emitCliTable(document, buildModel(document), context);
    expect(file.path).toBe("cli-table.gen.ts");
    await expect(file.content).toMatchFileSnapshot("./cli-table.mini.gen.ts.snap");
  });

  it("emits the growth fixture's bodies (fields, secrets, files, variants, examples) as the golden file", async () => {
    const { document } = await loadSpec(growthSpec);
    const file = emitCliTable(document, buildModel(document), {
      specPath: "test/fixtures/growth/openapi.yaml",
    });
    await expect(file.content).toMatchFileSnapshot("./cli-table.growth.gen.ts.snap");
  });

  it("is byte-for-byte the same when run twice", async () => {
    const document = (await loadSpec(miniSpec)).document;
    const first = emitCliTable(document, buildModel(document), context).content;
    const again = structuredClone(document);
    expect(emitCliTable(again, buildModel(again), context).content).toBe(first);
  });

  it("keeps hostile spec text inert: the module gives back the spec's text as it was", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the hostile text under test
    const summary = "`${process.exit()}` */ \u2028 \\` \\u0060 \\";
    const title = 'Quote " and */ and \\';
    const document = {
      info: { title, version: "1" },
      paths: {
        "/x": {
          get: { operationId: "getX", summary, responses: { "200": { description: "ok" } } },
        },
      },
    };
    const content = emitCliTable(document, buildModel(document), context).content;
    const dir = mkdtempSync(path.join(tmpdir(), "onezone-cli-table-"));
    try {
      writeFileSync(path.join(dir, "cli-table.gen.ts"), content);
      const table = await import(pathToFileURL(path.join(dir, "cli-table.gen.ts")).href);
      expect(table.cliApi.title).toBe(title);
      expect(table.cliOperations[0].summary).toBe(summary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
