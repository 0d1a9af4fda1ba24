// Bundle sizes of browser consumers (esbuild, minified, gzipped). Run: npm run bench
import { bundleSizes } from "../tools/bundle-size.ts";
import { table, writeSection } from "./report.ts";

const sizes = await bundleSizes();
const baseline = sizes.find(({ consumer }) => consumer.startsWith("openapi-fetch's own size"));
const rows = sizes.map(({ consumer, minified, gzipped }) => [
  consumer,
  minified.toLocaleString("en"),
  gzipped.toLocaleString("en"),
  baseline ? (gzipped / baseline.gzipped).toFixed(2) : "-",
]);
const result = table(["consumer", "minified (B)", "gzipped (B)", "× openapi-fetch (gz)"], rows);
console.log(`\nBundle sizes\n${result}`);
writeSection(
  "size",
  [
    "## Bundle size",
    "",
    "What a browser app pays: each consumer (tools/bundle-size.ts) bundled by esbuild for the",
    "browser, minified, then gzipped. `test/package/size.test.ts` holds the whole client to 1.5×",
    "openapi-fetch's whole library. Sizes are exact, so one run.",
    "",
    result,
  ].join("\n"),
);
