// `lint:spec` keeps the API docs complete and right: the real script, run as a process on a copy
// of each spec of SPECS with one operation's docs broken, exits non-zero naming the operation and
// its file:line; with `--spec` it lints any spec (the seed pages, a Swagger 2.0 description) with the
// docs rules, and with `--format` prints Redocly's own reports (JSON, GitHub Actions, stylish).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml, stringifyYaml } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptArgs } from "../helpers/processes.ts";
import { SPECS } from "../helpers/specs.ts";
import { readFixture } from "../spec/fixture-markers.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SPEC_COPY = "openapi.yaml";

type Operation = Record<string, unknown> & { responses: Record<string, unknown> };
type Spec = { paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Breaks exactly one thing in an operation's docs, for one rule. */
const cases: [string, string, (operation: Operation) => void][] = [
  [
    "code samples removed",
    "onezone-docs/operation-code-samples",
    (operation) => {
      delete operation["x-codeSamples"];
    },
  ],
  [
    "description removed",
    "onezone-docs/operation-description",
    (operation) => {
      delete operation.description;
    },
  ],
  [
    "404 error response removed",
    "onezone-docs/operation-error-responses",
    (operation) => {
      delete operation.responses["404"];
    },
  ],
];

/**
 * The operation each case breaks: spread over the spec (the first, then further in), so that
 * the file:line of each report is checked at different places of the file.
 */
function operationFor(source: string, caseIndex: number): { path: string; method: string } {
  const operations = Object.entries((parseYaml(source) as Spec).paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.has(method))
      .map((method) => ({ path, method })),
  );
  const operation = operations[Math.floor((caseIndex * operations.length) / cases.length)];
  if (operation === undefined) throw new Error("the spec has no operation");
  return operation;
}

let work: string;

/**
 * lint:spec holds a spec to the project's rules when redocly.yaml in the working directory lists
 * it under `apis`, so the copy gets a redocly.yaml of its own that lists it and loads the
 * project's real plugin.
 */
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "onezone-lint-spec-"));
  const config = parseYaml(readFileSync(path.join(root, "redocly.yaml"), "utf8")) as {
    apis: Record<string, { root: string }>;
    plugins: string[];
  };
  for (const api of Object.values(config.apis)) api.root = SPEC_COPY;
  config.plugins = config.plugins.map((plugin) => path.resolve(root, plugin));
  writeFileSync(path.join(work, "redocly.yaml"), stringifyYaml(config));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function writeSpecCopy(specPath: string, mutate?: (spec: Spec) => void): string {
  const spec = parseYaml(readFileSync(specPath, "utf8")) as Spec;
  mutate?.(spec);
  const source = stringifyYaml(spec);
  writeFileSync(path.join(work, SPEC_COPY), source);
  return source;
}

/**
 * What `npm run lint:spec -- onezone.yaml` runs, but from the copy's directory: npm would run it
 * from the project root, whose redocly.yaml lists only spec/onezone.yaml.
 */
function lintSpec(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      scriptArgs("scripts/lint-spec.ts", [SPEC_COPY]),
      { cwd: work },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The path and method keys that enclose 1-based `line` of the YAML `source`. */
function enclosingOperation(source: string, line: number): { path?: string; method?: string } {
  const lines = source.split("\n").slice(0, line).reverse();
  const keyAt = (indent: number) =>
    lines
      .find((text) => new RegExp(`^ {${indent}}\\S`).test(text))
      ?.trim()
      .replace(/^['"]?(.*?)['"]?:.*$/, "$1");
  return { path: keyAt(2), method: keyAt(4) };
}

describe.each(SPECS)("npm run lint:spec on a copy of $name ($path)", (spec) => {
  it("passes the unmodified copy under the project's rules", async () => {
    writeSpecCopy(spec.path);
    const { code, stdout, stderr } = await lintSpec();
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(SPEC_COPY);
  });

  it.each(cases.map(([name, rule, mutate], index) => [name, rule, mutate, index] as const))(
    "%s: exits 1 naming the operation and its file:line",
    async (_name, rule, mutate, index) => {
      const target = operationFor(readFileSync(spec.path, "utf8"), index);
      let operationId = "";
      const source = writeSpecCopy(spec.path, (copy) => {
        const operation = copy.paths[target.path]?.[target.method];
        if (operation === undefined) throw new Error(`no ${target.method} ${target.path}`);
        operationId = String(operation.operationId);
        mutate(operation);
      });

      const { code, stderr } = await lintSpec();
      expect(code, stderr).toBe(1);
      const problems = stderr.split("\n").filter((line) => line.includes(rule));
      expect(problems.length, stderr).toBeGreaterThanOrEqual(1);
      for (const problem of problems) {
        expect(problem).toContain(operationId);
        const where = new RegExp(`^${SPEC_COPY}:(\\d+):(\\d+)\\s`).exec(problem.trim());
        expect(where, problem).not.toBeNull();
        expect(enclosingOperation(source, Number(where?.[1]))).toEqual(target);
      }
    },
  );
});

/** `npm run lint:spec -- <args>`, from the project's root, as npm runs it. */
function lintSpecAt(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      scriptArgs("scripts/lint-spec.ts", args),
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const byLine = (a: [string, number], b: [string, number]) =>
  a[1] - b[1] || a[0].localeCompare(b[0]);

/** What the fixture's `# expect:` markers say lint finds: `[rule, line]`, sorted. */
function expectedProblems(file: string): [string, number][] {
  return readFixture(file)
    .expected.map(({ rule, line }): [string, number] => [rule, line])
    .sort(byLine);
}

describe.each(["test/fixtures/seed-pages/openapi.yaml", "test/fixtures/lint/swagger-2.0.yaml"])(
  "npm run lint:spec -- --spec %s",
  (file) => {
    const expected = expectedProblems(file);

    it("lints it with the docs rules: `file:line:col  rule  message` on stderr, exit 1", async () => {
      const { code, stdout, stderr } = await lintSpecAt(["--spec", file]);
      expect(code, stderr).toBe(1);
      expect(stdout).toBe(
        `${file}: ${expected.length} error(s), 0 warning(s) under redocly.yaml.\n`,
      );
      const found = stderr
        .trimEnd()
        .split("\n")
        .map((line): [string, number] => {
          const match = new RegExp(`^${file}:(\\d+):\\d+ {2}(\\S+) {2}\\S`).exec(line);
          expect(match, line).not.toBeNull();
          return [match?.[2] ?? "", Number(match?.[1])];
        });
      expect(found.sort(byLine)).toEqual(expected);
    });

    it("--format json: Redocly's JSON report on stdout, the summary line on stderr", async () => {
      const { code, stdout, stderr } = await lintSpecAt(["--spec", file, "--format", "json"]);
      expect(code, stderr).toBe(1);
      expect(stderr).toBe(
        `${file}: ${expected.length} error(s), 0 warning(s) under redocly.yaml.\n`,
      );
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: {
          ruleId: string;
          location: { source: { ref: string }; start: { line: number } }[];
        }[];
      };
      expect(report.totals).toMatchObject({ errors: expected.length, warnings: 0 });
      const found = report.problems.map((p): [string, number] => {
        expect(p.location[0]?.source.ref).toBe(file);
        return [p.ruleId, p.location[0]?.start.line ?? 0];
      });
      expect(found.sort(byLine)).toEqual(expected);
    });

    it("--format github-actions: one annotation per problem, at its file and line", async () => {
      const { code, stdout } = await lintSpecAt(["--spec", file, "--format", "github-actions"]);
      expect(code).toBe(1);
      const found = stdout
        .trimEnd()
        .split("\n")
        .map((line): [string, number] => {
          const match = /^::error ([^:]+)::\S/.exec(line);
          expect(match, line).not.toBeNull();
          const properties = Object.fromEntries(
            (match?.[1] ?? "").split(",").map((pair) => pair.split("=") as [string, string]),
          );
          expect(properties.file).toBe(file);
          return [properties.title ?? "", Number(properties.line)];
        });
      expect(found.sort(byLine)).toEqual(expected);
    });

    it("--format stylish: the file, then one line per problem", async () => {
      const { code, stdout } = await lintSpecAt(["--spec", file, "--format", "stylish"]);
      expect(code).toBe(1);
      const [header, ...lines] = stdout.trim().split("\n");
      expect(header).toBe(`${file}:`);
      const found = lines.map((line): [string, number] => {
        const match = /^\s+(\d+):\d+\s+error\s+(\S+)\s+\S/.exec(line);
        expect(match, line).not.toBeNull();
        return [match?.[2] ?? "", Number(match?.[1])];
      });
      expect(found.sort(byLine)).toEqual(expected);
    });
  },
);

describe.each(SPECS)("npm run lint:spec -- --spec $name: a clean spec", (spec) => {
  const file = path.relative(root, spec.path);

  it("passes the docs rules through --spec, in every format", async () => {
    const plain = await lintSpecAt(["--spec", file]);
    expect(plain).toEqual({
      code: 0,
      stdout: `${file}: 0 error(s), 0 warning(s) under redocly.yaml.\n`,
      stderr: "",
    });
    const json = await lintSpecAt(["--spec", file, "--format", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      totals: { errors: 0, warnings: 0 },
      problems: [],
    });
    const annotations = await lintSpecAt(["--spec", file, "--format", "github-actions"]);
    expect({ code: annotations.code, stdout: annotations.stdout }).toEqual({ code: 0, stdout: "" });
  });
});

describe("npm run lint:spec: the project's spec by default, and usage errors", () => {
  it("lints spec/onezone.yaml when given no spec", async () => {
    const { code, stdout } = await lintSpecAt([]);
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: "spec/onezone.yaml: 0 error(s), 0 warning(s) under redocly.yaml.\n",
    });
  });

  it.each([
    ["an unknown format", ["--format", "yaml"], "Unknown format 'yaml'"],
    ["a spec given twice", ["spec/onezone.yaml", "--spec", "spec/onezone.yaml"], "Give one spec"],
    ["an unknown option", ["--sepc", "spec/onezone.yaml"], "--sepc"],
  ])("%s exits 2 with the usage", async (_name, args, message) => {
    const { code, stdout, stderr } = await lintSpecAt(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm run lint:spec");
  });
});
