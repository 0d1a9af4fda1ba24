// lint:spec's `--spec` and `--format`: Redocly lint of any spec (OpenAPI 3.x or Swagger 2.0) with
// the project's docs rules, and its problems in one of Redocly's own output formats.
import { fileURLToPath } from "node:url";
import {
  type Config,
  formatProblems,
  getTotals,
  lint,
  loadConfig,
  type NormalizedProblem,
  type OutputFormat,
} from "@redocly/openapi-core";
import { asParseError, readSpecText } from "./load.ts";

/** Redocly's output formats, as `redocly lint --format` takes them. */
export const FORMATS = [
  "codeframe",
  "stylish",
  "json",
  "checkstyle",
  "codeclimate",
  "summary",
  "github-actions",
  "markdown",
  "junit",
] as const satisfies readonly OutputFormat[];

export function isFormat(value: string): value is (typeof FORMATS)[number] {
  return (FORMATS as readonly string[]).includes(value);
}

/** This project's redocly.yaml, wherever the command runs from. */
export const PROJECT_CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

/** The docs rules of redocly.yaml (recommended-strict and the onezone-docs plugin). */
export function docsRulesConfig(): Promise<Config> {
  return loadConfig({ configPath: PROJECT_CONFIG });
}

/**
 * Every problem Redocly finds in the spec under `config`. A spec that cannot be read or parsed
 * throws the SpecError generate would, naming file:line.
 */
export async function lintProblems(specPath: string, config: Config): Promise<NormalizedProblem[]> {
  const text = readSpecText(specPath);
  return lint({ ref: specPath, config }).catch((error: unknown) => {
    throw asParseError(specPath, text, error);
  });
}

/** Prints the problems on stdout in a Redocly format, all of them, colour only on a terminal. */
export function printProblems(problems: NormalizedProblem[], format: OutputFormat): void {
  const color =
    (format === "stylish" || format === "codeframe") &&
    process.stdout.isTTY === true &&
    process.env.NO_COLOR === undefined;
  formatProblems(problems, {
    format,
    color,
    totals: getTotals(problems),
    maxProblems: Math.max(problems.length, 1),
    command: "lint",
  });
}
