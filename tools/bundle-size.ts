// What a browser app pays for onezone-client: three small consumers bundled by esbuild, minified
// and gzipped. Shared by bench/size.bench.ts (the table) and test/package/size.test.ts (the budget).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

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
 */
export async function bundleSize(consumer: Consumer): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: CONSUMERS[consumer], resolveDir: ROOT, loader: "ts" },
    alias: { "onezone-client": `${ROOT}src/index.ts` },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
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
