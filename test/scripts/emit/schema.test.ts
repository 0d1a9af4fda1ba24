// scripts/emit/schema.ts calls openapi-typescript's internal transform, pinned by version, to skip
// the lint and bundle its public openapiTS() would do again. These tests catch a version whose
// internals no longer give what openapiTS() gives.
import path from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { header } from "../../../scripts/emit/header.ts";
import { emitSchema } from "../../../scripts/emit/schema.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { ROOT } from "../../helpers/processes.ts";

const FIXTURES = [
  "test/fixtures/mini/openapi.yaml",
  "test/scripts/emit/discriminator.openapi.yaml",
  "spec/onezone.yaml",
];

describe.each(FIXTURES)("emitSchema on %s", async (fixture) => {
  const { document } = await loadSpec(path.join(ROOT, fixture), ROOT);
  const loaded = structuredClone(document) as unknown as OpenAPI3;
  const context = { specPath: fixture };

  it("gives what openapiTS() gives for the same document and options", async () => {
    const theirs = await openapiTS(structuredClone(loaded), { alphabetize: true, silent: true });
    const ours = emitSchema(document, context).content;
    expect(ours).toBe(`${header("scripts/emit/schema.ts", context)}\n${astToString(theirs)}`);
  });

  it("leaves the document it is given as it was, for the emitters after it", () => {
    emitSchema(document, context);
    expect(document).toEqual(loaded);
  });
});

it("the discriminator fixture is one that openapi-typescript writes into", async () => {
  const fixture = path.join(ROOT, "test/scripts/emit/discriminator.openapi.yaml");
  const { document } = await loadSpec(fixture, ROOT);
  const given = structuredClone(document) as unknown as OpenAPI3;
  await openapiTS(given, { alphabetize: true, silent: true });
  expect(given).not.toEqual(document);
});
