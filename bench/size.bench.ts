// Bundle sizes of browser consumers (esbuild, minified, gzipped), and what each operation adds to
// the whole client on GitHub's spec, beside hey-api's SDK for the same spec.
// Run: npm run bench:setup && npm run bench
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import {
  BROWSER_BUNDLE,
  bundleSize,
  bundleSizes,
  FIXED_BUDGET,
  GITHUB_SPEC,
  type OperationCost,
  operationCost,
  PER_OPERATION_BUDGET,
} from "../tools/bundle-size.ts";
import { heyApi, requirePeers, version } from "./peers/peers.ts";
import { table, timeProcess, writeSection } from "./report.ts";

requirePeers();

const sizes = await bundleSizes();
const fixed = await bundleSize("whole client (createOnezoneClient)", null);
const baseline = sizes.find(({ consumer }) => consumer.startsWith("openapi-fetch's own size"));
const times = (gzipped: number) => (baseline ? (gzipped / baseline.gzipped).toFixed(2) : "-");
const rows = [
  ...sizes.map(({ consumer, minified, gzipped }) => [
    consumer,
    minified.toLocaleString("en"),
    gzipped.toLocaleString("en"),
    times(gzipped),
  ]),
  [
    "the whole client before its operations (an empty operation index)",
    fixed.minified.toLocaleString("en"),
    fixed.gzipped.toLocaleString("en"),
    times(fixed.gzipped),
  ],
];
const consumers = table(["consumer", "minified (B)", "gzipped (B)", "× openapi-fetch (gz)"], rows);
console.log(`\nBundle sizes\n${consumers}`);

const ours = await operationCost(GITHUB_SPEC);
const theirs = await heyApiCost();
const perOperation = table(
  ["client", "operations", "all operations (B)", "baseline (B)", "per operation (B)"],
  [
    costRow("onezone-client (createApiClient over the operation index)", ours),
    costRow(`hey-api ${version(heyApi)} SDK (sdk.gen.ts + its fetch client)`, theirs),
  ],
);
const ratio = ours.perOperation / theirs.perOperation;
const verdict = `Ours is ${ratio.toFixed(2)}× hey-api's per operation (goal: at most 0.5×; ${ratio <= 0.5 ? "met" : "NOT met"}).`;
console.log(`\nPer operation, GitHub's spec\n${perOperation}\n${verdict}`);

writeSection(
  "size",
  [
    "## Bundle size",
    "",
    "What a browser app pays: each consumer (tools/bundle-size.ts) bundled by esbuild for the",
    "browser, minified, then gzipped. `test/package/size.test.ts` holds the client before its",
    `operations to ${FIXED_BUDGET}× openapi-fetch's whole library, and what each operation adds, on`,
    `GitHub's spec, to ${PER_OPERATION_BUDGET} B. Sizes are exact, so one run.`,
    "",
    consumers,
    "",
    "What each operation adds, on GitHub's spec (`@octokit/openapi`): for ours, the whole client",
    "over the spec's operation index against the same client over an empty one; for hey-api",
    "(`openapi-ts -c @hey-api/client-fetch`), every function of sdk.gen.ts against one of them,",
    "each with its client; the difference divided by the operations.",
    "",
    perOperation,
    "",
    verdict,
  ].join("\n"),
);

function costRow(client: string, cost: OperationCost): string[] {
  return [
    client,
    cost.operations.toLocaleString("en"),
    cost.whole.toLocaleString("en"),
    cost.fixed.toLocaleString("en"),
    cost.perOperation.toFixed(1),
  ];
}

/** hey-api's SDK for GitHub's spec: every function with its client, against one function with it. */
async function heyApiCost(): Promise<OperationCost> {
  const dir = mkdtempSync(path.join(tmpdir(), "onezone-bench-size-"));
  try {
    const generated = timeProcess(process.execPath, [
      heyApi.bin,
      ...["-i", GITHUB_SPEC, "-o", dir, "-c", "@hey-api/client-fetch", "--no-log-file", "-s"],
    ]);
    if (generated.status !== 0) throw new Error(`hey-api failed: ${generated.stderr}`);
    const sdk = readFileSync(path.join(dir, "sdk.gen.ts"), "utf8");
    const names = [...sdk.matchAll(/^export const (\w+) =/gm)].map(([, name]) => name);
    const gzipped = async (contents: string) => {
      const result = await build({
        stdin: { contents, resolveDir: dir, loader: "ts" },
        ...BROWSER_BUNDLE,
      });
      return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).byteLength;
    };
    const whole = await gzipped(`import * as sdk from "./sdk.gen.ts"; console.log(sdk);`);
    const fixed = await gzipped(
      `import { ${names[0]} } from "./sdk.gen.ts"; console.log(${names[0]});`,
    );
    const operations = names.length;
    return { operations, whole, fixed, perOperation: (whole - fixed) / (operations - 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
