// test/fixtures/seed-pages/openapi.yaml is the four captured pages (pages/<operationId>.txt) as
// they are, defects included: every text of an operation is its page's text, and every error
// response shows the one error example its page shows. (What linting it finds is held by
// test/spec/lint-fixtures.test.ts.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixture-markers.ts";

const DIR = path.join(ROOT, "test/fixtures/seed-pages");

type Node = Record<string, unknown>;
interface Operation extends Node {
  operationId: string;
  summary: string;
  description: string;
  responses: Record<string, Node>;
  "x-codeSamples": { source: string }[];
}

const spec = parseYaml(readFileSync(path.join(DIR, "openapi.yaml"), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Node>; schemas: Record<string, Node> };
};
const operations = Object.entries(spec.paths).flatMap(([route, item]) =>
  Object.entries(item).map(([method, operation]) => ({ route, method, operation })),
);

/** Text with bullets and runs of white space made alike, as the pages were flattened from HTML. */
function flat(text: string): string {
  return text
    .replace(/^\s*[-•]\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Follows a local `$ref`. */
function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const [, kind = "", name = ""] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
  return resolve((spec.components as Record<string, Record<string, Node>>)[kind]?.[name] ?? {});
}

/** The JSON blocks of a page that follow an "Example" heading, parsed. */
function pageExamples(page: string): unknown[] {
  return [...page.matchAll(/Example\s+application\/json\s+(\{[\s\S]*?\n\})/g)].map((m) =>
    JSON.parse(m[1] ?? ""),
  );
}

describe.each(operations)("$method $route", ({ route, method, operation }) => {
  const page = readFileSync(path.join(DIR, "pages", `${operation.operationId}.txt`), "utf8");

  it("is the operation of its page, with its summary", () => {
    expect(page).toContain(`${method.toUpperCase()} ${route}`);
    expect(page).toContain(operation.summary);
  });

  it("has its page's description, paragraph by paragraph", () => {
    for (const paragraph of operation.description.split(/\n\s*\n/)) {
      expect(flat(page)).toContain(flat(paragraph));
    }
  });

  it("has its page's samples, line by line", () => {
    for (const sample of operation["x-codeSamples"]) {
      for (const line of sample.source.split("\n").filter((l) => l.trim() !== "")) {
        expect(page).toContain(line.trim());
      }
    }
  });

  it("has its page's response descriptions, and its examples", () => {
    const examples = pageExamples(page);
    for (const [status, raw] of Object.entries(operation.responses)) {
      const response = resolve(raw);
      expect(page, status).toContain(`${status}\n\n${response.description}`);
      const content = response.content as Record<string, Node> | undefined;
      const mediaType = content?.["application/json"];
      if (mediaType === undefined) continue;
      const shown = mediaType.example ?? resolve(mediaType.schema as Node).example;
      expect(examples, status).toContainEqual(shown);
    }
  });
});

it("every page has its operation, and no operation is without a page", () => {
  const pages = readdirSync(path.join(DIR, "pages")).map((name) => name.replace(/\.txt$/, ""));
  expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual(pages.sort());
});
