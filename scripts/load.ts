// Lints and bundles a spec with Redocly's Node API; the only code here that reads the spec file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  BaseResolver,
  bundle,
  type Config,
  createConfig,
  getLineColLocation,
  lint,
  loadConfig,
  type NormalizedProblem,
  YamlParseError,
} from "@redocly/openapi-core";
import { FOREIGN_RULES } from "./fatal-rules.ts";
import { inlinePointerRefs } from "./inline-refs.ts";
import { locateRefCycle } from "./ref-cycle.ts";
import { SpecError } from "./spec-error.ts";
import { fromSwagger2 } from "./upgrade.ts";

export type Ruleset = "project" | "minimal";

export interface LintReport {
  ruleset: Ruleset;
  errors: number;
  warnings: number;
  /**
   * Problems that stop generation, formatted as `file:line:col  rule  message`: every problem
   * for the project's spec; only errors for a foreign one, whose warnings are just counted.
   */
  fatal: string[];
}

export interface LoadedSpec {
  /** The bundled spec as a plain object: one document, internal `$ref`s only. */
  document: Record<string, unknown>;
  lint: LintReport;
}

const PROJECT_CONFIG = "redocly.yaml";

/**
 * The project's own spec (listed under `apis` in redocly.yaml) is held to redocly.yaml;
 * any other spec to Redocly's `minimal` ruleset, since it was not written to our rules, with only
 * what breaks generation as errors (fatal-rules.ts).
 */
export async function resolveLintConfig(
  specPath: string,
  projectDir = process.cwd(),
): Promise<{ config: Config; ruleset: Ruleset }> {
  const configPath = path.join(projectDir, PROJECT_CONFIG);
  if (existsSync(configPath)) {
    const config = await loadConfig({ configPath });
    const roots = Object.values(config.resolvedConfig.apis ?? {}).map((api) =>
      path.resolve(projectDir, api.root),
    );
    if (roots.includes(path.resolve(specPath))) return { config, ruleset: "project" };
  }
  return { config: await createConfig(FOREIGN_RULES), ruleset: "minimal" };
}

export function formatProblem(problem: NormalizedProblem): string {
  const where = problem.location[0];
  if (!where) return `${problem.ruleId}  ${problem.message}`;
  const { start } = getLineColLocation(where);
  return `${relative(where.source.absoluteRef)}:${start.line}:${start.col}  ${problem.ruleId}  ${problem.message}`;
}

async function lintWith(
  specPath: string,
  text: string,
  config: Config,
  ruleset: Ruleset,
  externalRefResolver: BaseResolver,
): Promise<LintReport> {
  const problems = await lint({ ref: specPath, config, externalRefResolver }).catch(
    (error: unknown) => {
      throw asParseError(specPath, text, error);
    },
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  const isFatal = (p: NormalizedProblem) => p.severity === "error" || ruleset === "project";
  return {
    ruleset,
    errors,
    warnings: problems.length - errors,
    fatal: problems.filter(isFatal).map(formatProblem),
  };
}

/**
 * Lints the spec, then bundles it and every file it refers to into one document; Swagger 2.0 is
 * linted and bundled as written, then converted to OpenAPI 3.1.
 */
export async function loadSpec(specPath: string, projectDir?: string): Promise<LoadedSpec> {
  const text = readSpecText(specPath);
  const { config, ruleset } = await resolveLintConfig(specPath, projectDir);
  // One resolver for lint and bundle, so that each file is read and parsed once.
  const resolver = new BaseResolver(config.resolve);
  const report = await lintWith(specPath, text, config, ruleset, resolver);
  if (report.fatal.length > 0) {
    throw new SpecError(
      `${specPath} has ${report.fatal.length} problem(s) under the ${report.ruleset} ruleset; fix them and run again.`,
      report.fatal,
    );
  }
  const { bundle: bundled } = await bundle({
    ref: specPath,
    config,
    dereference: false,
    externalRefResolver: resolver,
  });
  const document = fromSwagger2(bundled.parsed as Record<string, unknown>);
  assertOpenApi3(specPath, document);
  inlinePointerRefs(document, relative(specPath), text);
  return { document, lint: report };
}

/**
 * Reads the spec, refusing what Redocly's parser should not be handed: nothing, or a .json file
 * that is not JSON (YAML, which Redocly parses it as, allows trailing commas and more).
 */
export function readSpecText(specPath: string): string {
  if (!existsSync(specPath)) {
    throw new SpecError(`${specPath} does not exist; pass an OpenAPI file with --spec.`, []);
  }
  const text = readFileSync(specPath, "utf8");
  if (text.trim() === "") {
    throw new SpecError(
      `${specPath} is empty; it must hold an OpenAPI 3.x or Swagger 2.0 document.`,
      [`${relative(specPath)}:1:1  empty-file  The file has no content.`],
    );
  }
  if (specPath.endsWith(".json")) {
    try {
      JSON.parse(text);
    } catch (error) {
      const reason = (error as Error).message;
      const offset = Number(/position (\d+)/.exec(reason)?.[1] ?? 0);
      const { line, col } = lineColAt(text, offset);
      throw new SpecError(`${specPath} is not valid JSON; fix the syntax and run again.`, [
        `${relative(specPath)}:${line}:${col}  json-syntax  ${reason}`,
      ]);
    }
  }
  return text;
}

function lineColAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

export function asParseError(specPath: string, text: string, error: unknown): unknown {
  if (error instanceof YamlParseError) {
    const reason = error.originalError.message.split("\n")[0] ?? "invalid YAML";
    return new SpecError(`${specPath} is not valid YAML or JSON; fix the syntax and run again.`, [
      `${relative(error.source.absoluteRef)}:${error.line}:${error.col}  yaml-syntax  ${reason}`,
    ]);
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (/circular pointer/i.test(reason)) {
    const cycle = locateRefCycle(relative(specPath), text);
    return new SpecError(`${specPath} has a $ref cycle that no type can be generated from.`, [
      cycle ?? `${relative(specPath)}:1:1  ref-cycle  ${reason}`,
    ]);
  }
  if (/^Unsupported specification/i.test(reason)) {
    return new SpecError(`${specPath} is not an OpenAPI document.`, [
      `${relative(specPath)}:1:1  not-openapi  The document has no \`openapi\` or \`swagger\` field; generate needs an OpenAPI 3.0/3.1 or Swagger 2.0 document.`,
    ]);
  }
  if (/Unsupported OpenAPI version/i.test(reason)) {
    const { line } = lineColAt(
      text,
      Math.max(0, text.search(/^\s*["']?(openapi|swagger)["']?\s*:/m)),
    );
    return new SpecError(`${specPath} is not an OpenAPI 3.0/3.1 or Swagger 2.0 document.`, [
      `${relative(specPath)}:${line}:1  unsupported-version  ${reason}; only OpenAPI 3.0.x, 3.1.x and Swagger 2.0 are supported.`,
    ]);
  }
  return new SpecError(`${specPath} could not be read as an OpenAPI document.`, [
    `${relative(specPath)}:1:1  unreadable-spec  ${reason}`,
  ]);
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function assertOpenApi3(specPath: string, document: Record<string, unknown>): void {
  const version = String(document.openapi ?? document.swagger ?? "none");
  if (!/^3\.[01]\./.test(version)) {
    throw new SpecError(
      `${specPath} is OpenAPI/Swagger ${version}; only OpenAPI 3.0, 3.1 and Swagger 2.0 are supported.`,
      [
        `${relative(specPath)}:1:1  unsupported-version  ${version} is not OpenAPI 3.0.x, 3.1.x or Swagger 2.0.`,
      ],
    );
  }
}
