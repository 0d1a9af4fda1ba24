// What a browser app pays for onezone-client: small consumers bundled by esbuild, minified and
// gzipped; and what each operation adds to the whole client, on GitHub's spec. Shared by
// bench/size.bench.ts (the tables) and test/package/size.test.ts (the budgets).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build, type Plugin } from "esbuild";
import { emitOperationIndex } from "../scripts/emit/operation-index.ts";
import { buildModel } from "../scripts/model.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The budgets test/package/size.test.ts holds and bench/size.bench.ts reports. The client before
 * its operations may weigh at most FIXED_BUDGET times openapi-fetch's own size (gzipped).
 */
export const FIXED_BUDGET = 1.5;
/**
 * Gzipped bytes each operation may add to the whole client, on GitHub's spec: hey-api's SDK adds
 * 17.3 there (BENCHMARKS.md, "Bundle size"), ours 13.3 when this was set.
 */
export const PER_OPERATION_BUDGET = 14;

/** How every bundle here is built, ours and the peers': as a browser app ships it, minified. */
export const BROWSER_BUNDLE = {
  bundle: true,
  minify: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  write: false,
  logLevel: "silent",
} as const satisfies BuildOptions;

/** GitHub's REST API spec (about 1,200 operations), on which the per-operation cost is measured. */
export const GITHUB_SPEC = createRequire(import.meta.url).resolve(
  "@octokit/openapi/generated/api.github.com.json",
);

/**
 * The client consumers each call GET /tokens/named/{id}/status once. The budget's baseline is
 * openapi-fetch's own size: the whole library bundled, as its README quotes it ("6 kb (min)").
 */
export const CONSUMERS = {
  "whole client (createOnezoneClient)": `
    import { createOnezoneClient } from "onezone-client";
    const onezone = createOnezoneClient({ host: "onezone.example.com" });
    console.log(await onezone.getNamedTokenStatus({ id: "x" }));`,
  "one operation (getNamedTokenStatus + openapi-fetch)": `
    import createClient from "openapi-fetch";
    import { getNamedTokenStatus } from "onezone-client";
    const client = createClient({ baseUrl: "https://onezone.example.com/api/v3/onezone" });
    console.log(await getNamedTokenStatus(client, { id: "x" }));`,
  "openapi-fetch's own size (the whole library)": `
    export * from "openapi-fetch";
    export { default } from "openapi-fetch";`,
  "openapi-fetch alone (createClient + GET)": `
    import createClient from "openapi-fetch";
    const client = createClient({ baseUrl: "https://onezone.example.com/api/v3/onezone" });
    console.log(await client.GET("/tokens/named/{id}/status", { params: { path: { id: "x" } } }));`,
} as const;

export type Consumer = keyof typeof CONSUMERS;

export interface BundleSize {
  consumer: Consumer;
  minified: number;
  gzipped: number;
  /** The minified bundle itself. */
  text: string;
  /** Minified bytes each file kept in the bundle contributes, by path relative to the repo. */
  modules: Record<string, number>;
}

/**
 * Bundles one consumer for the browser. "onezone-client" is the repo's src/index.ts, which esbuild
 * tree-shakes exactly like dist/ (same modules, same `sideEffects: false` in package.json).
 * `operationIndex` is an operation-index.gen.js to bundle instead of generated/'s; `null`, none
 * (an index without operations): what the client costs before its operations.
 */
export async function bundleSize(
  consumer: Consumer,
  operationIndex?: string | null,
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: CONSUMERS[consumer], resolveDir: ROOT, loader: "ts" },
    alias: { "onezone-client": `${ROOT}src/index.ts` },
    absWorkingDir: ROOT,
    ...BROWSER_BUNDLE,
    metafile: true,
    plugins: operationIndex === undefined ? [] : [replaceOperationIndex(operationIndex)],
  });
  const [output] = result.outputFiles;
  const [meta] = Object.values(result.metafile.outputs);
  if (!output || !meta) throw new Error(`esbuild wrote no output for the consumer "${consumer}".`);
  const kept = Object.entries(meta.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
  return {
    consumer,
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents).byteLength,
    text: output.text,
    modules: Object.fromEntries(kept.map(([file, { bytesInOutput }]) => [file, bytesInOutput])),
  };
}

/** All consumers, in the order of CONSUMERS. */
export function bundleSizes(): Promise<BundleSize[]> {
  return Promise.all(Object.keys(CONSUMERS).map((consumer) => bundleSize(consumer as Consumer)));
}

/** Loads `replacement` (or an empty index) wherever generated/operation-index.gen.js is imported. */
function replaceOperationIndex(replacement: string | null): Plugin {
  return {
    name: "replace-operation-index",
    setup(build) {
      build.onLoad({ filter: /[\\/]generated[\\/]operation-index\.gen\.js$/ }, () => ({
        contents:
          replacement === null
            ? "export const operationIndex = {};"
            : readFileSync(replacement, "utf8"),
        loader: "js",
      }));
    },
  };
}

export interface OperationCost {
  operations: number;
  /** The whole client over the spec's operation index, gzipped. */
  whole: number;
  /** The whole client over an index without operations, gzipped: its fixed part. */
  fixed: number;
  /** What each operation adds, gzipped: (whole − fixed) / operations. */
  perOperation: number;
}

/** What the whole client weighs over a spec's operation index, and what each operation adds. */
export async function operationCost(specPath: string): Promise<OperationCost> {
  const document = JSON.parse(readFileSync(specPath, "utf8"));
  const model = buildModel(document);
  const dir = mkdtempSync(path.join(tmpdir(), "onezone-size-"));
  try {
    const index = path.join(dir, "operation-index.gen.js");
    writeFileSync(index, emitOperationIndex(model, { specPath }).content);
    const consumer = "whole client (createOnezoneClient)";
    const whole = (await bundleSize(consumer, index)).gzipped;
    const fixed = (await bundleSize(consumer, null)).gzipped;
    const operations = model.operations.length;
    return { operations, whole, fixed, perOperation: (whole - fixed) / operations };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
