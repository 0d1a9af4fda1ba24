// `lint:spec` keeps the API docs complete: the real script, run as a process on a copy of the spec
// with one operation's docs broken, exits non-zero naming the operation and its file:line.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml, stringifyYaml } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptArgs } from "../helpers/processes.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SPEC_COPY = "onezone.yaml";

type Operation = Record<string, unknown> & { responses: Record<string, unknown> };
type Spec = { paths: Record<string, Record<string, Operation>> };

interface Case {
  rule: string;
  path: string;
  method: "get" | "delete";
  /** Breaks exactly one thing in the operation's docs. */
  mutate: (operation: Operation) => void;
}

const cases: [string, Case][] = [
  [
    "code samples removed",
    {
      rule: "onezone-docs/operation-code-samples",
      path: "/tokens/named/{id}/status",
      method: "get",
      mutate: (operation) => {
        delete operation["x-codeSamples"];
      },
    },
  ],
  [
    "description removed",
    {
      rule: "onezone-docs/operation-description",
      path: "/users/{id}/tokens/temporary",
      method: "delete",
      mutate: (operation) => {
        delete operation.description;
      },
    },
  ],
  [
    "404 error response removed",
    {
      rule: "onezone-docs/operation-error-responses",
      path: "/users/{id}/tokens/temporary",
      method: "get",
      mutate: (operation) => {
        delete operation.responses["404"];
      },
    },
  ],
];

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

function writeSpecCopy(mutate?: (spec: Spec) => void): string {
  const spec = parseYaml(readFileSync(path.join(root, "spec/onezone.yaml"), "utf8")) as Spec;
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

describe("npm run lint:spec on a copy of the spec", () => {
  it("passes the unmodified copy under the project's rules", async () => {
    writeSpecCopy();
    const { code, stdout, stderr } = await lintSpec();
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(SPEC_COPY);
  });

  it.each(cases)("%s: exits 1 naming the operation and its file:line", async (_name, c) => {
    let operationId = "";
    const source = writeSpecCopy((spec) => {
      const operation = spec.paths[c.path]?.[c.method];
      if (operation === undefined)
        throw new Error(`no operation ${c.method} ${c.path} in the spec`);
      operationId = String(operation.operationId);
      c.mutate(operation);
    });

    const { code, stderr } = await lintSpec();
    expect(code, stderr).toBe(1);
    const problems = stderr.split("\n").filter((line) => line.includes(c.rule));
    expect(problems.length, stderr).toBeGreaterThanOrEqual(1);
    for (const problem of problems) {
      expect(problem).toContain(operationId);
      const where = new RegExp(`^${SPEC_COPY}:(\\d+):(\\d+)\\s`).exec(problem.trim());
      expect(where, problem).not.toBeNull();
      expect(enclosingOperation(source, Number(where?.[1]))).toEqual({
        path: c.path,
        method: c.method,
      });
    }
  });
});
