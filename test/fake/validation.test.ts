// Each way a request can be wrong, derived from the spec's parameters and body schemas, answered
// with Onedata's 400 error naming the field: id, details and description checked field by field.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { VALIDATION_ERROR_IDS } from "../../src/fake/validation-errors.ts";
import { ROOT } from "../helpers/processes.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { xAuthToken } from "./support/credentials.ts";
import {
  type Breakage,
  breakagesOf,
  type ExpectedError,
  fetchArgs,
  requestOf,
} from "./support/requests.ts";
import { loadFakeSpecs } from "./support/specs.ts";

const { user } = defaultSeedValues;
const conformance = useSpecConformance();
const specs = await loadFakeSpecs();
const triggered = new Set<string>();

/** Onedata's descriptions (../../../shared/onedata-errors.md), `K` the key, by error id. */
const descriptions: Record<string, (d: Record<string, unknown>) => string> = {
  malformedData: () => "Provided data could not be understood by the server.",
  missingRequiredValue: (d) => `Missing required value: ${d.key}.`,
  badData: (d) =>
    `Bad value: provided "${d.key}" has an invalid format or is incomprehensible in the context of this operation.`,
  badValueEmpty: (d) => `Bad value: provided "${d.key}" must not be empty.`,
  badValueBoolean: (d) => `Bad value: provided "${d.key}" must be a boolean.`,
  badValueString: (d) => `Bad value: provided "${d.key}" must be a string.`,
  badValueListOfStrings: (d) => `Bad value: provided "${d.key}" must be a list of strings.`,
  badValueInteger: (d) => `Bad value: provided "${d.key}" must be an integer.`,
  badValueFloat: (d) => `Bad value: provided "${d.key}" must be a floating point number.`,
  badValueJSON: (d) => `Bad value: provided "${d.key}" must be a valid JSON.`,
  badValueTooLow: (d) => `Bad value: provided "${d.key}" must be at least ${d.limit}.`,
  badValueTooHigh: (d) => `Bad value: provided "${d.key}" must not exceed ${d.limit}.`,
  badValueNotInRange: (d) =>
    `Bad value: provided "${d.key}" must be between <${d.low}, ${d.high}>.`,
  badValueNotAllowed: (d) =>
    `Bad value: provided "${d.key}" must be one of: ${(d.allowed as string[]).join(", ")}.`,
  badValueListNotAllowed: (d) =>
    `Bad value: provided "${d.key}" must be a list containing zero or more following values: ${(d.allowed as string[]).join(", ")}.`,
  badValueTextTooLarge: (d) =>
    `Bad value: the text provided in "${d.key}" cannot be larger than ${d.limit} characters.`,
};

/** The error body the fake must send; a `badData` hint is free text saying what is wrong. */
function expectedBody({ id, details }: ExpectedError) {
  const description = descriptions[id]?.(details ?? {});
  if (details === undefined) return { error: { id, description } };
  const withHint = id === "badData" ? { ...details, hint: expect.any(String) } : details;
  return { error: { id, details: withHint, description } };
}

/** Every breakage of a few valid requests with every optional part, once per title. */
function breakages(spec: (typeof specs)[number]["spec"]): Breakage[] {
  const byTitle = new Map<string, Breakage>();
  for (const operation of spec.operations) {
    for (const request of fc.sample(requestOf(spec, operation, true), { seed: 7, numRuns: 4 })) {
      for (const breakage of breakagesOf(request)) {
        const title = `${operation.id}: ${breakage.title}`;
        if (!byTitle.has(title)) byTitle.set(title, { ...breakage, title });
      }
    }
  }
  return [...byTitle.values()];
}

// A spec with nothing to break (the project's: four operations with free-text path ids) has no cases.
const withCases = specs
  .map((loaded) => ({ ...loaded, cases: breakages(loaded.spec) }))
  .filter(({ cases }) => cases.length > 0);

describe.each(withCases)("request validation on the $name spec", ({ path: specPath, cases }) => {
  let fake: FakeOnezone;
  beforeAll(async () => {
    fake = await startFakeOnezone({ spec: specPath });
  });
  afterAll(() => fake.close());

  it.each(cases.map((c) => [c.title, c] as const))("%s", async (_, { request, expected }) => {
    const [url, init] = fetchArgs(fake.baseUrl, request, xAuthToken(user.namedToken));
    const response = await conformance.fetch(url, init, specPath);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: expectedBody(expected),
    });
    triggered.add(expected.id);
  });
});

describe("the validation errors", () => {
  it("are each triggered by a test above", () => {
    expect([...triggered].sort()).toEqual([...VALIDATION_ERROR_IDS].sort());
  });

  it("are the ones the README lists", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split("The validation errors the fake can answer with")[1] ?? "";
    const table = section.split("\n\n")[1] ?? "";
    const listed = [...table.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...VALIDATION_ERROR_IDS]);
  });

  it("are Onedata's 400 ids (lint/onedata-errors.json)", () => {
    const catalogue = JSON.parse(
      readFileSync(path.join(ROOT, "lint/onedata-errors.json"), "utf8"),
    ) as { statuses: Record<string, string[]> };
    expect(catalogue.statuses["400"]).toEqual(expect.arrayContaining([...VALIDATION_ERROR_IDS]));
  });
});
