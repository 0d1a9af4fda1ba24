// npm run import -- <spec> --out <file> [--force]: a Swagger 2.0 (or OpenAPI 3.0) description, one
// file or split, as one OpenAPI 3.1 file, for maintainers who move their source of truth to 3.1.
// Lint and bundle as generate does, convert, put OpenAPI's fields in the specification's order,
// then write YAML (.yaml, .yml) or Biome-formatted JSON (.json). The same input gives the same bytes.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringifyYaml } from "@redocly/openapi-core";
import { loadSpec } from "./load.ts";
import { inSpecificationOrder } from "./openapi-order.ts";
import { SpecError } from "./spec-error.ts";
import { specSources } from "./spec-sources.ts";
import { toOpenApi31 } from "./upgrade.ts";
import { replaceAtomically } from "./write.ts";

const USAGE = `Usage: npm run import -- <spec> --out <file> [--force]

  <spec>         Swagger 2.0 or OpenAPI 3.0 file (JSON or YAML; the files it $refs are bundled in)
  --out <file>   where to write the OpenAPI 3.1 document: YAML for .yaml/.yml, JSON for .json
  --force        replace --out even when it holds something else (it may hold your edits)
  --help         show this help

An existing --out is replaced only with --force, unless it already holds exactly this conversion.`;

const ROOT = path.resolve(import.meta.dirname, "..");
const BIOME = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

/** The spec as one OpenAPI 3.1 document, in the text --out's extension asks for. */
export async function importSpec(specPath: string, outPath: string): Promise<string> {
  const { document } = await loadSpec(specPath);
  const converted = inSpecificationOrder(toOpenApi31(document));
  if (outPath.endsWith(".json")) return biomeFormatted(JSON.stringify(converted));
  const source = path.relative(process.cwd(), specPath).split(path.sep).join("/");
  const yaml = stringifyYaml(converted, { noRefs: true, lineWidth: -1 });
  return `# OpenAPI 3.1, converted from ${source} by npm run import.\n${yaml}`;
}

/** The project's Biome formats the JSON, as `biome check` will expect to find it. */
function biomeFormatted(json: string): string {
  return execFileSync(process.execPath, [BIOME, "format", "--stdin-file-path=openapi.json"], {
    cwd: ROOT,
    input: json,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { spec, out, force } = args;
  if (spec === undefined || out === undefined) return usageError("Give a spec and --out <file>.");
  if (!/\.(ya?ml|json)$/.test(out))
    return usageError(`--out ${out} must end in .yaml, .yml or .json.`);
  if (specSources(spec).includes(path.resolve(out))) {
    return usageError(`--out ${out} is a file of the spec itself; write the conversion elsewhere.`);
  }
  try {
    const text = await importSpec(spec, out);
    const previous = existsSync(out) ? readFileSync(out, "utf8") : undefined;
    if (previous === text) {
      console.log(`${out} already holds this conversion of ${spec}.`);
      return 0;
    }
    if (previous !== undefined && !force) {
      console.error(
        `import: ${out} exists and holds something else, maybe your edits; nothing was written. Pass --force to replace it, or choose another --out.`,
      );
      return 1;
    }
    replaceAtomically(out, (staging) => writeFileSync(staging, text));
    console.log(`Wrote ${out}: OpenAPI 3.1, converted from ${spec}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`import: ${error.message}`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    console.error(`${out} was left unchanged.`);
    return 1;
  }
}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      out: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error(`Give one spec, not ${positionals.join(", ")}.`);
  return { ...values, spec: positionals[0] };
}

function usageError(message: string): number {
  console.error(`import: ${message}\n\n${USAGE}`);
  return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
