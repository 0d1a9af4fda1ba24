// npm run generate [-- --spec <file>] [--out <dir>] [--check]: spec → load (lint + bundle) →
// model → each emitter → write. `generate()` is that pipeline; npm run dev calls it on each save.
import module from "node:module";
import { parseArgs } from "node:util";
import { type EmitContext, emitContext } from "./emit/header.ts";
import type { LintReport } from "./load.ts";
import { type ApiModel, buildModel, NameCollisionError } from "./model.ts";
import { nameCollisionProblem } from "./name-collision.ts";
import { SpecError } from "./spec-error.ts";
import { type GeneratedFile, staleFiles, writeOutput } from "./write.ts";

// Compiling Redocly and TypeScript (twice: openapi-typescript's copy and ts-morph's) is over a
// third of a run on our spec. V8 keeps that work between runs, but only for modules loaded after
// this call, so the modules that load them are imported here rather than above.
module.enableCompileCache();
const { loadSpec } = await import("./load.ts");
const { emitSchema } = await import("./emit/schema.ts");
const { emitOperations } = await import("./emit/operations.ts");
const { emitOperationIndex, emitOperationIndexTypes } = await import("./emit/operation-index.ts");
const { emitClientTypes } = await import("./emit/client-types.ts");
const { emitCliTable } = await import("./emit/cli-table.ts");
const { emitResponseSchemas } = await import("./emit/response-schemas.ts");
const { emitRequestSchemas } = await import("./emit/request-schemas.ts");

interface Spec {
  /** The bundled spec. */
  document: Record<string, unknown>;
  model: ApiModel;
}

/** One emitter per generated file: add a line here to generate another file. */
const EMITTERS: ((spec: Spec, context: EmitContext) => GeneratedFile)[] = [
  ({ document }, context) => emitSchema(document, context),
  ({ model }, context) => emitOperations(model, context),
  ({ model }, context) => emitOperationIndex(model, context),
  (_, context) => emitOperationIndexTypes(context),
  ({ model }, context) => emitClientTypes(model, context),
  ({ document, model }, context) => emitCliTable(document, model, context),
  ({ document, model }, context) => emitResponseSchemas(document, model, context),
  ({ document, model }, context) => emitRequestSchemas(document, model, context),
];

const USAGE = `Usage: npm run generate -- [--spec <file>] [--out <dir>] [--check]

  --spec <file>  OpenAPI 3.0/3.1 or Swagger 2.0 file to generate from (default: spec/onezone.yaml)
  --out <dir>    directory to write generated code into (default: generated)
  --check        write nothing; exit 1 naming the files that differ from what the spec gives
  --help         show this help`;

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    console.error(`generate: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    if (args.check) {
      const { lint, files } = await generateInMemory(args.spec);
      reportWarnings(args.spec, lint);
      const stale = staleFiles(args.out, files);
      if (stale.length > 0) {
        console.error(`${args.out} is stale; run npm run generate. Differs: ${stale.join(", ")}`);
        return 1;
      }
      console.log(`${args.out} is up to date with ${args.spec}.`);
      return 0;
    }
    const { lint, files } = await generate(args.spec, args.out);
    reportWarnings(args.spec, lint);
    const ms = Math.round(performance.now() - started);
    console.log(`Generated ${files.length} files in ${args.out} from ${args.spec} (${ms} ms).`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(`generate: ${error.message}`);
      for (const problem of error.problems) console.error(`  ${problem}`);
      console.error(`${args.out} was left unchanged.`);
      return 1;
    }
    throw error;
  }
}

export interface Generation {
  /** The bundled spec. */
  document: Record<string, unknown>;
  lint: LintReport;
  files: GeneratedFile[];
}

/**
 * The whole pipeline: load (lint + bundle) → model → emit → write `outDir` atomically. Throws a
 * SpecError naming file:line of each problem, having written nothing, when the spec is at fault.
 */
export async function generate(specPath: string, outDir: string): Promise<Generation> {
  const generation = await generateInMemory(specPath);
  writeOutput(outDir, generation.files);
  return generation;
}

/** load → model → emit, every file in memory (what `--check` compares with the disk). */
export async function generateInMemory(specPath: string): Promise<Generation> {
  const { document, lint } = await loadSpec(specPath);
  return { document, lint, files: emit(document, specPath) };
}

/** A foreign spec's warnings, which do not stop generation, are counted in one line. */
export function warningsLine(specPath: string, lint: LintReport): string | undefined {
  if (lint.ruleset !== "minimal" || lint.warnings === 0) return undefined;
  return `${specPath}: ${lint.warnings} warning(s) under Redocly's minimal ruleset.`;
}

function reportWarnings(specPath: string, lint: LintReport): void {
  const line = warningsLine(specPath, lint);
  if (line !== undefined) console.error(line);
}

/** Every file, in memory. A spec that passed lint but trips an emitter is reported as lint is. */
function emit(document: Record<string, unknown>, specPath: string): GeneratedFile[] {
  const context = emitContext(specPath);
  try {
    const spec = { document, model: buildModel(document) };
    return EMITTERS.map((emitter) => emitter(spec, context));
  } catch (error) {
    if (error instanceof NameCollisionError) throw nameCollisionProblem(specPath, error);
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: "string", default: "spec/onezone.yaml" },
      out: { type: "string", default: "generated" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
