// npm run build: compiles src/ and generated/ into dist/ (ESM, .d.ts, source and declaration maps)
// from a clean slate, adds what tsc does not emit (generated/'s .d.ts and .js files, a schema.js)
// and bundles the CLI.
// `--out-dir <dir>` builds elsewhere (the CLI start-up benchmark measures a fresh build so).
import { spawnSync } from "node:child_process";
import { copyFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { "out-dir": { type: "string", default: "dist" } } });
const outDir = path.resolve(root, values["out-dir"]);
const at = (file: string) => path.join(root, file);
const out = (file: string) => path.join(outDir, file);

// tsc writes <out>/src and <out>/generated (rootDir "."), the only parts of dist/ that ship;
// dist/docs belongs to `npm run docs`, so the build removes its own output and nothing else.
for (const dir of ["src", "generated"]) await rm(out(dir), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const { status } = spawnSync(
  process.execPath,
  [tsc, "-p", at("tsconfig.build.json"), "--outDir", outDir],
  { stdio: "inherit" },
);
if (status !== 0) {
  console.error("build: tsc -p tsconfig.build.json failed (see above); dist/ is incomplete.");
  process.exit(1);
}

// tsc never copies a .d.ts input, nor a .js one (no allowJs): without these copies the
// `paths`/`components` types and the operation index would be lost.
for (const file of await readdir(at("generated"))) {
  if (/\.(d\.ts|js)$/.test(file)) await copyFile(at(`generated/${file}`), out(`generated/${file}`));
}
// A module behind "onezone-client/schema" at run time, for type-only imports that survive as
// `import {} from "onezone-client/schema"` (verbatimModuleSyntax, some bundlers).
await writeFile(
  out("generated/schema.js"),
  "// Types only: see schema.d.ts (openapi-typescript's paths, components and operations).\nexport {};\n",
);

// The onezone-rest-cli bin as one file, in place of tsc's ~20 modules for it (nothing else imports
// them; their declarations stay): Node's ES module loader spends about half a millisecond on each
// module, which starts to count against `node -e 0`'s 60 ms. Packages stay imports, so the source
// map names only files that ship (src/, generated/).
const cli = out("src/cli");
for (const file of await readdir(cli)) {
  if (/\.js(\.map)?$/.test(file)) await rm(path.join(cli, file));
}
await build({
  entryPoints: [at("src/cli/main.ts")],
  outfile: path.join(cli, "main.js"),
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  packages: "external",
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
});
