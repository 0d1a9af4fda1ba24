// --dry-run works the request out without fetch; these prove it is the request the client really
// sends: same method, same bytes of request target, same headers, for awkward values, both in
// process (query and cookie parameters included) and through the CLI process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveConnection } from "../../src/cli/connection.ts";
import { curlCommand } from "../../src/cli/curl.ts";
import { plannedRequest } from "../../src/cli/dry-run.ts";
import type { CliCommand } from "../../src/cli/operations.ts";
import { planRequest } from "../../src/cli/request.ts";
import { connect } from "../../src/cli/send.ts";
import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from "../helpers/recording-server.ts";
import { runCli } from "./run-cli.ts";

/** Headers fetch adds by itself when the request has none of that name; curl adds its own. */
const FETCH_OWN = [
  "host",
  "connection",
  "accept",
  "accept-language",
  "sec-fetch-mode",
  "user-agent",
  "accept-encoding",
];

/** Awkward values for a path segment or a query value: separators, escapes, unicode. */
const AWKWARD = [
  "a b",
  "é",
  "zoë 😀",
  "a/b",
  "a?b#c",
  "&=+;,:@$!'()*",
  "[x]{y}|^`\\",
  "%2F and 100%",
  "~._-",
  "\u00a0nbsp",
];

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ status: 200, body: '{"revoked":false}' });
});

/** The one request the server got, as the headers a dry run would show (fetch's own left out). */
function received(): RecordedRequest & { shown: [string, string][] } {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0] as RecordedRequest;
  return { ...request, shown: Object.entries(request.headers) as [string, string][] };
}

function expectSameRequest(dry: {
  method: string;
  url: string;
  headers: Iterable<[string, string]>;
}) {
  const got = received();
  const origin = new URL(server.baseUrl).origin;
  expect(dry.method).toBe(got.method);
  expect(dry.url).toBe(`${origin}${got.target}`);
  const shown = [...dry.headers];
  expect(shown.map(([name]) => name)).toEqual([...new Set(shown.map(([name]) => name))].sort());
  for (const [name, value] of shown) expect(got.headers[name], name).toBe(value);
  const extra = got.shown.filter(([name]) => !shown.some(([n]) => n === name)).map(([n]) => n);
  expect(extra.filter((name) => !FETCH_OWN.includes(name))).toEqual([]);
}

describe("in process: plannedRequest is what the client sends", () => {
  const op: CliCommand = {
    id: "getFile",
    name: "getFile",
    method: "get",
    path: "/spaces/{spaceId}/files/{fileId}",
    pathParameters: true,
    summary: "",
    description: "",
    tags: [],
    deprecated: false,
    parameters: [
      { name: "spaceId", in: "path", required: true, description: "" },
      { name: "fileId", in: "path", required: true, description: "" },
      { name: "q", in: "query", required: false, description: "" },
      { name: "tag", in: "query", required: false, description: "" },
      { name: "session", in: "cookie", required: false, description: "" },
    ],
    requestBody: null,
    responses: [],
    codeSamples: [],
  };

  const credentials: [
    string,
    { args: { user?: string }; env: Record<string, string>; words: string[] },
  ][] = [
    ["no credential", { args: {}, env: {}, words: [] }],
    [
      "a token with surrounding whitespace",
      { args: {}, env: { ONEZONE_API_KEY: " tok en\t\n" }, words: [] },
    ],
    ["basic with a UTF-8 user name", { args: { user: "zoë:pä ss:w" }, env: {}, words: [] }],
    ["a bearer header", { args: {}, env: {}, words: ["Authorization: Bearer abc.def"] }],
    [
      "a header that is not a credential scheme",
      { args: {}, env: {}, words: ["Authorization:Digest x"] },
    ],
  ];

  for (const value of AWKWARD) {
    for (const [name, { args, env, words }] of credentials) {
      it(`${JSON.stringify(value)} in path, query and headers, ${name}`, async () => {
        // A header carries Latin-1 at most; the CLI refuses more (tested below).
        const inHeader = /[^\0-\xff]/.test(value) ? "zoë" : value;
        const plan = planRequest(op, [
          `spaceId=${value}`,
          `fileId=x${value}`,
          `q=${value}`,
          "tag=one",
          `tag=${value}`,
          `session= ${inHeader} `,
          "X-Trace:a b",
          `x-trace: ${inHeader}`,
          "Accept:application/json",
          ...words,
        ]);
        const invocation = { host: server.baseUrl, user: args.user, allowInsecureHttp: false };
        const connection = resolveConnection(invocation, env, plan.headers);
        const dry = plannedRequest(op, plan, connection);
        const client = connect(connection, undefined);
        await client.raw.request(
          op.method as "get",
          op.path as never,
          {
            params: { path: plan.path, query: plan.query },
            headers: new Headers(connection.headers),
          } as never,
        );
        expectSameRequest(dry);
      });
    }
  }
});

describe("through the CLI process: --dry-run prints the request the CLI sends", () => {
  const env = () => ({ ONEZONE_HOST: server.baseUrl, ONEZONE_API_KEY: "key" });

  for (const value of AWKWARD) {
    it(`getNamedTokenStatus id=${JSON.stringify(value)} with headers`, async () => {
      const args = ["getNamedTokenStatus", `id=${value}`, "X-Trace:a", "x-trace:b", "Accept:*/*"];
      const dry = await runCli(["--dry-run", ...args], env());
      expect(dry.stderr).toBe("");
      expect(server.requests).toHaveLength(0);
      const sent = await runCli(args, env());
      expect(sent.code).toBe(0);
      const got = received();
      const request = {
        method: got.method,
        url: `${new URL(server.baseUrl).origin}${got.target}`,
        headers: got.shown
          .filter(([name]) => name === "accept" || !FETCH_OWN.includes(name))
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      };
      expect(dry.stdout).toBe(`${curlCommand(request)}\n`);
    });
  }

  it("with -u and --verbose: the same request lines on stderr, the same curl command", async () => {
    const args = ["revokeAllTemporaryTokensOfUser", "id=u 1", "-u", "zoë:secret", "--verbose"];
    server.reply({ status: 204 });
    const dry = await runCli(["--dry-run", ...args], { ONEZONE_HOST: server.baseUrl });
    const sent = await runCli(args, { ONEZONE_HOST: server.baseUrl });
    expect(sent.code).toBe(0);
    expect(dry.stdout).toBe(
      `curl -u 'zoë:***' -X DELETE ${server.baseUrl}/users/u%201/tokens/temporary\n`,
    );
    const requestLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("> "));
    expect(requestLines(dry.stderr)).toEqual(requestLines(sent.stderr));
    expect(requestLines(dry.stderr)).toContain("> Authorization: Basic ***");
    expect(received().headers.authorization).toBe(`Basic ${btoa("zo\u00c3\u00ab:secret")}`);
  });

  const refusals: [string, string[], Record<string, string>][] = [
    ["a dot-dot path value", ["getNamedTokenStatus", "id=.."], {}],
    ["an empty path value", ["getNamedTokenStatus", "id="], {}],
    [
      "credentials over plain http",
      ["listClientTokens", "--host", "http://example.com"],
      { ONEZONE_API_KEY: "k" },
    ],
    ["a line break in ONEZONE_API_KEY", ["listClientTokens"], { ONEZONE_API_KEY: "se\ncret" }],
    ["a header value above U+00FF", ["listClientTokens", "X-Name:€uro"], {}],
  ];
  for (const [name, args, extraEnv] of refusals) {
    it(`refuses ${name} with the same usage error, sending nothing`, async () => {
      const environment = { ONEZONE_HOST: server.baseUrl, ...extraEnv };
      const dry = await runCli(["--dry-run", ...args], environment);
      const sent = await runCli(args, environment);
      expect(dry.code).toBe(2);
      expect(dry.stdout).toBe("");
      expect(sent).toEqual(dry);
      expect(dry.stderr).not.toContain("cret");
      expect(server.requests).toHaveLength(0);
    });
  }
});
