import { describe, expect, it } from "vitest";
import { escapeToken, resolveLocalRef } from "../../scripts/json-pointer.ts";

const document = {
  paths: {
    "/users/{id}": {
      parameters: [{ name: "id", in: "path" }],
      get: { operationId: "getUser", parameters: [{ $ref: "#/components/parameters/Limit" }] },
    },
  },
  components: {
    parameters: {
      Limit: { name: "limit", in: "query", schema: { type: "integer" } },
      Alias: { $ref: "#/components/parameters/Limit" },
      Described: { $ref: "#/components/parameters/Limit", description: "beside the $ref" },
      LoopA: { $ref: "#/components/parameters/LoopB/x" },
      LoopB: { $ref: "#/components/parameters/LoopA/y" },
    },
    schemas: {
      "a~b": { type: "string" },
      "with space": { type: "integer" },
      "100%": { type: "boolean" },
      Pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }] },
    },
  },
  tags: [{ name: "first" }, { name: "second" }],
};

describe("resolveLocalRef", () => {
  it.each([
    ["#/paths/~1users~1{id}/get/operationId", "getUser"],
    ["#/paths/~1users~1%7Bid%7D/parameters/0", { name: "id", in: "path" }],
    ["#/components/schemas/a~0b", { type: "string" }],
    ["#/components/schemas/with%20space", { type: "integer" }],
    ["#/components/schemas/100%", { type: "boolean" }], // a stray % is read as written, as Redocly does
    ["#/components/schemas/Pair/prefixItems/1", { type: "integer" }],
    ["#/tags/1/name", "second"],
    ["#/components/schemas/missing", undefined],
    ["#/components/schemas/constructor", undefined],
    ["#/tags/0/name/length", undefined],
    ["#/tags/length", undefined],
    ["#/tags/01", undefined],
    ["#/tags/2", undefined],
    ["other.yaml#/components/schemas/a~0b", undefined],
  ])("%s", (ref, want) => {
    expect(resolveLocalRef(document, ref)).toEqual(want);
  });

  it("steps through a $ref on the way, as Redocly does, and through a chain of them", () => {
    expect(resolveLocalRef(document, "#/paths/~1users~1{id}/get/parameters/0/schema")).toEqual({
      type: "integer",
    });
    expect(resolveLocalRef(document, "#/components/parameters/Alias/name")).toBe("limit");
    // A key beside the $ref is read there, not in what the $ref points at.
    expect(resolveLocalRef(document, "#/components/parameters/Described/description")).toBe(
      "beside the $ref",
    );
  });

  it("gives a $ref at the end as it is: its target is for the reader to follow", () => {
    expect(resolveLocalRef(document, "#/components/parameters/Alias")).toEqual({
      $ref: "#/components/parameters/Limit",
    });
  });

  it("ends, with nothing, on $refs that lead to each other", () => {
    expect(resolveLocalRef(document, "#/components/parameters/LoopA/x/z")).toBeUndefined();
  });
});

describe("escapeToken", () => {
  it.each([
    ["/users/{id}", "~1users~1{id}"],
    ["a~b", "a~0b"],
    ["~1", "~01"],
  ])("%s → %s", (key, want) => {
    expect(escapeToken(key)).toBe(want);
    expect(resolveLocalRef({ [key]: true }, `#/${want}`)).toBe(true);
  });
});
