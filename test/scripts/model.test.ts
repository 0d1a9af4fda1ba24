import { describe, expect, it } from "vitest";
import { buildModel, deriveId, toIdentifier } from "../../scripts/model.ts";

describe("toIdentifier", () => {
  it.each([
    ["getNamedTokenStatus", "getNamedTokenStatus"],
    ["repos/get-content", "reposGetContent"],
    ["delete", "delete_"],
    ["get-user", "getUser"],
    ["2fa", "_2fa"],
    ["", "operation"],
    ["ünïcode name", "ünïcodeName"],
    ["名前-取得", "名前取得"],
  ])("%j → %s", (text, want) => {
    expect(toIdentifier(text)).toBe(want);
  });
});

describe("deriveId", () => {
  it.each([
    ["get", "/users/{id}/tokens/temporary", "getUsersIdTokensTemporary"],
    ["delete", "/", "delete"],
    ["post", "/user/client_tokens", "postUserClientTokens"],
  ] as const)("%s %s → %s", (method, path, want) => {
    expect(deriveId(method, path)).toBe(want);
  });
});

describe("buildModel", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/b": { get: { operationId: "get-b", responses: {} } },
      "/a/{id}": {
        parameters: [{ $ref: "#/components/parameters/Id" }, { name: "q", in: "query" }],
        delete: { responses: { "204": { description: "gone" } } },
        get: {
          operationId: "get-a",
          deprecated: true,
          parameters: [{ name: "q", in: "query", required: true, description: "own" }],
          requestBody: { $ref: "#/components/requestBodies/Body" },
          responses: { "404": { description: "no" }, "200": { $ref: "#/components/responses/Ok" } },
          "x-codeSamples": [{ lang: "Shell", label: "cURL", source: "curl x" }],
        },
      },
      "/c": { get: { operationId: "getA", responses: {} } },
    },
    components: {
      parameters: { Id: { name: "id", in: "path", required: true, description: "Id" } },
      requestBodies: { Body: { required: true, content: { "application/json": {} } } },
      responses: { Ok: { description: "ok", content: { "application/json": {} } } },
    },
  };
  const model = buildModel(document);

  it("sorts by path, then method", () => {
    expect(model.operations.map((op) => `${op.method} ${op.path}`)).toEqual([
      "get /a/{id}",
      "delete /a/{id}",
      "get /b",
      "get /c",
    ]);
  });

  it("resolves $refs, merges path-level parameters and lets the operation's win", () => {
    const [getA] = model.operations;
    expect(getA?.parameters).toEqual([
      { name: "id", in: "path", required: true, description: "Id" },
      { name: "q", in: "query", required: true, description: "own" },
    ]);
    expect(getA?.requestBody).toEqual({ required: true, contentTypes: ["application/json"] });
    expect(getA?.responses).toEqual([
      { status: "200", description: "ok", contentTypes: ["application/json"] },
      { status: "404", description: "no", contentTypes: [] },
    ]);
    expect(getA?.codeSamples).toEqual([{ lang: "Shell", label: "cURL", source: "curl x" }]);
    expect(getA?.deprecated).toBe(true);
  });

  it("derives missing ids and keeps names unique", () => {
    expect(model.operations.map((op) => [op.id, op.name])).toEqual([
      ["get-a", "getA"],
      ["deleteAId", "deleteAId"],
      ["get-b", "getB"],
      ["getA", "getA2"],
    ]);
  });
});
