// One exit code per class of failure: usage (2, nothing sent), HTTP 4xx (4), HTTP 5xx (5) and
// network (6), each with one line on stderr and nothing on stdout. On every spec of SPECS, each
// case on an operation of that spec which has what the case needs (a path parameter, a body, ...).
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import { startRecordingServer } from "../helpers/recording-server.ts";
import { useRecordingSetup } from "../helpers/recording-setup.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { validCall } from "./derive.ts";
import { runCli } from "./run-cli.ts";

// The cases below are worked out when the file is collected, with the file part's path.
const setup = useRecordingSetup({
  scratchPrefix: "onezone-rest-cli-exit-codes-",
  reply: { status: 200, body: "{}" },
});
const { file, scratch } = setup;

/** The words for `op` with `replace`'s names given by `replace` instead. */
function callWith(op: CliOperation, replace: string[] = []): string[] {
  const names = replace.map((word) => /^[^=:@]+/.exec(word)?.[0]);
  const kept = validCall(op, file).words.filter((w) => !names.includes(/^[^=:@]+/.exec(w)?.[0]));
  return [op.id, ...kept, ...replace];
}

const BODY_NEEDED =
  "a request body (its fields as name==text or name:=JSON, or - for standard input)";

interface UsageCase {
  args: string[];
  env?: Record<string, string>;
  stdin?: string;
  want: string;
}

describe.each(SPECS)("on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const ops = api.cliOperations;
  const [first] = ops;
  if (!first) throw new Error(`${spec.name} has no operations`);
  const see = (op: CliOperation) => `see onezone-rest-cli ${op.id} --help`;
  const withRequired = ops.find((op) => op.parameters.some((p) => p.required));
  const withPath = ops.find((op) => op.parameters.some((p) => p.in === "path"));
  const pathName = withPath?.parameters.find((p) => p.in === "path")?.name ?? "";
  const withHeader = ops.find((op) => op.parameters.some((p) => p.in === "header"));
  const nonHeader = (op: CliOperation) => op.parameters.filter((p) => p.in !== "header");
  const withKeyed = ops.find((op) => nonHeader(op).length > 0);
  const withoutKeyed = ops.find((op) => nonHeader(op).length === 0);
  const withoutBody = ops.find((op) => op.requestBody === null);
  const requiredBody = ops.find((op) => op.requestBody?.required);
  const jsonBody = ops.find((op) => op.requestBody?.contentTypes[0] === "application/json");
  const fieldsBody = ops.find((op) => op.requestBody?.fields.some((f) => !f.file));
  const fileBody = ops.find((op) => op.requestBody?.fields.some((f) => f.file));
  const enumField = jsonBody?.requestBody?.fields.find(
    (f) => f.enum.length > 0 && !f.name.includes("["),
  );
  const longest = [...ops].sort((a, b) => b.id.length - a.id.length)[0] ?? first;

  const cases: [string, UsageCase][] = [
    [
      "unknown operation, with the nearest id",
      {
        args: [longest.id.slice(0, -1)],
        want: `Unknown operation "${longest.id.slice(0, -1)}"; did you mean ${longest.name}?`,
      },
    ],
    [
      "unknown operation far from every id",
      {
        args: ["frobnicate"],
        want: 'Unknown operation "frobnicate"; see onezone-rest-cli --help for the list',
      },
    ],
    [
      "malformed word",
      {
        args: [...callWith(first), "oops"],
        want: `The argument ${validCall(first, file).words.length + 1} after ${first.id} is neither key=VALUE, Header:VALUE nor a body field (name==text, name:=JSON); ${see(first)}.`,
      },
    ],
    [
      "empty key",
      {
        args: [first.id, "=x"],
        want: `The argument 1 after ${first.id} is neither key=VALUE, Header:VALUE nor a body field (name==text, name:=JSON); ${see(first)}.`,
      },
    ],
    [
      "unknown option",
      { args: ["--frob", first.id], want: "Unknown option '--frob'; see onezone-rest-cli --help." },
    ],
    [
      "option without its value",
      {
        args: [first.id, "--host"],
        want: "Option '--host <value>' argument missing; see onezone-rest-cli --help.",
      },
    ],
    [
      "a two-letter option without its value",
      {
        args: [first.id, "-ct"],
        want: "Option '--content-type <value>' argument missing; see onezone-rest-cli --help.",
      },
    ],
    [
      "no operation",
      {
        args: [],
        want: "No operation given. Usage: onezone-rest-cli [options] <operationId> [key=value ...] [Header:value ...] [name==text ...] [name:=JSON ...] [-]; see onezone-rest-cli --help.",
      },
    ],
    [
      "missing host",
      {
        args: callWith(first),
        env: { ONEZONE_HOST: "" },
        want: "No Onezone host given; pass --host onezone.example.com or set ONEZONE_HOST.",
      },
    ],
    [
      "host that is not a host name",
      {
        args: [...callWith(first), "--host", "one zone"],
        want: '--host "one zone" is not a host name; give e.g. onezone.example.com, or a URL with its scheme.',
      },
    ],
    [
      "host URL with credentials in it",
      {
        args: callWith(first),
        env: { ONEZONE_HOST: "https://username:password@onezone.example.com" },
        want: "ONEZONE_HOST must not hold credentials; give them with -u, ONEZONE_BASIC_AUTH or ONEZONE_API_KEY.",
      },
    ],
    [
      "-u without a colon",
      {
        args: [...callWith(first), "-u", "username"],
        want: "-u must be user:password, with a non-empty user name.",
      },
    ],
    [
      "ONEZONE_BASIC_AUTH without a user",
      {
        args: callWith(first),
        env: { ONEZONE_BASIC_AUTH: ":password" },
        want: "ONEZONE_BASIC_AUTH must be user:password, with a non-empty user name.",
      },
    ],
    [
      "two credentials on the command line",
      {
        args: [...callWith(first), "-u", "username:password", "X-Auth-Token:token"],
        want: "Give one credential on the command line: -u, X-Auth-Token: or Authorization:, not several.",
      },
    ],
    [
      "credentials over plain http to another machine",
      {
        args: [...callWith(first), "--host", "http://onezone.example.com/api/v3/onezone"],
        env: { ONEZONE_API_KEY: "token" },
        want: "Credentials go over https only (or to loopback), not to onezone.example.com; --allow-insecure-http allows it.",
      },
    ],
    [
      "completion without a shell",
      {
        args: ["completion", "fish"],
        want: "completion needs a shell, bash or zsh: e.g. source <(onezone-rest-cli completion bash).",
      },
    ],
  ];
  if (withRequired) {
    const forms = withRequired.parameters
      .filter((p) => p.required)
      .map((p) => (p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`));
    const body = withRequired.requestBody?.required ? ` and ${BODY_NEEDED}` : "";
    cases.push([
      "missing required parameter",
      {
        args: [withRequired.id],
        want: `${withRequired.id} needs ${forms.join(" ")}${body}; ${see(withRequired)}.`,
      },
    ]);
  }
  if (withKeyed) {
    const names = nonHeader(withKeyed).map((p) => p.name);
    cases.push([
      "unknown parameter",
      {
        args: [withKeyed.id, `${names[0]}x=1`],
        want: `Unknown parameter "${names[0]}x" (argument 1 after ${withKeyed.id}); did you mean ${names[0]}=? ${withKeyed.id} takes ${names.map((n) => `${n}=`).join(" ")}.`,
      },
    ]);
  }
  if (withoutKeyed) {
    cases.push([
      "parameter of an operation that takes none",
      {
        args: [withoutKeyed.id, "zz=x"],
        want: `Unknown parameter "zz" (argument 1 after ${withoutKeyed.id}); ${withoutKeyed.id} takes no parameters.`,
      },
    ]);
  }
  if (withPath) {
    cases.push(
      [
        "path parameter given twice",
        {
          args: [...callWith(withPath, [`${pathName}=a`]), `${pathName}=b`],
          want: `${withPath.id} got ${pathName}= twice; give it once.`,
        },
      ],
      [
        "empty path parameter",
        {
          args: callWith(withPath, [`${pathName}=`]),
          want: `${withPath.id}: Path parameter "${pathName}" cannot be "": no URL carries it as one segment.`,
        },
      ],
    );
  }
  if (withHeader) {
    const header = withHeader.parameters.find((p) => p.in === "header")?.name ?? "";
    cases.push([
      "header parameter given as key=VALUE",
      {
        args: [withHeader.id, `${header}=x`],
        want: `${header} is a header of ${withHeader.id}; give it as ${header}:VALUE.`,
      },
    ]);
  }
  cases.push([
    "header without a value",
    {
      args: [...callWith(first), "X-Trace:"],
      want: `Header X-Trace (argument ${validCall(first, file).words.length + 1} after ${first.id}) has no value.`,
    },
  ]);
  if (withoutBody) {
    cases.push([
      "a body for an operation that takes none",
      {
        args: [...callWith(withoutBody), "name==x"],
        want: `${withoutBody.id} takes no request body; ${see(withoutBody)}.`,
      },
    ]);
  }
  if (requiredBody) {
    const words = validCall({ ...requiredBody, requestBody: null }, file).words;
    cases.push([
      "a required body left out",
      {
        args: [requiredBody.id, ...words],
        want: `${requiredBody.id} needs ${BODY_NEEDED}; ${see(requiredBody)}.`,
      },
    ]);
  }
  if (jsonBody) {
    const { words } = validCall({ ...jsonBody, requestBody: null }, file);
    const field = jsonBody.requestBody?.fields[0]?.name ?? "x";
    cases.push(
      [
        "a body field whose value is not JSON",
        {
          args: [jsonBody.id, ...words, `${field}:={not json`],
          want: `The value of ${field}:= (argument ${words.length + 1} after ${jsonBody.id}) is not JSON; quote it for the shell (e.g. 'flags:=["a","b"]'), or give a string as ${field}==text.`,
        },
      ],
      [
        "a body on standard input that is not JSON",
        {
          args: [jsonBody.id, ...words, "-"],
          stdin: '{"secret": "do not show',
          want: `The body on standard input is not JSON, which ${jsonBody.id} takes as application/json.`,
        },
      ],
      [
        "a media type the operation does not take",
        {
          args: ["-ct", "xml", ...callWith(jsonBody)],
          want: `${jsonBody.id} takes its body as ${jsonBody.requestBody?.contentTypes.join(" or ")}, not application/xml; --force sends it anyway.`,
        },
      ],
    );
  }
  if (fieldsBody) {
    const { words } = validCall({ ...fieldsBody, requestBody: null }, file);
    const names = (fieldsBody.requestBody?.fields ?? [])
      .filter((f) => !f.name.includes("[]"))
      .map((f) => f.name);
    cases.push([
      "an unknown body field",
      {
        args: [fieldsBody.id, ...words, "zzzzzzzz==x"],
        want: `Unknown body field "zzzzzzzz" (argument ${words.length + 1} after ${fieldsBody.id}); ${fieldsBody.id}'s body has ${names.join(", ")}.`,
      },
    ]);
  }
  if (fileBody) {
    const field = fileBody.requestBody?.fields.find((f) => f.file)?.name ?? "";
    const missing = path.join(scratch, "no-such-file");
    const words = callWith(fileBody, [`${field}@${missing}`]);
    cases.push([
      "a file part whose file does not exist",
      {
        args: words,
        want: `${field}@${missing}: there is no file ${missing}.`,
      },
    ]);
  }
  if (jsonBody && enumField) {
    cases.push([
      "a body that does not match the spec",
      {
        args: callWith(jsonBody, [`${enumField.name}==not-one-of-them`]),
        want: `${jsonBody.id}: the request body does not match the spec: /${enumField.name.replaceAll(".", "/")} must be one of ${enumField.enum.map((v) => JSON.stringify(v)).join(", ")} (given "not-one-of-them"). --force sends it anyway.`,
      },
    ]);
  }

  describe("usage errors exit 2 before any request", () => {
    for (const [name, { args, env, stdin, want }] of cases) {
      it(name, async () => {
        const result = await runCli(
          args,
          { ONEZONE_HOST: setup.server.baseUrl, ...env },
          {
            generated: api.dir,
            stdin: stdin ?? validCall(ops.find((op) => op.id === args[0]) ?? first, file).stdin,
          },
        );
        const stderr = result.stderr.replace(/^.*warning: .* is deprecated.*\n/m, "");
        expect({ ...result, stderr }).toEqual({
          code: 2,
          stdout: "",
          stderr: `onezone-rest-cli: ${want}\n`,
        });
        expect(setup.server.requests).toHaveLength(0);
      });
    }
  });

  if (jsonBody && enumField)
    it("--force sends a body that does not match, with a warning", async () => {
      const op = jsonBody;
      const args = [...callWith(op, [`${enumField.name}==not-one-of-them`]), "--force"];
      const result = await runCli(
        args,
        { ONEZONE_HOST: setup.server.baseUrl },
        { generated: api.dir },
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(
        `onezone-rest-cli: warning: ${op.id}: the request body does not match the spec:`,
      );
      expect(result.stderr).toContain("sent anyway (--force).");
      expect(setup.server.requests).toHaveLength(1);
      expect(setup.server.requests[0]?.body).toContain("not-one-of-them");
    });

  describe("HTTP errors", () => {
    const call = validCall(first, file);
    const fail = async (status: number, body: string) => {
      setup.server.reply({ status, body, ...(body ? {} : { contentType: undefined }) });
      const result = await runCli(
        [first.id, ...call.words],
        { ONEZONE_HOST: setup.server.baseUrl, ONEZONE_API_KEY: "token" },
        {
          generated: api.dir,
          stdin: call.stdin,
        },
      );
      return { ...result, stderr: result.stderr.replace(/^.*warning: .* is deprecated.*\n/m, "") };
    };
    const error = (id: string, description: string, details?: object) =>
      JSON.stringify({ error: { id, description, ...(details ? { details } : {}) } });

    it("exits 4 on 404 with the Onedata error id and description", async () => {
      expect(await fail(404, error("notFound", "The resource could not be found."))).toEqual({
        code: 4,
        stdout: "",
        stderr: `onezone-rest-cli: ${first.id} failed with HTTP 404 (notFound: The resource could not be found.)\n`,
      });
    });

    it("exits 4 on 401 with the details, never the credential", async () => {
      const details = {
        authError: { id: "tokenRevoked", description: "Provided token has been revoked." },
      };
      const result = await fail(
        401,
        error("unauthorized", "Provided authentication is not valid (see details).", details),
      );
      expect(result.code).toBe(4);
      expect(result.stderr).toBe(
        `onezone-rest-cli: ${first.id} failed with HTTP 401 (unauthorized: Provided authentication is not valid (see details).) details: ${JSON.stringify(details)}\n`,
      );
      expect(result.stderr).not.toContain("token\n");
    });

    it("exits 5 on a 500 with a Onedata error", async () => {
      const result = await fail(
        500,
        error("internalServerError", "Server error, reference: 0123456789.", {
          reference: "0123456789",
        }),
      );
      expect(result).toEqual({
        code: 5,
        stdout: "",
        stderr: `onezone-rest-cli: ${first.id} failed with HTTP 500 (internalServerError: Server error, reference: 0123456789.) details: {"reference":"0123456789"}\n`,
      });
    });

    it("exits 5 on a bare 503 with an empty body", async () => {
      expect(await fail(503, "")).toEqual({
        code: 5,
        stdout: "",
        stderr: `onezone-rest-cli: ${first.id} failed with HTTP 503 (empty body)\n`,
      });
    });
  });

  it("exits 6 when nothing listens on the port", async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const call = validCall(first, file);
    const result = await runCli(
      [first.id, ...call.words, "--host", closed.baseUrl],
      {},
      {
        generated: api.dir,
        stdin: call.stdin,
      },
    );
    expect(result.code).toBe(6);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`onezone-rest-cli: ${first.id} `);
    expect(result.stderr).toContain(
      `connect ECONNREFUSED 127.0.0.1:${new URL(closed.baseUrl).port}`,
    );
  });
});
