import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationIndex } from "../../generated/operation-index.gen.ts";
import { createOnezoneClient } from "../../src/client.ts";
import { OnezoneError, OnezoneNetworkError, OnezoneUsageError } from "../../src/errors.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const TOKEN = "MDAxY2xvY2F0aW9uIG9uZXpvbmUKMDAzMGlkZW50aWZpZXIgc2VjcmV0";
const USER_ID = "c26bab23d12f7389c3c311caf9c15902";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ status: 200, body: "{}" });
});

const client = () => createOnezoneClient({ baseUrl: server.baseUrl, auth: { token: TOKEN } });

describe("every operation sends the request the spec describes and returns its data", () => {
  const cases = [
    {
      name: "getTemporaryTokenGenerationOfUser",
      call: () => client().getTemporaryTokenGenerationOfUser({ id: USER_ID }),
      reply: { status: 200, body: '{"generation":3}' },
      want: { method: "GET", target: `/api/v3/onezone/users/${USER_ID}/tokens/temporary` },
      result: { generation: 3 },
    },
    {
      name: "revokeAllTemporaryTokensOfUser",
      call: () => client().revokeAllTemporaryTokensOfUser({ id: USER_ID }),
      reply: { status: 204 },
      want: { method: "DELETE", target: `/api/v3/onezone/users/${USER_ID}/tokens/temporary` },
      result: undefined,
    },
    {
      name: "listClientTokens",
      call: () => client().listClientTokens(),
      reply: { status: 200, body: '{"tokens":["a","b"]}' },
      want: { method: "GET", target: "/api/v3/onezone/user/client_tokens" },
      result: { tokens: ["a", "b"] },
    },
    {
      name: "getNamedTokenStatus",
      call: () => client().getNamedTokenStatus({ id: "tok1" }),
      reply: { status: 200, body: '{"revoked":false}' },
      want: { method: "GET", target: "/api/v3/onezone/tokens/named/tok1/status" },
      result: { revoked: false },
    },
  ];
  it.each(cases)("$name", async ({ call, reply, want, result }) => {
    server.reply(reply);
    await expect(call()).resolves.toEqual(result);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject(want);
    expect(server.requests[0]?.headers["x-auth-token"]).toBe(TOKEN);
  });
});

describe("credentials", () => {
  const cases = [
    ["token", { token: TOKEN }, "x-auth-token", TOKEN],
    ["bearer", { bearer: TOKEN }, "authorization", `Bearer ${TOKEN}`],
    [
      "basic",
      { username: "józef", password: "p:ss" },
      "authorization",
      `Basic ${Buffer.from("józef:p:ss").toString("base64")}`,
    ],
  ] as const;
  it.each(cases)("%s is sent in its header", async (_, auth, header, value) => {
    await createOnezoneClient({ baseUrl: server.baseUrl, auth }).listClientTokens();
    expect(server.requests[0]?.headers[header]).toBe(value);
  });

  it("no auth sends no credential header", async () => {
    await createOnezoneClient({ baseUrl: server.baseUrl }).listClientTokens();
    expect(server.requests[0]?.headers["x-auth-token"]).toBeUndefined();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("extra headers are sent with every call", async () => {
    const onezone = createOnezoneClient({ baseUrl: server.baseUrl, headers: { "X-Trace": "t-1" } });
    await onezone.listClientTokens();
    expect(server.requests[0]?.headers["x-trace"]).toBe("t-1");
  });

  it("an empty token is refused when the client is made", () => {
    expect(() => createOnezoneClient({ baseUrl: server.baseUrl, auth: { token: "" } })).toThrow(
      "auth must be a non-empty { token }, { bearer } or { username, password }.",
    );
  });
});

const NOT_AN_ENDPOINT =
  "createOnezoneClient needs a host name (host) or an http(s) URL (baseUrl), not ";

describe("base URL", () => {
  it("a host name means https://<host>/api/v3/onezone", async () => {
    const seen: string[] = [];
    const onezone = createOnezoneClient({
      host: "onezone.example.com",
      fetch: async (request) => {
        seen.push(request.url);
        return Response.json({ revoked: true });
      },
    });
    await expect(onezone.getNamedTokenStatus({ id: "t" })).resolves.toEqual({ revoked: true });
    expect(seen).toEqual(["https://onezone.example.com/api/v3/onezone/tokens/named/t/status"]);
  });

  it.each([
    [{}, `${NOT_AN_ENDPOINT}{}.`],
    [{ host: "a", baseUrl: "http://a" }, `${NOT_AN_ENDPOINT}{"host":"a","baseUrl":"http://a"}.`],
    [{ host: "https://a.example" }, `${NOT_AN_ENDPOINT}{"host":"https://a.example"}.`],
    [{ host: "a.example/evil" }, `${NOT_AN_ENDPOINT}{"host":"a.example/evil"}.`],
    [{ baseUrl: "a.example/api" }, `${NOT_AN_ENDPOINT}{"baseUrl":"a.example/api"}.`],
    [{ baseUrl: "ftp://a.example/api" }, `${NOT_AN_ENDPOINT}{"baseUrl":"ftp://a.example/api"}.`],
  ])("%o is refused", (options, message) => {
    expect(() => createOnezoneClient(options)).toThrow(message);
  });
});

describe("errors", () => {
  const onedata = (id: string, description: string, details?: object) =>
    JSON.stringify({ error: { id, description, ...(details ? { details } : {}) } });
  const cases = [
    [400, "badValueString", 'Bad value: provided "name" must be a string.', { key: "name" }],
    [401, "unauthorized", "You must authenticate yourself to perform this operation.", undefined],
    [403, "forbidden", "You are not authorized to perform this operation.", undefined],
    [404, "notFound", "The resource could not be found.", undefined],
    [
      500,
      "internalServerError",
      "The server has encountered an error.",
      { reference: "0a1b2c3d4e" },
    ],
  ] as const;

  it.each(cases)(
    "HTTP %i becomes an OnezoneError with the Onedata error",
    async (status, id, description, details) => {
      server.reply({ status, body: onedata(id, description, details) });
      const error = await client()
        .getNamedTokenStatus({ id: "tok1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OnezoneError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        name: "OnezoneError",
        status,
        operationId: "getNamedTokenStatus",
        error: { id, description, ...(details ? { details } : {}) },
        message: `getNamedTokenStatus failed with HTTP ${status} (${id}: ${description})`,
      });
      expect((error as OnezoneError).body).toBeUndefined();
    },
  );

  it.each([
    ["an empty 500", 500, "", "empty body"],
    ["an HTML 502", 502, "<html>Bad Gateway</html>", "body is not an Onedata error"],
    [
      "JSON that is not an Onedata error",
      400,
      '{"message":"nope"}',
      "body is not an Onedata error",
    ],
  ])("%s keeps the raw body", async (_, status, body, reason) => {
    server.reply({ status, body, contentType: "text/html" });
    const error = (await client()
      .listClientTokens()
      .catch((e: unknown) => e)) as OnezoneError;
    expect(error).toBeInstanceOf(OnezoneError);
    expect(error).toMatchObject({ status, body });
    expect(error.error).toBeUndefined();
    expect(error.message).toBe(`listClientTokens failed with HTTP ${status} (${reason})`);
  });

  it("a refused connection is an OnezoneNetworkError with its cause", async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const onezone = createOnezoneClient({ baseUrl: closed.baseUrl, auth: { token: TOKEN } });
    const error = (await onezone
      .listClientTokens()
      .catch((e: unknown) => e)) as OnezoneNetworkError;
    expect(error).toBeInstanceOf(OnezoneNetworkError);
    expect(error).toBeInstanceOf(OnezoneError);
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^listClientTokens failed: .*ECONNREFUSED/);
  });

  it("no message, string or JSON form of an error carries the credential", async () => {
    server.reply({ status: 401, body: onedata("unauthorized", "nope") });
    for (const auth of [{ token: TOKEN }, { bearer: TOKEN }, { username: "u", password: TOKEN }]) {
      const onezone = createOnezoneClient({ baseUrl: server.baseUrl, auth });
      const error = (await onezone.listClientTokens().catch((e: unknown) => e)) as Error;
      const basic = Buffer.from(`u:${TOKEN}`).toString("base64");
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? ""]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(basic);
      }
    }
  });
});

describe("path parameters", () => {
  it.each([
    ["a/b", "a%2Fb"],
    ["a?b#c", "a%3Fb%23c"],
    ["100%", "100%25"],
    ["zażółć", "za%C5%BC%C3%B3%C5%82%C4%87"],
    ["a b", "a%20b"],
    ["..a", "..a"],
  ])("%j stays in its segment as %s", async (id, encoded) => {
    server.reply({ status: 200, body: '{"revoked":true}' });
    await client().getNamedTokenStatus({ id });
    expect(server.requests[0]?.target).toBe(`/api/v3/onezone/tokens/named/${encoded}/status`);
  });

  it.each([
    [
      "",
      'getNamedTokenStatus: Path parameter "id" cannot be "": no URL carries it as one segment.',
    ],
    [
      ".",
      'getNamedTokenStatus: Path parameter "id" cannot be ".": no URL carries it as one segment.',
    ],
    [
      "..",
      'getNamedTokenStatus: Path parameter "id" cannot be "..": no URL carries it as one segment.',
    ],
  ])("%j is refused before sending", async (id, message) => {
    const error = await client()
      .getNamedTokenStatus({ id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnezoneUsageError);
    expect((error as Error).message).toBe(message);
    expect(server.requests).toHaveLength(0);
  });

  const takingPath = Object.entries(operationIndex).filter(([, op]) => op.pathParameters);
  it.each(takingPath)("%s called from JavaScript without them is refused too", async (name) => {
    const method = (client() as unknown as Record<string, () => Promise<unknown>>)[name];
    const error = await method?.().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnezoneUsageError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${name}: Path parameter "\\w+" cannot be ""`),
    );
    expect(server.requests).toHaveLength(0);
  });
});

it("the raw openapi-fetch client is exposed for anything else", async () => {
  server.reply({ status: 200, body: '{"revoked":true}' });
  const { data } = await client().raw.GET("/tokens/named/{id}/status", {
    params: { path: { id: "x" } },
  });
  expect(data).toEqual({ revoked: true });
});
