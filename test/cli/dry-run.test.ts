// --dry-run works the request out without fetch; these prove it is the request the client really
// sends: same method, same bytes of request target, same headers, same body, for awkward values
// and for every operation of every spec of SPECS, both in process and through the CLI process
// (where the printed curl command, run against the same server, sends what the CLI sends).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import { resolveConnection } from "../../src/cli/connection.ts";
import type { ShownRequest } from "../../src/cli/curl.ts";
import { plannedRequest } from "../../src/cli/dry-run.ts";
import type { CliCommand } from "../../src/cli/operations.ts";
import { planRequest } from "../../src/cli/request.ts";
import { connect, send } from "../../src/cli/send.ts";
import type { RecordedRequest } from "../helpers/recording-server.ts";
import { useRecordingSetup } from "../helpers/recording-setup.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { validCall } from "./derive.ts";
import { CLIENT_OWN, requestShape } from "./request-shape.ts";
import { type CliResult, runCli } from "./run-cli.ts";

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

const setup = useRecordingSetup({
  scratchPrefix: "onezone-rest-cli-dry-run-",
  partName: "part one.txt",
  reply: { status: 200, body: '{"revoked":false}' },
});
const { file } = setup;

/** The one request the server got. */
function received(): RecordedRequest {
  expect(setup.server.requests).toHaveLength(1);
  return setup.server.requests[0] as RecordedRequest;
}

function expectSameRequest(dry: ShownRequest) {
  const got = received();
  const origin = new URL(setup.server.baseUrl).origin;
  expect(dry.method).toBe(got.method);
  expect(dry.url).toBe(`${origin}${got.target}`);
  const shown = [...dry.headers];
  expect(shown.map(([name]) => name)).toEqual([...new Set(shown.map(([name]) => name))].sort());
  for (const [name, value] of shown) expect(got.headers[name], name).toBe(value);
  const extra = Object.keys(got.headers).filter((name) => !shown.some(([n]) => n === name));
  // A multipart body's Content-Type is FormData's own, with its boundary (curl's -F sets its own).
  const own = dry.body?.kind === "parts" ? [...CLIENT_OWN, "content-type"] : CLIENT_OWN;
  expect(extra.filter((name) => !own.includes(name))).toEqual([]);
  if (dry.body === undefined) expect(got.body).toBe("");
  else if (dry.body.kind === "text") expect(got.body).toBe(dry.body.text);
  else if (dry.body.kind === "parts") {
    for (const part of dry.body.parts) {
      const content = "file" in part ? readFileSync(part.file, "utf8") : part.value;
      expect(got.body).toContain(`name="${part.name}"`);
      expect(got.body).toContain(`\r\n\r\n${content}\r\n`);
      if ("file" in part) expect(got.body).toContain(`Content-Type: ${part.type}`);
    }
  }
}

/** The plan's request, sent by the client to the recording server. */
async function sendPlanned(
  op: CliCommand,
  words: string[],
  env: Record<string, string>,
  options: { user?: string; stdin?: string } = {},
) {
  const plan = planRequest(op, words, {
    stdin: options.stdin === undefined ? undefined : new TextEncoder().encode(options.stdin),
  });
  const invocation = { host: setup.server.baseUrl, user: options.user, allowInsecureHttp: false };
  const connection = resolveConnection(invocation, env, plan.headers);
  const dry = plannedRequest(op, plan, connection);
  const index = {
    [op.name]: {
      method: op.method,
      path: op.path,
      pathParameters: op.pathParameters,
      ...(op.body ? { body: op.body } : {}),
    },
  };
  await send(connect(connection, undefined, index), op, plan, connection.headers);
  return dry;
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
        const dry = await sendPlanned(
          op,
          [
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
          ],
          env,
          args,
        );
        expectSameRequest(dry);
      });
    }
  }
});

describe.each(SPECS)("on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const command = (name: string): CliCommand => {
    const op = api.cliOperations.find((o) => o.name === name);
    return { ...op, ...api.operationIndex[name] } as CliCommand;
  };
  const env = () => ({ ONEZONE_HOST: setup.server.baseUrl, ONEZONE_API_KEY: "key" });

  describe("in process: every operation's request, body included", () => {
    for (const op of api.cliOperations) {
      it(op.id, async () => {
        const call = validCall(op, file);
        const dry = await sendPlanned(
          command(op.name),
          call.words,
          { ONEZONE_API_KEY: "key" },
          { stdin: call.stdin },
        );
        expect(dry.body !== undefined).toBe(op.requestBody?.example !== undefined);
        expectSameRequest(dry);
      });
    }
  });

  describe("through the CLI process: the printed curl command sends what the CLI sends", () => {
    for (const op of api.cliOperations) {
      it(op.id, async () => {
        const call = validCall(op, file);
        const dry = await runCli(["--dry-run", op.id, ...call.words], env(), {
          generated: api.dir,
          stdin: call.stdin,
        });
        expect(dry.code, dry.stderr).toBe(0);
        expect(setup.server.requests).toHaveLength(0);
        const curl = await runInBash(dry.stdout, call.stdin);
        expect(curl.code, curl.stderr).toBe(0);
        const sent = await runCli([op.id, ...call.words], env(), {
          generated: api.dir,
          stdin: call.stdin,
        });
        expect(sent.code, sent.stderr).toBe(0);
        expect(setup.server.requests).toHaveLength(2);
        const [byCurl, byCli] = setup.server.requests as [RecordedRequest, RecordedRequest];
        const fields = op.requestBody?.fields ?? [];
        expect(requestShape(byCurl, fields)).toEqual(requestShape(byCli, fields));
      });
    }
  });

  const withPath = api.cliOperations.find((op) => op.parameters.some((p) => p.in === "path"));
  const pathParameter = withPath?.parameters.find((p) => p.in === "path")?.name ?? "";
  if (withPath)
    describe("awkward path values, through the CLI process", () => {
      for (const value of AWKWARD) {
        it(`${withPath.id} ${pathParameter}=${JSON.stringify(value)}, with headers`, async () => {
          const op = withPath;
          const words = [
            ...validCall(op, file).words.filter((w) => !w.startsWith(`${pathParameter}=`)),
            `${pathParameter}=${value}`,
            "X-Trace:a",
            "x-trace:b",
            "Accept:*/*",
          ];
          const stdin = validCall(op, file).stdin;
          const dry = await runCli(["--dry-run", op.id, ...words], env(), {
            generated: api.dir,
            stdin,
          });
          expect(dry.stderr).toBe("");
          const curl = await runInBash(dry.stdout, stdin);
          expect(curl.code, curl.stderr).toBe(0);
          const sent = await runCli([op.id, ...words], env(), { generated: api.dir, stdin });
          expect(sent.code, sent.stderr).toBe(0);
          const [byCurl, byCli] = setup.server.requests as [RecordedRequest, RecordedRequest];
          const fields = op.requestBody?.fields ?? [];
          expect(requestShape(byCurl, fields)).toEqual(requestShape(byCli, fields));
          expect(byCli.target).toContain(`/${encodeURIComponent(value)}`);
        });
      }
    });

  it("with -u and --verbose: the same request lines on stderr as when sent", async () => {
    const [op] = api.cliOperations;
    if (!op) throw new Error("the spec has no operations");
    const call = validCall(op, file);
    const args = [op.id, ...call.words, "-u", "zoë:secret", "--verbose"];
    const options = { generated: api.dir, stdin: call.stdin };
    const dry = await runCli(
      ["--dry-run", ...args],
      { ONEZONE_HOST: setup.server.baseUrl },
      options,
    );
    const sent = await runCli(args, { ONEZONE_HOST: setup.server.baseUrl }, options);
    expect(sent.code, sent.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^curl -u 'zoë:\*\*\*' -X /);
    const requestLines = (stderr: string) =>
      stderr.split("\n").filter((l) => l.startsWith("> ") && !/^> Content-Type: multipart/.test(l));
    expect(requestLines(dry.stderr)).toEqual(requestLines(sent.stderr));
    expect(requestLines(dry.stderr)).toContain("> Authorization: Basic ***");
    expect(received().headers.authorization).toBe(`Basic ${btoa("zo\u00c3\u00ab:secret")}`);
    expect(dry.stdout + dry.stderr + sent.stderr).not.toContain("secret");
  });

  const [first] = api.cliOperations;
  const refusals: [string, { op: CliOperation; words: string[]; env: Record<string, string> }][] =
    [];
  if (first) {
    refusals.push(
      [
        "credentials over plain http",
        { op: first, words: ["--host", "http://example.com"], env: { ONEZONE_API_KEY: "k" } },
      ],
      [
        "a line break in ONEZONE_API_KEY",
        { op: first, words: [], env: { ONEZONE_API_KEY: "se\ncret" } },
      ],
      ["a header value above U+00FF", { op: first, words: ["X-Name:€uro"], env: {} }],
    );
  }
  if (withPath) {
    refusals.push(
      ["a dot-dot path value", { op: withPath, words: [`${pathParameter}=..`], env: {} }],
      ["an empty path value", { op: withPath, words: [`${pathParameter}=`], env: {} }],
    );
  }
  for (const [name, { op, words, env: extraEnv }] of refusals) {
    it(`refuses ${name} with the same usage error, sending nothing`, async () => {
      const call = validCall(op, file);
      const replaced = words.map((w) => w.split("=")[0]).filter((w) => w !== undefined);
      const args = [
        op.id,
        ...call.words.filter((w) => !replaced.includes(w.split("=")[0] ?? "")),
        ...words,
      ];
      const environment = { ONEZONE_HOST: setup.server.baseUrl, ...extraEnv };
      const options = { generated: api.dir, stdin: call.stdin };
      const dry = await runCli(["--dry-run", ...args], environment, options);
      const sent = await runCli(args, environment, options);
      expect(dry.code).toBe(2);
      expect(dry.stdout).toBe("");
      expect(sent).toEqual(dry);
      expect(dry.stderr).not.toContain("cret");
      expect(setup.server.requests).toHaveLength(0);
    });
  }
});

/** Runs a printed command in bash, with the given standard input. */
function runInBash(command: string, stdin: string | undefined): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      "bash",
      ["-c", `${command.trim()} --silent --show-error`],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}
