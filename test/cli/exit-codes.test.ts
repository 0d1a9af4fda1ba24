// One exit code per class of failure: usage (2, nothing sent), HTTP 4xx (4), HTTP 5xx (5) and
// network (6), each with one line on stderr and nothing on stdout.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { runCli } from "./run-cli.ts";

const { user, otherUser } = defaultSeedValues;

let fake: FakeOnezone;
const requests: string[] = [];
beforeAll(async () => {
  fake = await startFakeOnezone({ log: (line) => requests.push(line) });
});
afterAll(() => fake.close());

/** A server on 127.0.0.1 that answers every request with `status` and `body`. */
async function answering(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, body ? { "Content-Type": "application/json" } : {}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/onezone`,
    server,
  };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe("usage errors exit 2 before any request", () => {
  const cases: [string, { args: string[]; env?: Record<string, string>; want: string }][] = [
    [
      "unknown operation, with the nearest id",
      {
        args: ["getNamedTokenStats", "id=x"],
        want: 'Unknown operation "getNamedTokenStats"; did you mean getNamedTokenStatus?',
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
      "missing required parameter",
      {
        args: ["getNamedTokenStatus"],
        want: "getNamedTokenStatus needs id=VALUE; see onezone-rest-cli getNamedTokenStatus --help.",
      },
    ],
    [
      "unknown parameter",
      {
        args: ["getNamedTokenStatus", "idd=x"],
        want: 'Unknown parameter "idd" (argument 1 after getNamedTokenStatus); did you mean id=? getNamedTokenStatus takes id=.',
      },
    ],
    [
      "parameter of an operation that takes none",
      {
        args: ["listClientTokens", "id=x"],
        want: 'Unknown parameter "id" (argument 1 after listClientTokens); listClientTokens takes no parameters.',
      },
    ],
    [
      "malformed word",
      {
        args: ["getNamedTokenStatus", "id=x", "oops"],
        want: "The argument 2 after getNamedTokenStatus is neither key=VALUE nor Header:VALUE; see onezone-rest-cli getNamedTokenStatus --help.",
      },
    ],
    [
      "empty key",
      {
        args: ["getNamedTokenStatus", "=x"],
        want: "The argument 1 after getNamedTokenStatus is neither key=VALUE nor Header:VALUE; see onezone-rest-cli getNamedTokenStatus --help.",
      },
    ],
    [
      "path parameter given twice",
      {
        args: ["getNamedTokenStatus", "id=a", "id=b"],
        want: "getNamedTokenStatus got id= twice; give it once.",
      },
    ],
    [
      "empty path parameter",
      {
        args: ["getNamedTokenStatus", "id="],
        want: 'getNamedTokenStatus: Path parameter "id" cannot be "": no URL carries it as one segment.',
      },
    ],
    [
      "header without a value",
      {
        args: ["getNamedTokenStatus", "id=x", "X-Trace:"],
        want: "Header X-Trace (argument 2 after getNamedTokenStatus) has no value.",
      },
    ],
    [
      "unknown option",
      {
        args: ["--frob", "listClientTokens"],
        want: "Unknown option '--frob'; see onezone-rest-cli --help.",
      },
    ],
    [
      "option without its value",
      {
        args: ["listClientTokens", "--host"],
        want: "Option '--host <value>' argument missing; see onezone-rest-cli --help.",
      },
    ],
    [
      "no operation",
      {
        args: [],
        want: "No operation given. Usage: onezone-rest-cli [options] <operationId> [key=value ...] [Header:value ...]; see onezone-rest-cli --help.",
      },
    ],
    [
      "missing host",
      {
        args: ["listClientTokens"],
        env: { ONEZONE_HOST: "" },
        want: "No Onezone host given; pass --host onezone.example.com or set ONEZONE_HOST.",
      },
    ],
    [
      "host that is not a host name",
      {
        args: ["listClientTokens", "--host", "one zone"],
        want: '--host "one zone" is not a host name; give e.g. onezone.example.com, or a URL with its scheme.',
      },
    ],
    [
      "host URL with credentials in it",
      {
        args: ["listClientTokens"],
        env: { ONEZONE_HOST: "https://username:password@onezone.example.com" },
        want: "ONEZONE_HOST must not hold credentials; give them with -u, ONEZONE_BASIC_AUTH or ONEZONE_API_KEY.",
      },
    ],
    [
      "-u without a colon",
      {
        args: ["listClientTokens", "-u", "username"],
        want: "-u must be user:password, with a non-empty user name.",
      },
    ],
    [
      "ONEZONE_BASIC_AUTH without a user",
      {
        args: ["listClientTokens"],
        env: { ONEZONE_BASIC_AUTH: ":password" },
        want: "ONEZONE_BASIC_AUTH must be user:password, with a non-empty user name.",
      },
    ],
    [
      "two credentials on the command line",
      {
        args: [
          "listClientTokens",
          "-u",
          "username:password",
          `X-Auth-Token:${user.temporaryToken}`,
        ],
        want: "Give one credential on the command line: -u, X-Auth-Token: or Authorization:, not several.",
      },
    ],
    [
      "credentials over plain http to another machine",
      {
        args: ["listClientTokens", "--host", "http://onezone.example.com/api/v3/onezone"],
        env: { ONEZONE_API_KEY: user.temporaryToken },
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
  for (const [name, { args, env, want }] of cases) {
    it(name, async () => {
      const before = requests.length;
      const result = await runCli(args, { ONEZONE_HOST: fake.baseUrl, ...env });
      expect(result).toEqual({ code: 2, stdout: "", stderr: `onezone-rest-cli: ${want}\n` });
      expect(requests.length).toBe(before);
    });
  }
});

describe("HTTP errors", () => {
  it("exits 4 on 404 with the Onedata error id and description", async () => {
    const result = await runCli(["getNamedTokenStatus", "id=no-such-token"], {
      ONEZONE_HOST: fake.baseUrl,
      ONEZONE_API_KEY: user.temporaryToken,
    });
    expect(result).toEqual({
      code: 4,
      stdout: "",
      stderr:
        "onezone-rest-cli: getNamedTokenStatus failed with HTTP 404 (notFound: The resource could not be found.)\n",
    });
  });

  it("exits 4 on 403 when another user asks", async () => {
    const result = await runCli(["getTemporaryTokenGenerationOfUser", `id=${user.id}`], {
      ONEZONE_HOST: fake.baseUrl,
      ONEZONE_BASIC_AUTH: `${otherUser.username}:${otherUser.password}`,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      "onezone-rest-cli: getTemporaryTokenGenerationOfUser failed with HTTP 403 (forbidden: You are not authorized to perform this operation.)\n",
    );
  });

  it("exits 4 with the details of a revoked token, after revoking it with the CLI", async () => {
    const own = await startFakeOnezone();
    try {
      const env = { ONEZONE_HOST: own.baseUrl, ONEZONE_API_KEY: user.temporaryToken };
      const revoked = await runCli(["revokeAllTemporaryTokensOfUser", `id=${user.id}`], env);
      expect(revoked).toEqual({ code: 0, stdout: "", stderr: "" });
      const basic = {
        ONEZONE_HOST: own.baseUrl,
        ONEZONE_BASIC_AUTH: `${user.username}:${user.password}`,
      };
      const generation = await runCli(
        ["getTemporaryTokenGenerationOfUser", `id=${user.id}`],
        basic,
      );
      expect(generation.stdout).toBe(`{"generation":${user.generation + 1}}\n`);
      const refused = await runCli(["getTemporaryTokenGenerationOfUser", `id=${user.id}`], env);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toBe(
        'onezone-rest-cli: getTemporaryTokenGenerationOfUser failed with HTTP 401 (unauthorized: Provided authentication is not valid (see details).) details: {"authError":{"id":"tokenRevoked","description":"Provided token has been revoked."}}\n',
      );
      expect(refused.stderr).not.toContain(user.temporaryToken);
    } finally {
      await own.close();
    }
  });

  it("exits 5 on a 500 with a Onedata error", async () => {
    const body = {
      error: {
        id: "internalServerError",
        details: { reference: "0123456789" },
        description: "Server error, reference: 0123456789.",
      },
    };
    const { url, server } = await answering(500, JSON.stringify(body));
    try {
      const result = await runCli(["listClientTokens", "--host", url, "-u", "username:password"]);
      expect(result.code).toBe(5);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(
        'onezone-rest-cli: listClientTokens failed with HTTP 500 (internalServerError: Server error, reference: 0123456789.) details: {"reference":"0123456789"}\n',
      );
    } finally {
      await close(server);
    }
  });

  it("exits 5 on a bare 503 with an empty body", async () => {
    const { url, server } = await answering(503, "");
    try {
      const result = await runCli(["getNamedTokenStatus", "id=x", "--host", url]);
      expect(result).toEqual({
        code: 5,
        stdout: "",
        stderr: "onezone-rest-cli: getNamedTokenStatus failed with HTTP 503 (empty body)\n",
      });
    } finally {
      await close(server);
    }
  });
});

describe("network failures", () => {
  it("exits 6 when nothing listens on the port", async () => {
    const { url, server } = await answering(200, "{}");
    await close(server);
    const result = await runCli(["getNamedTokenStatus", "id=x", "--host", url]);
    const port = new URL(url).port;
    expect(result.code).toBe(6);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^onezone-rest-cli: getNamedTokenStatus .*\n$/);
    expect(result.stderr).toContain(`connect ECONNREFUSED 127.0.0.1:${port}`);
  });
});
