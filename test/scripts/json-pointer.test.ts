import { describe, expect, it } from "vitest";
import { escapeToken, resolveLocalRef } from "../../scripts/json-pointer.ts";

const document = {
  paths: { "/users/{id}": { get: { operationId: "getUser" } } },
  components: { schemas: { "a~b": { type: "string" }, "with space": { type: "integer" } } },
  tags: [{ name: "first" }],
};

describe("resolveLocalRef", () => {
  it.each([
    ["#/paths/~1users~1{id}/get", { operationId: "getUser" }],
    ["#/components/schemas/a~0b", { type: "string" }],
    ["#/components/schemas/with%20space", { type: "integer" }],
    ["#/tags/0/name", "first"],
    ["#/components/schemas/missing", undefined],
    ["#/components/schemas/constructor", undefined],
    ["#/tags/0/name/length", undefined],
    ["other.yaml#/components/schemas/a~0b", undefined],
  ])("%s", (ref, want) => {
    expect(resolveLocalRef(document, ref)).toEqual(want);
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
