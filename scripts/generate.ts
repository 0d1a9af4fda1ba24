// npm run generate [-- --spec <file>] [--out <dir>] [--check]: spec → lint + bundle → emit → write.
import "./compile-cache.ts";
import { parseArgs } from "node:util";
import { emitContext } from "./emit/header.ts";
import { startEmitThreads } from "./emit-threads.ts";
import { SpecError } from "./spec-error.ts";
import { staleFiles, writeOutput } from "./write.ts";

const USAGE = `Usage: npm run generate -- [--spec <file>] [--out <dir>] [--check]

  --spec <file>  OpenAPI 3.0/3.1 file to generate from (default: spec/onezone.yaml)
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
  const options = { spec: args.spec, out: args.out };
  const started = performance.now();
  // The workers start loading their modules now; the main thread's are imported only after.
  const threads = startEmitThreads(options.spec, emitContext(options.spec));
  try {
    const { generateFiles } = await import("./pipeline.ts");
    const { files, warnings, ruleset } = await generateFiles(options, threads);
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
  } finally {
    await threads.close();
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
