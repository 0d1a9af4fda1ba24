// test/helpers/specs.ts, the contract the suites share: each spec of SPECS lints clean and
// generates, and generatedApi() reads back the operations of that spec.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel } from "../../scripts/model.ts";
import { generatedApi, PROJECT_SPEC, SPECS } from "./specs.ts";

describe.each(SPECS)("generatedApi($name)", (spec) => {
  it("holds the spec's operations, in the operation index and in the CLI table", async () => {
    const { operations } = buildModel((await loadSpec(spec.path)).document);
    const api = await generatedApi(spec.path);
    const names = operations.map((operation) => operation.name);
    expect(names.length).toBeGreaterThan(0);
    expect(Object.keys(api.operationIndex)).toEqual(names);
    expect(api.cliOperations.map((operation) => operation.name)).toEqual(names);
    for (const operation of operations) {
      expect(api.operationIndex[operation.name]).toMatchObject({
        method: operation.method,
        path: operation.path,
      });
    }
    expect(api.responseSchemas).toBeTypeOf("object");
    expect(await generatedApi(spec.path)).toBe(api);
  });
});

it("reads the project's spec from the committed generated/, without generating", async () => {
  expect((await generatedApi(PROJECT_SPEC)).dir).toMatch(/\/generated$/);
  const growth = SPECS.find((spec) => spec.path !== PROJECT_SPEC);
  expect((await generatedApi(growth?.path ?? "")).dir).not.toMatch(/\/generated$/);
});
