import { describe, expect, it } from "vitest";
import {
  buildModel,
  deriveId,
  isJsonMediaType,
  NameCollisionError,
  toIdentifier,
} from "../../scripts/model.ts";
import { createApiClient } from "../../src/client.ts";

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
    ["get_named_token_status", "getNamedTokenStatus"],
    ["list_v3_tokens", "listV3Tokens"],
    ["get_userID", "get_userID"],
    ["_private", "_private"],
    ["a__b", "a__b"],
    ["raw", "raw_"],
    ["with_response", "withResponse_"],
  ])("%j → %s", (text, want) => {
    expect(toIdentifier(text)).toBe(want);
  });

  it("renames operations the client's own properties would hide, which stay the client's", () => {
    const own = Object.keys(createApiClient({}, { baseUrl: "http://127.0.0.1:1" }));
    expect(own.length).toBeGreaterThan(0);
    const model = buildModel({
      info: { title: "T", version: "1" },
      paths: Object.fromEntries(
        own.map((name) => [`/${name}`, { get: { operationId: name, responses: {} } }]),
      ),
    });
    const index = Object.fromEntries(
      model.operations.map((op) => [op.name, { ...op, pathParameters: false }]),
    );
    const client = createApiClient(index, { baseUrl: "http://127.0.0.1:1" });
    for (const op of model.operations) {
      expect(op.name).toBe(`${op.id}_`);
      expect(client[op.name], op.name).toBeTypeOf("function");
      expect(client.withResponse[op.name], op.name).toBeTypeOf("function");
    }
    expect(client.raw.GET).toBeTypeOf("function");
  });
});

describe("isJsonMediaType", () => {
  it.each([
    ["application/json", true],
    ["application/problem+json", true],
    ["application/json; charset=utf-8", true],
    ["application/jsonl", false],
    ["text/json", false],
    ["application/x-ndjson", false],
  ])("%s → %s", (mediaType, json) => {
    expect(isJsonMediaType(mediaType)).toBe(json);
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
      "/c": { get: { operationId: "get_c", responses: {} } },
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
    expect(getA?.requestBody).toEqual({
      required: true,
      description: "",
      contentTypes: ["application/json"],
      contents: [{ mediaType: "application/json" }],
    });
    expect(getA?.responses).toEqual([
      { status: "200", description: "ok", contentTypes: ["application/json"], headers: [] },
      { status: "404", description: "no", contentTypes: [], headers: [] },
    ]);
    expect(getA?.codeSamples).toEqual([{ lang: "Shell", label: "cURL", source: "curl x" }]);
    expect(getA?.deprecated).toBe(true);
  });

  it("keeps each body media type's schema, the JSON answer's schema and the response headers", () => {
    const body = { $ref: "#/components/schemas/Body" };
    const withBodies = buildModel({
      info: { title: "T", version: "1" },
      paths: {
        "/x": {
          post: {
            requestBody: {
              description: "the thing",
              content: {
                "text/plain": { schema: { type: "string" } },
                "application/json": { schema: body },
              },
            },
            responses: {
              "201": {
                description: "made",
                headers: {
                  Location: { $ref: "#/components/headers/Location" },
                  "X-Count": { required: true, description: "n", schema: { type: "integer" } },
                },
                content: { "application/problem+json": { schema: body } },
              },
            },
          },
        },
      },
      components: {
        schemas: { Body: { type: "object" } },
        headers: { Location: { description: "where", schema: { type: "string" } } },
      },
    });
    const [op] = withBodies.operations;
    expect(op?.requestBody).toEqual({
      required: false,
      description: "the thing",
      contentTypes: ["application/json", "text/plain"],
      contents: [
        { mediaType: "application/json", schema: body },
        { mediaType: "text/plain", schema: { type: "string" } },
      ],
    });
    expect(op?.responses).toEqual([
      {
        status: "201",
        description: "made",
        contentTypes: ["application/problem+json"],
        schema: body,
        headers: [
          { name: "Location", required: false, description: "where", schema: { type: "string" } },
          { name: "X-Count", required: true, description: "n", schema: { type: "integer" } },
        ],
      },
    ]);
  });

  it("derives missing ids and names each operation by its id", () => {
    expect(model.operations.map((op) => [op.id, op.name])).toEqual([
      ["get-a", "getA"],
      ["deleteAId", "deleteAId"],
      ["get-b", "getB"],
      ["get_c", "getC"],
    ]);
  });

  it("refuses two operations that would get the same name, naming both", () => {
    const colliding = structuredClone(document);
    colliding.paths["/c"].get.operationId = "get_a";
    const build = () => buildModel(colliding);
    expect(build).toThrow(NameCollisionError);
    expect(build).toThrow(
      'operationIds "get-a" (GET /a/{id}) and "get_a" (GET /c) both become the name getA',
    );
  });
});

describe("a $ref the model cannot follow", () => {
  const withParameter = (parameter: unknown) => ({
    paths: { "/a": { get: { operationId: "getA", parameters: [parameter] } } },
    components: {
      parameters: {
        A: { $ref: "#/components/parameters/B" },
        B: { $ref: "#/components/parameters/A" },
      },
    },
  });

  it("is named, not read as an empty parameter", () => {
    expect(() => buildModel(withParameter({ $ref: "#/components/parameters/Nope" }))).toThrow(
      "the $ref #/components/parameters/Nope points at nothing",
    );
    expect(() => buildModel(withParameter({ $ref: "#/components/parameters/A" }))).toThrow(
      "the $refs #/components/parameters/A → #/components/parameters/B → #/components/parameters/A loop",
    );
  });
});
