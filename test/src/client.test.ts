import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationIndex } from "../../generated/operation-index.gen.js";
import { isJsonMediaType, type Operation } from "../../scripts/model.ts";
import type { ApiResponse } from "../../src/call.ts";
import { createApiClient, createOnezoneClient } from "../../src/client.ts";
import { OnezoneError, OnezoneNetworkError, OnezoneUsageError } from "../../src/errors.ts";
import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from "../helpers/recording-server.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { answersOf, bodiesOf, type Call, callOf, readingOf, readSpec } from "./spec-calls.ts";

const TOKEN = "MDAxY2xvY2F0aW9uIG9uZXpvbmUKMDAzMGlkZW50aWZpZXIgc2VjcmV0";

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

describe.each(SPECS)("$name: every operation as its spec describes it", async (spec) => {
  const api = await generatedApi(spec.path);
  const read = await readSpec(spec.path);
  const apiClient = () =>
    createApiClient(api.operationIndex, { baseUrl: server.baseUrl, auth: { token: TOKEN } });
  /** The operation's method on a client over the spec's generated index; `withResponse` for its sibling. */
  const methodOf = (op: Operation, withResponse = false) => {
    const client = apiClient();
    const method = (withResponse ? client.withResponse : client)[op.name];
    if (!method) throw new Error(`The client has no method ${op.name}.`);
    return method as (...args: unknown[]) => Promise<unknown>;
  };
  const argsOf = (call: Call, options: object) =>
    call.path ? [call.path, { ...call.options, ...options }] : [{ ...call.options, ...options }];

  it("has one method, and one withResponse method, per operation of the spec", () => {
    const client = apiClient();
    const names = read.operations.map((op) => op.name).sort();
    const methods = (object: object) =>
      Object.entries(object)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name)
        .sort();
    expect(methods(client)).toEqual(names);
    expect(methods(client.withResponse)).toEqual(names);
  });

  // Each operation with its parameters and, when it takes one, a body of each declared media type.
  const requests = read.operations.flatMap((op) => {
    const bodies = bodiesOf(read, op);
    return bodies.length === 0
      ? [{ name: op.name, op, what: "no body", mediaType: "", body: undefined }]
      : bodies.map(({ mediaType, body }) => ({
          name: op.name,
          op,
          what: `a ${mediaType} body`,
          mediaType,
          body,
        }));
  });
  it.each(requests)("$name sends its parameters and $what", async ({ op, mediaType, body }) => {
    const call = callOf(read, op);
    const defaultType = api.operationIndex[op.name]?.body?.mediaTypes[0];
    // The default media type is left for the client to pick; any other is asked for.
    const options =
      body === undefined
        ? {}
        : { body, ...(mediaType === defaultType ? {} : { contentType: mediaType }) };
    server.reply({ status: 204 });
    await methodOf(op)(...argsOf(call, options));
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests as [RecordedRequest];
    expect(request.method).toBe(call.method);
    expect(request.target).toBe(`/api/v3/onezone${call.target}`);
    expect(request.headers).toMatchObject(call.headers);
    expect(request.headers["x-auth-token"]).toBe(TOKEN);
    if (body === undefined) {
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body).toBe("");
    } else {
      await expectBody(request, mediaType, body);
    }
  });

  const answers = read.operations.flatMap((op) =>
    answersOf(read, op).map((answer) => ({
      name: op.name,
      op,
      answer,
      what: `${answer.status} ${answer.mediaType ?? "without a body"}`,
    })),
  );
  it.each(answers)(
    "$name reads its $what answer, with its status and headers",
    async ({ op, answer }) => {
      const call = callOf(read, op);
      const reply = { status: answer.status, body: answer.body, headers: answer.headers };
      server.reply(answer.mediaType ? { ...reply, contentType: answer.mediaType } : reply);
      const data = await methodOf(op)(...argsOf(call, {}));
      const expected = readAs(readingOf(op), answer.body);
      await expectData(data, expected);
      const full = (await methodOf(op, true)(...argsOf(call, {}))) as ApiResponse;
      expect(full.status).toBe(answer.status);
      expect(full.response).toBeInstanceOf(Response);
      await expectData(full.data, expected);
      for (const [name, value] of Object.entries(answer.headers)) {
        expect(full.headers[name.toLowerCase()], name).toBe(value);
      }
    },
  );

  const withBodies = read.operations.filter((op) => op.requestBody);
  it.each(withBodies.map((op) => ({ name: op.name, op })))(
    "$name refuses a media type its spec does not declare, naming the declared ones",
    async ({ op }) => {
      const call = callOf(read, op);
      const declared = api.operationIndex[op.name]?.body?.mediaTypes ?? [];
      const error = await methodOf(op)(
        ...argsOf(call, { body: "x", contentType: "text/csv" }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OnezoneUsageError);
      expect((error as Error).message).toBe(
        `${op.name}: contentType cannot be "text/csv", only one of [${declared.join(",")}].`,
      );
      expect(server.requests).toHaveLength(0);
    },
  );

  const withoutBodies = read.operations.filter((op) => !op.requestBody);
  it.each(withoutBodies.map((op) => ({ name: op.name, op })))(
    "$name, which takes no body, refuses one",
    async ({ op }) => {
      const error = await methodOf(op)(...argsOf(callOf(read, op), { body: { a: 1 } })).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OnezoneUsageError);
      expect((error as Error).message).toBe(
        `${op.name}: contentType cannot be "", only one of [].`,
      );
      expect(server.requests).toHaveLength(0);
    },
  );

  // parseAs overrides how an answer is read, whatever its media type.
  const firstAnswer = answers.find(({ answer }) => answer.body !== undefined);
  it
    .runIf(firstAnswer !== undefined)
    .each(["text", "blob", "arrayBuffer", "stream", "json"] as const)(
    "parseAs %s is honoured",
    async (parseAs) => {
      const { op, answer } = firstAnswer as (typeof answers)[number];
      server.reply({ status: answer.status, body: answer.body, contentType: answer.mediaType });
      const data = await methodOf(op)(...argsOf(callOf(read, op), { parseAs }));
      const bytes =
        typeof answer.body === "string" ? new TextEncoder().encode(answer.body) : answer.body;
      if (parseAs === "json") {
        // JSON asked of a body that is not JSON fails as such; of JSON it is parsed.
        if (answer.mediaType && isJsonMediaType(answer.mediaType)) {
          expect(data).toEqual(JSON.parse(answer.body as string));
        }
        return;
      }
      const got =
        parseAs === "text"
          ? new TextEncoder().encode(data as string)
          : parseAs === "blob"
            ? new Uint8Array(await (data as Blob).arrayBuffer())
            : parseAs === "arrayBuffer"
              ? new Uint8Array(data as ArrayBuffer)
              : new Uint8Array(await new Response(data as ReadableStream).arrayBuffer());
      if (
        parseAs === "text" &&
        answer.mediaType &&
        !answer.mediaType.startsWith("text/") &&
        !isJsonMediaType(answer.mediaType)
      ) {
        return; // binary read as text is lossy by nature
      }
      expect(got).toEqual(bytes);
    },
  );
});

/** What the client resolves to for an answer's body, read as its operation's answers are. */
function readAs(
  reading: "json" | "text" | "blob",
  body: string | Uint8Array<ArrayBuffer> | undefined,
): unknown {
  if (body === undefined) return undefined;
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  if (reading === "blob") return new Blob([bytes]);
  const text = new TextDecoder().decode(bytes);
  return reading === "text" ? text : text ? JSON.parse(text) : undefined;
}

async function expectData(data: unknown, expected: unknown): Promise<void> {
  if (!(expected instanceof Blob)) {
    expect(data).toEqual(expected);
    return;
  }
  expect(data).toBeInstanceOf(Blob);
  expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(
    new Uint8Array(await expected.arrayBuffer()),
  );
}

/** The request's Content-Type and body are the media type's serialization of `body`. */
async function expectBody(
  request: RecordedRequest,
  mediaType: string,
  body: unknown,
): Promise<void> {
  const contentType = request.headers["content-type"] ?? "";
  if (mediaType === "multipart/form-data") {
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request.bytes), {
      headers: { "content-type": contentType },
    }).formData();
    const expected = Object.entries(body as object).filter(([, value]) => value != null);
    expect([...new Set(form.keys())]).toEqual(expected.map(([name]) => name));
    for (const [name, value] of expected) {
      const parts = form.getAll(name);
      const items = [value].flat();
      expect(parts, name).toHaveLength(items.length);
      for (const [i, item] of items.entries()) {
        const part = parts[i];
        if (item instanceof Blob) {
          expect(part).toBeInstanceOf(File);
          expect((part as File).type).toBe(item.type);
          expect(new Uint8Array(await (part as File).arrayBuffer())).toEqual(
            new Uint8Array(await item.arrayBuffer()),
          );
        } else {
          expect(part).toBe(typeof item === "string" ? item : JSON.stringify(item));
        }
      }
    }
    return;
  }
  expect(contentType).toBe(mediaType);
  if (isJsonMediaType(mediaType)) {
    expect(JSON.parse(request.body)).toEqual(body);
  } else if (mediaType === "application/x-www-form-urlencoded") {
    const pairs = Object.entries(body as object).flatMap(([name, value]) =>
      [value].flat().map((item) => [name, typeof item === "string" ? item : JSON.stringify(item)]),
    );
    expect([...new URLSearchParams(request.body)]).toEqual(pairs);
  } else if (body instanceof Blob) {
    expect(new Uint8Array(request.bytes)).toEqual(new Uint8Array(await body.arrayBuffer()));
  } else {
    expect(request.body).toBe(body);
  }
}

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

  it("the credential wins over the client's headers; a call's own headers may replace it", async () => {
    const onezone = createOnezoneClient({
      baseUrl: server.baseUrl,
      auth: { token: TOKEN },
      headers: { "x-auth-token": "from the client's headers" },
    });
    await onezone.listClientTokens();
    await onezone.listClientTokens({ headers: { "X-Auth-Token": "from the call" } });
    expect(server.requests.map((request) => request.headers["x-auth-token"])).toEqual([
      TOKEN,
      "from the call",
    ]);
  });

  it("an empty token is refused when the client is made", () => {
    expect(() => createOnezoneClient({ baseUrl: server.baseUrl, auth: { token: "" } })).toThrow(
      "auth must be a non-empty { token }, { bearer } or { username, password }.",
    );
  });
});

const NOT_AN_ENDPOINT = "Give host (a host name) or baseUrl (an http(s) URL), not ";

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
    [{ host: "user@a.example" }, `${NOT_AN_ENDPOINT}{"host":"user@a.example"}.`],
    [{ host: "a.example\\evil" }, `${NOT_AN_ENDPOINT}{"host":"a.example\\\\evil"}.`],
    [{ host: "a.\texample" }, `${NOT_AN_ENDPOINT}{"host":"a.\\texample"}.`],
    [{ host: "" }, `${NOT_AN_ENDPOINT}{"host":""}.`],
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
