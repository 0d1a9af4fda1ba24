// npm run build: compiles src/ and generated/ into dist/ (ESM, .d.ts, source and declaration maps)
// from a clean slate, and adds what tsc does not emit for generated/schema.d.ts.
import { spawnSync } from "node:child_process";
import { copyFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (path: string) => `${root}${path}`;

// tsc writes dist/src and dist/generated (rootDir "."), the only parts of dist/ that ship;
// dist/docs belongs to `npm run docs`, so the build removes its own output and nothing else.
for (const dir of ["dist/src", "dist/generated"])
  await rm(at(dir), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const { status } = spawnSync(process.execPath, [tsc, "-p", at("tsconfig.build.json")], {
  stdio: "inherit",
});
if (status !== 0) {
  console.error("build: tsc -p tsconfig.build.json failed (see above); dist/ is incomplete.");
  process.exit(1);
}

// tsc never copies a .d.ts input; without this copy the `paths`/`components` types would be lost.
await copyFile(at("generated/schema.d.ts"), at("dist/generated/schema.d.ts"));
// A module behind "onezone-client/schema" at run time, for type-only imports that survive as
// `import {} from "onezone-client/schema"` (verbatimModuleSyntax, some bundlers).
await writeFile(
  at("dist/generated/schema.js"),
  "// Types only: see schema.d.ts (openapi-typescript's paths, components and operations).\nexport {};\n",
);
