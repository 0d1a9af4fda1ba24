// Bundle sizes of browser consumers (esbuild, minified, gzipped). Run: npm run bench
import { bundleSizes } from "../tools/bundle-size.js";

const sizes = await bundleSizes();
const baseline = sizes.find(({ consumer }) => consumer.startsWith("openapi-fetch's own size"));
console.table(
  sizes.map(({ consumer, minified, gzipped }) => ({
    consumer,
    "minified (B)": minified,
    "gzipped (B)": gzipped,
    "× openapi-fetch (gz)": baseline ? Number((gzipped / baseline.gzipped).toFixed(2)) : "-",
  })),
);
