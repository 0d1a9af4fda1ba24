// The custom lint rules of redocly.yaml (plugin lint/onezone-docs.js, one rule per file in
// lint/rules/): the docs-completeness ones each fire on every operation of each spec of SPECS with
// one thing broken, and each spec passes the whole configuration cleanly. The rules that catch wrong
// docs have their cases in the fixtures of test/spec/lint-fixtures.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Config,
  lintFromString,
  loadConfig,
  type NormalizedProblem,
  parseYaml,
  stringifyYaml,
} from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SPECS } from "../helpers/specs.ts";
import { FIXTURES, readFixture } from "./fixture-markers.ts";

const configPath = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));
const rulesDir = fileURLToPath(new URL("../../lint/rules/", import.meta.url));

const PLUGIN = "onezone-docs";
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

type Operation = Record<string, unknown> & {
  responses: Record<string, Record<string, unknown>>;
};
type Spec = { paths: Record<string, Record<string, Operation>> };

/**
 * Breaks exactly one thing in an operation, for one rule; returns false when the operation has
 * nothing to break (no inline 2xx JSON response for the example rule).
 */
type Mutation = (operation: Operation) => boolean;

const cases: [string, string, Mutation][] = [
  ["description removed", "operation-description", (operation) => delete operation.description],
  ["tags removed", "operation-tags", (operation) => delete operation.tags],
  [
    "operationId made snake_case",
    "operation-id-camel-case",
    (operation) => {
      operation.operationId = String(operation.operationId).replace(
        /[A-Z]/g,
        (letter) => `_${letter.toLowerCase()}`,
      );
      return true;
    },
  ],
  [
    "x-codeSamples removed",
    "operation-code-samples",
    (operation) => delete operation["x-codeSamples"],
  ],
  [
    "404 response removed",
    "operation-error-responses",
    (operation) => delete operation.responses["404"],
  ],
  [
    "2xx example removed (`example` and `examples` both)",
    "success-response-example",
    (operation) => {
      const mediaTypes = Object.entries(operation.responses)
        .filter(([status, response]) => /^2/.test(status) && response.content !== undefined)
        .map(
          ([, response]) =>
            (response.content as Record<string, Record<string, unknown>>)["application/json"],
        )
        .filter((mediaType) => mediaType !== undefined);
      for (const mediaType of mediaTypes) {
        expect(mediaType.example ?? mediaType.examples).toBeDefined();
        delete mediaType.example;
        delete mediaType.examples;
      }
      return mediaTypes.length > 0;
    },
  ],
];

let config: Config;

beforeAll(async () => {
  config = await loadConfig({ configPath });
});

function lintSource(source: string, specPath: string): Promise<NormalizedProblem[]> {
  return lintFromString({ source, absoluteRef: specPath, config });
}

/** JSON pointer of an operation, escaped as Redocly escapes it. */
function operationPointer(path: string, method: string): string {
  return `#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function summarise(problems: NormalizedProblem[]): string[] {
  return problems.map(
    (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`,
  );
}

/** Every operation of a spec: its path and method. */
function operationsOf(source: string): { path: string; method: string }[] {
  return Object.entries((parseYaml(source) as Spec).paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.has(method))
      .map((method) => ({ path, method })),
  );
}

describe("redocly.yaml custom rules", () => {
  it("every rule file of lint/rules/ is a rule of the plugin, named by its file, enabled as an error", () => {
    const files = readdirSync(rulesDir)
      .filter((name) => name.endsWith(".js"))
      .map((name) => `${PLUGIN}/${name.replace(/\.js$/, "")}`);
    const custom = Object.entries(config.resolvedConfig.rules ?? {}).filter(([id]) =>
      id.startsWith(`${PLUGIN}/`),
    );
    expect(Object.fromEntries(custom)).toEqual(
      Object.fromEntries(files.map((rule) => [rule, "error"])),
    );
    const plugin = config.plugins.find((p) => p.id === PLUGIN);
    for (const version of ["oas3", "oas2"] as const) {
      // Redocly prefixes a plugin's rules with its id when it loads them.
      expect(Object.keys(plugin?.rules?.[version] ?? {}).sort()).toEqual([...files].sort());
    }
  });

  it("every rule has a failing case: one below, or an `# expect:` marker in a lint fixture", () => {
    const failing = new Set([
      ...cases.map(([, rule]) => `${PLUGIN}/${rule}`),
      ...FIXTURES.flatMap((file) => readFixture(file).expected.map(({ rule }) => rule)),
    ]);
    const rules = readdirSync(rulesDir).map((name) => `${PLUGIN}/${name.replace(/\.js$/, "")}`);
    expect(rules.filter((rule) => !failing.has(rule))).toEqual([]);
  });

  it("the error catalogue (lint/onedata-errors.json) gives each error id one HTTP error status", () => {
    const catalogue = JSON.parse(
      readFileSync(new URL("../../lint/onedata-errors.json", import.meta.url), "utf8"),
    ) as { statuses: Record<string, string[]> };
    const statuses = Object.keys(catalogue.statuses);
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status).toMatch(/^[45]\d\d$/);
    const ids = Object.values(catalogue.statuses).flat();
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(SPECS)("redocly.yaml custom rules on $name ($path)", (spec) => {
  const specSource = readFileSync(spec.path, "utf8");
  const operations = operationsOf(specSource);

  it("the unmodified spec gives no problem of any severity", async () => {
    const problems = await lintSource(specSource, spec.path);
    expect(summarise(problems)).toEqual([]);
  });

  it("a missing summary is reported once per operation, by Redocly's operation-summary", async () => {
    expect(operations.length).toBeGreaterThan(0);
    const broken = parseYaml(specSource) as Spec;
    for (const { path, method } of operations) delete broken.paths[path]?.[method]?.summary;
    const problems = (await lintSource(stringifyYaml(broken), spec.path)).filter((p) =>
      /summary/i.test(`${p.ruleId} ${p.message}`),
    );
    expect(problems.map((p) => [p.ruleId, p.location[0]?.pointer])).toEqual(
      operations.map(({ path, method }) => [
        "operation-summary",
        `${operationPointer(path, method)}/summary`,
      ]),
    );
  });

  it.each(cases)("%s in every operation: reported by %s in each", async (_name, rule, mutate) => {
    const broken = parseYaml(specSource) as Spec;
    const mutated = operations.filter(({ path, method }) => {
      const operation = broken.paths[path]?.[method];
      return operation !== undefined && mutate(operation);
    });
    expect(mutated.length, "operations the case applies to").toBeGreaterThan(0);
    const problems = await lintSource(stringifyYaml(broken), spec.path);
    const fromRule = problems.filter((p) => p.ruleId === `${PLUGIN}/${rule}`);
    expect(fromRule.every((p) => p.severity === "error")).toBe(true);
    for (const { path, method } of mutated) {
      const operationId = String(broken.paths[path]?.[method]?.operationId);
      // The location identifies the operation, and so does the message.
      const here = fromRule.filter((p) =>
        new RegExp(`^${escapeRegExp(operationPointer(path, method))}(/|$)`).test(
          p.location[0]?.pointer ?? "",
        ),
      );
      expect(here.length, `${method} ${path}\n${summarise(problems).join("\n")}`).toBeGreaterThan(
        0,
      );
      for (const problem of here) {
        expect(problem.message).toContain(`${method.toUpperCase()} ${path}`);
        expect(problem.message).toContain(operationId);
      }
    }
    expect(fromRule.length).toBeGreaterThanOrEqual(mutated.length);
  });
});
