// npm run diff -- <base> [--spec <file>] [--fail-on-breaking] [--format text|markdown]: what
// changed in the spec since <base> (a file, or a git revision), in the terms of a TypeScript
// consumer of the generated client, each change marked breaking or not, and the version bump
// they call for together.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bumpFor, compareSpecs } from "./diff/compare.ts";
import { bundleSpec, checkOutSpec } from "./diff/load.ts";
import { type DiffReport, formatMarkdown, formatText } from "./diff/report.ts";
import { SpecError } from "./spec-error.ts";

const USAGE = `Usage: npm run diff -- <base> [--spec <file>] [--fail-on-breaking] [--format text|markdown]

  <base>              what to compare against: a spec file, or a git revision (HEAD~1, v0.1.0,
                      main) at which --spec and the files it $refs are read
  --spec <file>       the spec as it is now (default: spec/onezone.yaml)
  --fail-on-breaking  exit 1 when a change breaks consumers of the generated client
  --format <name>     text (default), or markdown for a changelog section
  --help              show this help

Exit code: 0, or 1 with --fail-on-breaking when something breaks; 2 when a spec cannot be read.`;

const PACKAGE_JSON = new URL("../package.json", import.meta.url);

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    console.error(`diff: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { base, spec, format } = args;
  const work = mkdtempSync(path.join(os.tmpdir(), "onezone-diff-"));
  try {
    const basePath = existsSync(base) ? base : checkOutSpec(base, spec, work);
    const changes = compareSpecs(await bundleSpec(basePath), await bundleSpec(spec));
    const { name, version } = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as {
      name: string;
      version: string;
    };
    const report: DiffReport = {
      spec,
      base,
      changes,
      bump: bumpFor(changes),
      packageName: name,
      version,
    };
    process.stdout.write(format === "markdown" ? formatMarkdown(report) : formatText(report));
    return args["fail-on-breaking"] && report.bump === "major" ? 1 : 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`diff: ${error.message}`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 2;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      spec: { type: "string", default: "spec/onezone.yaml" },
      "fail-on-breaking": { type: "boolean", default: false },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { ...values, base: "", format: "text" };
  const [base, ...extra] = positionals;
  if (base === undefined || extra.length > 0) {
    throw new Error("give one <base>: a spec file or a git revision, such as HEAD~1.");
  }
  if (values.format !== "text" && values.format !== "markdown") {
    throw new Error(`--format ${values.format} is not text or markdown.`);
  }
  return { ...values, base, format: values.format };
}

process.exitCode = await main(process.argv.slice(2));
