// npm run lint:spec [-- [<file> | --spec <file>] [--format <format>]]: Redocly lint of a spec.
// A <file> (default spec/onezone.yaml) gets the rules generate applies to it; `--spec` holds any
// spec, OpenAPI 3.x or Swagger 2.0, to the project's docs rules; `--format` prints the problems
// in one of Redocly's formats, for CI (`github-actions` annotates a pull request).
import { parseArgs } from "node:util";
import type { Config } from "@redocly/openapi-core";
import { docsRulesConfig, FORMATS, isFormat, lintProblems, printProblems } from "./lint-format.ts";
import { formatProblem, type Ruleset, resolveLintConfig } from "./load.ts";
import { SpecError } from "./spec-error.ts";

const USAGE = `Usage: npm run lint:spec -- [<file> | --spec <file>] [--format <format>]

  <file>           lint with the rules generate applies: redocly.yaml for the spec it lists
                   under \`apis\` (default: spec/onezone.yaml), Redocly's minimal ruleset otherwise
  --spec <file>    lint any spec (OpenAPI 3.0/3.1 or Swagger 2.0) with the docs rules of
                   redocly.yaml: recommended-strict and the onezone-docs plugin
  --format <name>  print the problems on stdout in one of Redocly's formats, and the summary
                   line on stderr; without it, \`file:line:col  rule  message\` lines go to
                   stderr and the summary line to stdout. Formats:
                   ${FORMATS.join(", ")}
  --help           show this help

Exit code: 0 when nothing counts against the spec, 1 when something does (under redocly.yaml
every problem, under the minimal ruleset its errors), 2 for a usage error.`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1 || (positionals.length === 1 && values.spec !== undefined)) {
    return usageError("Give one spec, as <file> or as --spec <file>.");
  }
  const format = values.format;
  if (format !== undefined && !isFormat(format)) {
    return usageError(`Unknown format '${format}'; use one of ${FORMATS.join(", ")}.`);
  }
  const specPath = values.spec ?? positionals[0] ?? "spec/onezone.yaml";
  try {
    const { config, ruleset }: { config: Config; ruleset: Ruleset } =
      values.spec === undefined
        ? await resolveLintConfig(specPath)
        : { config: await docsRulesConfig(), ruleset: "project" };
    const problems = await lintProblems(specPath, config);
    const errors = problems.filter((p) => p.severity === "error").length;
    const fatal = problems.filter((p) => p.severity === "error" || ruleset === "project");
    const rules = ruleset === "project" ? "redocly.yaml" : "Redocly's minimal ruleset";
    const summary = `${specPath}: ${errors} error(s), ${problems.length - errors} warning(s) under ${rules}.`;
    if (format === undefined) {
      for (const problem of fatal) console.error(formatProblem(problem));
      console.log(summary);
    } else {
      printProblems(problems, format);
      console.error(summary);
    }
    return fatal.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`lint:spec: ${error.message}`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      spec: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
}

function usageError(message: string): number {
  console.error(`lint:spec: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
