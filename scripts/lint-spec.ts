// npm run lint:spec [-- <file>]: Redocly lint of the spec with the rules generate applies to it.
import { lintSpec } from "./load.ts";
import { SpecError } from "./spec-error.ts";

const specPath = process.argv[2] ?? "spec/onezone.yaml";
try {
  const report = await lintSpec(specPath);
  for (const problem of report.fatal) console.error(problem);
  const ruleset = report.ruleset === "project" ? "redocly.yaml" : "Redocly's minimal ruleset";
  console.log(
    `${specPath}: ${report.errors} error(s), ${report.warnings} warning(s) under ${ruleset}.`,
  );
  process.exitCode = report.fatal.length > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(`lint:spec: ${error.message}`);
  for (const problem of error.problems) console.error(`  ${problem}`);
  process.exitCode = 1;
}
