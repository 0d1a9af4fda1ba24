// Bundle size is a property of the code, not a timing, so its budget is a test; bench/size.bench.ts
// prints the same measurements as tables, beside hey-api's SDK.
import { beforeAll, describe, expect, it } from "vitest";
import { operationIndex } from "../../generated/operation-index.gen.js";
import {
  type BundleSize,
  bundleSize,
  FIXED_BUDGET,
  GITHUB_SPEC,
  type OperationCost,
  operationCost,
  PER_OPERATION_BUDGET,
} from "../../tools/bundle-size.ts";

describe("browser bundles of onezone-client (esbuild, minified, gzipped)", () => {
  let fixed: BundleSize;
  let oneOperation: BundleSize;
  let whole: BundleSize;
  let openapiFetch: BundleSize;
  beforeAll(async () => {
    [fixed, oneOperation, whole, openapiFetch] = await Promise.all([
      bundleSize("whole client (createOnezoneClient)", null),
      bundleSize("one operation (getNamedTokenStatus + openapi-fetch)"),
      bundleSize("whole client (createOnezoneClient)"),
      bundleSize("openapi-fetch's own size (the whole library)"),
    ]);
  });

  it(`keeps the client before its operations within ${FIXED_BUDGET}× openapi-fetch's own size`, () => {
    const ratio = fixed.gzipped / openapiFetch.gzipped;
    const sizes = `${fixed.gzipped} B vs ${openapiFetch.gzipped} B (${ratio.toFixed(3)}×)`;
    const modules = `minified bytes by module: ${JSON.stringify(fixed.modules)}`;
    expect(ratio, `${sizes}; ${modules}`).toBeLessThanOrEqual(FIXED_BUDGET);
  });

  describe("on GitHub's spec", () => {
    let cost: OperationCost;
    beforeAll(async () => {
      cost = await operationCost(GITHUB_SPEC);
    }, 120_000);

    it(`adds at most ${PER_OPERATION_BUDGET} B per operation`, () => {
      expect(cost.operations).toBeGreaterThan(1000);
      expect(cost.perOperation, JSON.stringify(cost)).toBeLessThanOrEqual(PER_OPERATION_BUDGET);
    });

    it("costs the same before its operations as on the project's spec", () => {
      expect(cost.fixed).toBe(fixed.gzipped);
    });
  });

  it("is its fixed part and its operations: the whole client over the project's index", () => {
    expect(whole.gzipped).toBeGreaterThan(fixed.gzipped);
    expect(whole.modules).toHaveProperty(["generated/operation-index.gen.js"]);
    expect(fixed.modules).toHaveProperty(["generated/operation-index.gen.js"]);
    expect(whole.modules["generated/operation-index.gen.js"]).toBeGreaterThan(
      fixed.modules["generated/operation-index.gen.js"] ?? 0,
    );
  });

  it("tree-shakes one operation function down to that function and openapi-fetch", () => {
    expect(Object.keys(oneOperation.modules).sort()).toEqual(
      [
        "<stdin>",
        "generated/operations.gen.ts",
        "node_modules/openapi-fetch/dist/index.mjs",
      ].sort(),
    );
    // That function's path, and no other operation's.
    for (const [name, { path }] of Object.entries(operationIndex)) {
      expect(oneOperation.text.includes(JSON.stringify(path)), name).toBe(
        path === operationIndex.getNamedTokenStatus.path,
      );
    }
  });

  it("makes the whole client from the operation index, without the operation functions", () => {
    expect(whole.modules).toHaveProperty(["generated/operation-index.gen.js"]);
    expect(whole.modules).not.toHaveProperty(["generated/operations.gen.ts"]);
  });
});
