// The lint fixtures under redocly.yaml: the seed pages as captured (test/fixtures/seed-pages/) and
// the cases of each docs rule in OpenAPI 3.1 and Swagger 2.0 (test/fixtures/lint/). Each yields
// exactly the problems its `# expect:` markers name, each at its line and naming its operation,
// and none in the operations its `# passes:` markers name.

import path from "node:path";
import {
  type Config,
  getLineColLocation,
  lint,
  loadConfig,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FIXTURES,
  type Fixture,
  PLUGIN,
  PLUGIN_RULES,
  ROOT,
  readFixture,
} from "./fixture-markers.ts";

let config: Config;

beforeAll(async () => {
  config = await loadConfig({ configPath: path.join(ROOT, "redocly.yaml") });
});

interface Found {
  rule: string;
  line: number;
  /** The operation whose lines hold the problem, "-" for none. */
  operation: string;
  /** The operation the message names, if it names one. */
  named: string | undefined;
  message: string;
}

async function lintFixture(fixture: Fixture): Promise<Found[]> {
  const problems: NormalizedProblem[] = await lint({
    ref: path.join(ROOT, fixture.file),
    config,
  });
  return problems.map((problem) => {
    const where = problem.location[0];
    const line = where ? getLineColLocation(where).start.line : 0;
    return {
      rule: problem.ruleId,
      line,
      operation: fixture.operationAt(line)?.id ?? "-",
      named: /^Operation `([^`]+)`/.exec(problem.message)?.[1],
      message: problem.message,
    };
  });
}

const byLine = (a: { line: number; rule: string }, b: { line: number; rule: string }) =>
  a.line - b.line || a.rule.localeCompare(b.rule);

describe.each(FIXTURES)("%s under redocly.yaml", (file) => {
  const fixture = readFixture(file);
  let found: Found[];

  beforeAll(async () => {
    found = await lintFixture(fixture);
  });

  it("yields exactly the problems its `# expect:` markers name: rule, operation and line", () => {
    const expected = fixture.expected
      .map(({ rule, line }) => ({ rule, line, operation: fixture.operationAt(line)?.id ?? "-" }))
      .sort(byLine);
    const actual = found.map(({ rule, line, operation }) => ({ rule, line, operation }));
    expect(actual.sort(byLine)).toEqual(expected);
  });

  it("names the operation in each message of the plugin, with its method and path", () => {
    const ids = new Set(fixture.operations.map((op) => op.id));
    for (const problem of found.filter((p) => p.rule.startsWith(`${PLUGIN}/`))) {
      const inside = fixture.operationAt(problem.line);
      if (inside) {
        expect(problem.message).toContain(
          `Operation \`${inside.id}\` (${inside.method.toUpperCase()} ${inside.path})`,
        );
      } else {
        // A shared component's text: the message names where it is (and an operation using it).
        expect(problem.message).toMatch(/`#\/[^`]+`/);
        if (problem.named !== undefined) {
          expect(ids.has(problem.named), problem.message).toBe(true);
        }
      }
    }
  });

  it("finds nothing of a rule in the operations marked `# passes:` for it", () => {
    expect(fixture.passes.length + fixture.expected.length).toBeGreaterThan(0);
    for (const { rule, operation } of fixture.passes) {
      const inOperation = found.filter(
        (p) => p.rule === rule && operation.firstLine <= p.line && p.line <= operation.lastLine,
      );
      expect(inOperation, `${rule} in ${operation.id}`).toEqual([]);
    }
  });
});

describe("the cases of the docs rules", () => {
  const cases = FIXTURES.filter((file) => file.startsWith("test/fixtures/lint/")).map(readFixture);
  const caseRules = [...new Set(cases.flatMap((f) => f.passes.map((p) => p.rule)))].sort();

  it("are rules of the plugin", () => {
    expect(caseRules.length).toBeGreaterThan(0);
    for (const rule of caseRules) expect(PLUGIN_RULES).toContain(rule);
  });

  it.each(cases.filter((f) => /^(openapi|swagger)/.test(path.basename(f.file))))(
    "$file has a passing and a failing case of each",
    (fixture) => {
      for (const rule of caseRules) {
        expect(
          fixture.passes.some((p) => p.rule === rule),
          `${rule} passes somewhere`,
        ).toBe(true);
        expect(
          fixture.expected.some((p) => p.rule === rule),
          `${rule} fails somewhere`,
        ).toBe(true);
      }
    },
  );
});
