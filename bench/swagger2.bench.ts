// What reading Swagger 2.0 costs: Scalar's upgrader alone on bundled 2.0 documents of 100 to 5,000
// operations, and `npm run generate` on a 2.0 spec against the same API already in 3.1 (what
// `npm run import` writes), whose difference is the 2.0 lint and the conversion together.
// Run: npm run bench (all benchmarks), or node bench/swagger2.bench.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromSwagger2 } from "../scripts/upgrade.ts";
import { median, ROOT, seconds, table, timeProcess, writeSection } from "./report.ts";
import { syntheticSwagger2 } from "./synthetic-swagger2.ts";

const SIZES = [100, 1_000, 5_000];
const CONVERSION_RUNS = 7;
const GENERATE_RUNS = 3;

const work = mkdtempSync(path.join(tmpdir(), "onezone-bench-swagger2-"));
try {
  const rows: string[][] = [];
  for (const operations of SIZES) {
    const text = JSON.stringify(syntheticSwagger2(operations));
    const conversion: number[] = [];
    for (let run = 0; run < CONVERSION_RUNS; run++) {
      // A fresh parse each run: the upgrader converts in place.
      const document = JSON.parse(text);
      const started = performance.now();
      fromSwagger2(document);
      conversion.push(performance.now() - started);
    }
    const swagger = path.join(work, `swagger-${operations}.json`);
    const openapi = path.join(work, `openapi-${operations}.json`);
    writeFileSync(swagger, text);
    const imported = timeProcess(process.execPath, [
      path.join(ROOT, "scripts/import.ts"),
      swagger,
      "--out",
      openapi,
    ]);
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.stderr}`);
    const generate = (spec: string) =>
      median(
        Array.from({ length: GENERATE_RUNS }, (_, run) => {
          const out = path.join(work, `out-${run}`);
          const timed = timeProcess(process.execPath, [
            path.join(ROOT, "scripts/generate.ts"),
            ...["--spec", spec, "--out", out],
          ]);
          if (timed.status !== 0) throw new Error(`generate failed:\n${timed.stderr}`);
          rmSync(out, { recursive: true, force: true });
          return timed.wallMs;
        }),
      );
    const [from2, from31] = [generate(swagger), generate(openapi)];
    rows.push([
      String(operations),
      `${(text.length / 1024 / 1024).toFixed(1)} MB`,
      `${Math.round(median(conversion))} ms`,
      seconds(from2),
      seconds(from31),
      seconds(from2 - from31),
    ]);
    console.log(rows.at(-1)?.join("  "));
  }
  writeSection(
    "swagger2",
    [
      "## Reading Swagger 2.0",
      "",
      "Swagger 2.0 specs are linted and bundled as written, then converted in memory by",
      "`@scalar/openapi-upgrader` (`scripts/upgrade.ts`). Specs from `bench/synthetic-swagger2.ts`",
      "(Onedata's shape: basePath, `in: body` parameters, snake_case operationIds). Conversion: the",
      `median of ${CONVERSION_RUNS} in-process runs on the bundled document. generate: the median of`,
      `${GENERATE_RUNS} whole runs, on the 2.0 spec and on the 3.1 file \`npm run import\` makes of it.`,
      "",
      table(
        [
          "operations",
          "2.0 JSON",
          "conversion",
          "generate 2.0 (s)",
          "generate 3.1 (s)",
          "difference (s)",
        ],
        rows,
      ),
    ].join("\n"),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
