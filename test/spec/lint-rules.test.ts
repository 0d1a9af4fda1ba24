// The custom lint rules of redocly.yaml (plugin lint/onezone-docs.js, one rule per file in
// lint/rules/): the docs-completeness ones each fire on the real spec with exactly one thing
// broken, and the real spec passes the whole configuration cleanly. The rules that catch wrong
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
import { FIXTURES, readFixture } from "./fixture-markers.ts";

const configPath = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));
const rulesDir = fileURLToPath(new URL("../../lint/rules/", import.meta.url));
const specPath = fileURLToPath(new URL("../../spec/onezone.yaml", import.meta.url));
const specSource = readFileSync(specPath, "utf8");

const PLUGIN = "onezone-docs";

type Operation = Record<string, unknown> & {
  responses: Record<string, Record<string, unknown>>;
};
type Spec = { paths: Record<string, Record<string, Operation>> };

interface Case {
  rule: string;
  path: string;
  method: "get" | "delete";
  /** Breaks exactly one thing in the operation. */
  mutate: (operation: Operation) => void;
}

const cases: [string, Case][] = [
  [
    "description removed",
    {
      rule: "operation-description",
      path: "/users/{id}/tokens/temporary",
      method: "delete",
      mutate: (operation) => {
        delete operation.description;
      },
    },
  ],
  [
    "tags removed",
    {
      rule: "operation-tags",
      path: "/user/client_tokens",
      method: "get",
      mutate: (operation) => {
        delete operation.tags;
      },
    },
  ],
  [
    "operationId made snake_case",
    {
      rule: "operation-id-camel-case",
      path: "/users/{id}/tokens/temporary",
      method: "get",
      mutate: (operation) => {
        operation.operationId = "get_temporary_token_generation_of_user";
      },
    },
  ],
  [
    "x-codeSamples removed",
    {
      rule: "operation-code-samples",
      path: "/tokens/named/{id}/status",
      method: "get",
      mutate: (operation) => {
        delete operation["x-codeSamples"];
      },
    },
  ],
  [
    "404 response removed",
    {
      rule: "operation-error-responses",
      path: "/users/{id}/tokens/temporary",
      method: "delete",
      mutate: (operation) => {
        delete operation.responses["404"];
      },
    },
  ],
  [
    "2xx example removed",
    {
      rule: "success-response-example",
      path: "/user/client_tokens",
      method: "get",
      mutate: (operation) => {
        const content = operation.responses["200"]?.content as Record<
          string,
          Record<string, unknown>
        >;
        const mediaType = content["application/json"];
        expect(mediaType?.examples).toBeDefined();
        delete mediaType?.examples;
        delete mediaType?.example;
      },
    },
  ],
];

let config: Config;

beforeAll(async () => {
  config = await loadConfig({ configPath });
});

function lintSource(source: string): Promise<NormalizedProblem[]> {
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

describe("redocly.yaml custom rules", () => {
  it("the unmodified spec gives no problem of any severity", async () => {
    const problems = await lintSource(specSource);
    expect(summarise(problems)).toEqual([]);
  });

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
      ...cases.map(([, { rule }]) => `${PLUGIN}/${rule}`),
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

  it("a missing summary is reported once, by Redocly's operation-summary", async () => {
    const operations = Object.entries((parseYaml(specSource) as Spec).paths).flatMap(
      ([path, item]) => Object.keys(item).map((method) => ({ path, method })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method } of operations) {
      const spec = parseYaml(specSource) as Spec;
      delete spec.paths[path]?.[method]?.summary;
      const problems = (await lintSource(stringifyYaml(spec))).filter((p) =>
        /summary/i.test(`${p.ruleId} ${p.message}`),
      );
      expect(problems.map((p) => [p.ruleId, p.location[0]?.pointer])).toEqual([
        ["operation-summary", `${operationPointer(path, method)}/summary`],
      ]);
    }
  });

  it.each(cases)("%s", async (_name, { rule, path, method, mutate }) => {
    const spec = parseYaml(specSource) as Spec;
    const operation = spec.paths[path]?.[method];
    if (operation === undefined) throw new Error(`no operation ${method} ${path} in the spec`);
    mutate(operation);

    const problems = await lintSource(stringifyYaml(spec));
    const fromRule = problems.filter((p) => p.ruleId === `${PLUGIN}/${rule}`);

    expect(fromRule.length, summarise(problems).join("\n")).toBeGreaterThanOrEqual(1);
    for (const problem of fromRule) {
      expect(problem.severity).toBe("error");
      // The location identifies the operation, and so does the message.
      expect(problem.location[0]?.pointer ?? "").toMatch(
        new RegExp(`^${escapeRegExp(operationPointer(path, method))}(/|$)`),
      );
      expect(problem.message).toContain(`${method.toUpperCase()} ${path}`);
      expect(problem.message).toContain(String(operation.operationId));
    }
  });
});
