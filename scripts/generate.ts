// npm run generate [-- --spec <file>] [--out <dir>] [--check]: spec → lint + bundle → emit → write.
import path from "node:path";
import { parseArgs } from "node:util";
import { emitCliTable } from "./emit/cli-table.js";
import type { EmitContext } from "./emit/header.js";
import { emitOperations } from "./emit/operations.js";
import { emitResponseSchemas } from "./emit/response-schemas.js";
import { emitSchema } from "./emit/schema.js";
import { loadSpec, SpecError } from "./load.js";
import { type ApiModel, buildModel } from "./model.js";
import { type GeneratedFile, staleFiles, writeOutput } from "./write.js";

const USAGE = `Usage: npm run generate -- [--spec <file>] [--out <dir>] [--check]

  --spec <file>  OpenAPI 3.0/3.1 file to generate from (default: spec/onezone.yaml)
  --out <dir>    directory to write generated code into (default: generated)
  --check        write nothing; exit 1 naming the files that differ from what the spec gives
  --help         show this help`;

export interface GenerateOptions {
  spec: string;
  out: string;
}

/** Everything the generator emits for one spec, in memory. */
export async function generateFiles(options: GenerateOptions): Promise<{
  files: GeneratedFile[];
  warnings: number;
  ruleset: string;
}> {
  const loaded = await loadSpec(options.spec);
  const context = {
    specPath: path.relative(process.cwd(), options.spec).split(path.sep).join("/"),
  };
  const model = buildModel(loaded.document);
  const files = await emitAll(loaded.document, model, context, options.spec);
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    warnings: loaded.lint.ruleset === "minimal" ? loaded.lint.warnings : 0,
    ruleset: loaded.lint.ruleset,
  };
}

/** Runs every emitter; a spec that passed lint but still trips one is reported like a lint problem. */
async function emitAll(
  document: Record<string, unknown>,
  model: ApiModel,
  context: EmitContext,
  specPath: string,
): Promise<GeneratedFile[]> {
  try {
    // openapi-typescript annotates the document it transforms (discriminator enums), so the
    // emitters that print the document's schemas as they are run before it.
    const responseSchemas = emitResponseSchemas(document, model, context);
    return [
      await emitSchema(document, context),
      emitOperations(model, context),
      emitCliTable(model, context),
      responseSchemas,
    ];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}

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
  const options = { spec: args.spec, out: args.out };
  const started = performance.now();
  try {
    const { files, warnings, ruleset } = await generateFiles(options);
    if (warnings > 0) {
      console.error(`${options.spec}: ${warnings} warning(s) under Redocly's ${ruleset} ruleset.`);
    }
    if (args.check) {
      const stale = staleFiles(options.out, files);
      if (stale.length > 0) {
        console.error(
          `${options.out} is stale; run npm run generate. Differs: ${stale.join(", ")}`,
        );
        return 1;
      }
      console.log(`${options.out} is up to date with ${options.spec}.`);
      return 0;
    }
    writeOutput(options.out, files);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Generated ${files.length} files in ${options.out} from ${options.spec} (${ms} ms).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(`generate: ${error.message}`);
      for (const problem of error.problems) console.error(`  ${problem}`);
      console.error(`${options.out} was left unchanged.`);
      return 1;
    }
    throw error;
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

process.exitCode = await main(process.argv.slice(2));
