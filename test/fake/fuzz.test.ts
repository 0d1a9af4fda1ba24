// Property-based: requests generated from the spec, valid ones and ones broken in one place, or
// with any text or JSON where a value goes. The fake never answers 5xx, never shows a stack trace,
// never hangs, and names the broken field in its 400. Bounded runs, loopback only.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { xAuthToken } from "./support/credentials.ts";
import { breakagesOf, fetchArgs, requestOf, type SpecRequest } from "./support/requests.ts";
import { loadFakeSpecs } from "./support/specs.ts";

const { user } = defaultSeedValues;
const conformance = useSpecConformance();
const specs = await loadFakeSpecs();

const RUNS = 120;
/** Longer than any answer takes on a loaded machine; a request still open then is a hang. */
const HANG_MS = 10_000;
const STACK_TRACE = /\bat .+:\d+:\d+|\bnode:internal\b|node_modules|[A-Za-z]*Error: /;

describe.each(specs)("the fake serving the $name spec, fuzzed", ({ path: specPath, spec }) => {
  let fake: FakeOnezone;
  beforeAll(async () => {
    fake = await startFakeOnezone({ spec: specPath });
  });
  afterAll(() => fake.close());

  async function send(request: SpecRequest) {
    const [url, init] = fetchArgs(fake.baseUrl, request, xAuthToken(user.namedToken));
    const response = await conformance.fetch(
      url,
      { ...init, signal: AbortSignal.timeout(HANG_MS) },
      specPath,
    );
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(STACK_TRACE);
    return { status: response.status, text };
  }

  const requests = fc
    .constantFrom(...spec.operations)
    .chain((operation) => requestOf(spec, operation));

  it("answers valid requests without refusing their data", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const { status } = await send(request);
        expect(status).not.toBe(400);
      }),
      { numRuns: RUNS },
    );
  });

  // The project's spec has nothing to break (free-text path ids only): no such case there.
  const breakable = spec.operations.some((operation) =>
    fc
      .sample(requestOf(spec, operation, true), { seed: 1, numRuns: 3 })
      .some((request) => breakagesOf(request).length > 0),
  );
  const broken = requests
    .map((request) => breakagesOf(request))
    .filter((breakages) => breakages.length > 0)
    .chain((breakages) => fc.constantFrom(...breakages));

  if (breakable) {
    it("answers a request broken in one place with a 400 naming what is broken", {
      timeout: 120_000,
    }, async () => {
      await fc.assert(
        fc.asyncProperty(broken, async ({ request, expected }) => {
          const { status, text } = await send(request);
          const { error } = JSON.parse(text) as {
            error: { id: string; details?: { key?: string } };
          };
          expect({ status, id: error.id, key: error.details?.key }).toEqual({
            status: 400,
            id: expected.id,
            key: expected.details?.key,
          });
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("answers any text or JSON where a value goes without a 5xx or a stack trace", {
    timeout: 120_000,
  }, async () => {
    const garbled = requests.chain((request) => {
      const places = request.parameters.filter((p) => p.in !== "path");
      const body = request.body;
      const choices: fc.Arbitrary<SpecRequest>[] = places.map((p) =>
        fc.string({ unit: "grapheme-ascii", maxLength: 40 }).map((text) => {
          const values = structuredClone(request.values);
          values[p.in][p.name] = p.in === "query" ? text : text.replace(/[^\x20-\x7e]/g, "");
          return { ...request, values };
        }),
      );
      if (body) {
        choices.push(
          fc.jsonValue({ maxDepth: 3 }).map((value) => ({
            ...request,
            body: { mediaType: body.mediaType, raw: JSON.stringify(value) ?? "null" },
          })),
        );
      }
      return choices.length > 0 ? fc.oneof(...choices) : fc.constant(request);
    });
    await fc.assert(
      fc.asyncProperty(garbled, async (request) => {
        await send(request);
      }),
      { numRuns: RUNS },
    );
  });
});
