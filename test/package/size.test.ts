// Bundle size is a property of the code, not a timing, so its budget is a test; bench/size.bench.ts
// prints the same measurements as a table.
import { beforeAll, describe, expect, it } from "vitest";
import { operationIndex } from "../../generated/operation-index.gen.ts";
import { type BundleSize, bundleSizes } from "../../tools/bundle-size.ts";

/** The whole client may weigh at most this many times openapi-fetch's own size (minified + gzipped). */
const BUDGET = 1.5;

describe("browser bundles of onezone-client (esbuild, minified, gzipped)", () => {
  let whole: BundleSize;
  let oneOperation: BundleSize;
  let openapiFetch: BundleSize;
  beforeAll(async () => {
    [whole, oneOperation, openapiFetch] = (await bundleSizes()) as [
      BundleSize,
      BundleSize,
      BundleSize,
    ];
  });

  it(`keeps the whole client within ${BUDGET}× openapi-fetch's own size`, () => {
    const ratio = whole.gzipped / openapiFetch.gzipped;
    const sizes = `${whole.gzipped} B vs ${openapiFetch.gzipped} B (${ratio.toFixed(2)}×)`;
    const modules = `minified bytes by module: ${JSON.stringify(whole.modules)}`;
    expect(ratio, `${sizes}; ${modules}`).toBeLessThanOrEqual(BUDGET);
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
    expect(whole.modules).toHaveProperty(["generated/operation-index.gen.ts"]);
    expect(whole.modules).not.toHaveProperty(["generated/operations.gen.ts"]);
  });
});
