import { describe, expect, it } from "vitest";
import { inlinePointerRefs } from "../../scripts/inline-refs.ts";
import { SpecError } from "../../scripts/spec-error.ts";

const limit = { name: "limit", in: "query", schema: { type: "integer" } };

function inlined(document: Record<string, unknown>): Record<string, unknown> {
  inlinePointerRefs(document, "spec.yaml", "");
  return document;
}

describe("inlinePointerRefs", () => {
  it("keeps $refs to whole components, and copies what any other local $ref points at", () => {
    const document = inlined({
      paths: {
        "/a": { get: { parameters: [limit, { $ref: "#/components/parameters/Trace" }] } },
        "/b": { get: { parameters: [{ $ref: "#/paths/~1a/get/parameters/0" }] } },
      },
      components: {
        parameters: { Trace: { name: "X-Trace", in: "header" } },
        schemas: {
          Pair: {
            prefixItems: [{ type: "string" }, { $ref: "#/components/schemas/Pair/prefixItems/0" }],
          },
        },
      },
    });
    expect(document.paths).toEqual({
      "/a": { get: { parameters: [limit, { $ref: "#/components/parameters/Trace" }] } },
      "/b": { get: { parameters: [limit] } },
    });
    expect(document.components).toMatchObject({
      schemas: { Pair: { prefixItems: [{ type: "string" }, { type: "string" }] } },
    });
  });

  it("follows a chain of such $refs, keeps the keys written beside one, and copies, not shares", () => {
    const document = inlined({
      x: {
        one: { $ref: "#/x/two", description: "mine" },
        two: { $ref: "#/x/three" },
        three: limit,
      },
    });
    const { one, two, three } = document.x as Record<string, Record<string, unknown>>;
    expect(one).toEqual({ ...limit, description: "mine" });
    expect(two).toEqual(limit);
    expect(two).not.toBe(three);
    expect(two?.schema).not.toBe(three?.schema);
  });

  it("leaves a $ref it cannot follow for lint to report, and refs to other documents", () => {
    const document = { a: { $ref: "#/nowhere" }, b: { $ref: "other.yaml#/x/y" } };
    expect(inlined(structuredClone(document))).toEqual(document);
  });

  it("refuses a $ref whose copy would hold itself, naming the line it points at", () => {
    const text = "x:\n  tree:\n    children:\n      $ref: '#/x/tree'\n";
    const document = { x: { tree: { children: { $ref: "#/x/tree" } } } };
    let error: unknown;
    try {
      inlinePointerRefs(document, "spec.yaml", text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems).toEqual([
      expect.stringMatching(/^spec\.yaml:2:\d+ {2}ref-loop {2}What `#\/x\/tree` points at/),
    ]);
  });
});
