// Where the host and the credential come from (flags beat the environment), and that no
// credential is ever printed, not even with --verbose or --dry-run.
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { type CliResult, leakedSecrets, runCli } from "./run-cli.ts";

const { user, otherUser } = defaultSeedValues;
const SECRETS = {
  "user's password": `:${user.password}`,
  "alice's password": otherUser.password,
  "user's temporary token": user.temporaryToken,
  "alice's temporary token": otherUser.temporaryToken,
  "user's basic header": btoa(`${user.username}:${user.password}`),
  "alice's basic header": btoa(`${otherUser.username}:${otherUser.password}`),
};
const USER_BASIC = `${user.username}:${user.password}`;
const ALICE_BASIC = `${otherUser.username}:${otherUser.password}`;
/** What listClientTokens prints for each caller: their own named tokens. */
const USERS_TOKENS = `{"tokens":["${user.namedToken}"]}\n`;
/** Sorted by token name, revoked ones included: alice's "laptop" comes after her "old" one. */
const ALICES_TOKENS = `{"tokens":["${otherUser.revokedNamedToken}","${otherUser.namedToken}"]}\n`;

let fake: FakeOnezone;
const requests: string[] = [];
beforeAll(async () => {
  fake = await startFakeOnezone({ log: (line) => requests.push(line) });
});
afterAll(() => fake.close());

function expectNoLeak(result: CliResult): void {
  expect(leakedSecrets(result, SECRETS)).toEqual([]);
}

describe("precedence: the command line beats the environment", () => {
  const cases: [string, { args: string[]; env: Record<string, string>; want: string }][] = [
    [
      "-u over ONEZONE_BASIC_AUTH",
      { args: ["-u", USER_BASIC], env: { ONEZONE_BASIC_AUTH: ALICE_BASIC }, want: USERS_TOKENS },
    ],
    [
      "ONEZONE_BASIC_AUTH alone",
      { args: [], env: { ONEZONE_BASIC_AUTH: ALICE_BASIC }, want: ALICES_TOKENS },
    ],
    [
      "an X-Auth-Token: header over ONEZONE_API_KEY",
      {
        args: [`X-Auth-Token:${user.temporaryToken}`],
        env: { ONEZONE_API_KEY: otherUser.temporaryToken },
        want: USERS_TOKENS,
      },
    ],
    [
      "ONEZONE_API_KEY alone, sent as X-Auth-Token",
      { args: [], env: { ONEZONE_API_KEY: otherUser.temporaryToken }, want: ALICES_TOKENS },
    ],
    [
      "-u over ONEZONE_API_KEY",
      {
        args: ["-u", USER_BASIC],
        env: { ONEZONE_API_KEY: otherUser.temporaryToken },
        want: USERS_TOKENS,
      },
    ],
    [
      "ONEZONE_API_KEY over ONEZONE_BASIC_AUTH, as Onezone prefers tokens",
      {
        args: [],
        env: { ONEZONE_API_KEY: otherUser.temporaryToken, ONEZONE_BASIC_AUTH: USER_BASIC },
        want: ALICES_TOKENS,
      },
    ],
    [
      "an Authorization: Bearer header over ONEZONE_API_KEY",
      {
        args: [`Authorization: Bearer ${user.temporaryToken}`],
        env: { ONEZONE_API_KEY: otherUser.temporaryToken },
        want: USERS_TOKENS,
      },
    ],
  ];
  for (const [name, { args, env, want }] of cases) {
    it(`${name} (with --verbose, masked)`, async () => {
      const result = await runCli(["listClientTokens", "--verbose", ...args], {
        ONEZONE_HOST: fake.baseUrl,
        ...env,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(want);
      expect(result.stderr).toMatch(
        /^> GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/onezone\/user\/client_tokens$/m,
      );
      expect(result.stderr).toMatch(
        /^> (X-Auth-Token: \*\*\*|Authorization: (Basic|Bearer) \*\*\*)$/m,
      );
      expect(result.stderr).toMatch(/^< 200 OK$/m);
      expectNoLeak(result);
    });
  }

  it("--host over ONEZONE_HOST", async () => {
    const result = await runCli(["listClientTokens", "--host", fake.baseUrl], {
      ONEZONE_HOST: "http://127.0.0.1:9/nowhere",
      ONEZONE_BASIC_AUTH: USER_BASIC,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(USERS_TOKENS);
  });

  it("a bare host name means https://<host>/api/v3/onezone", async () => {
    const result = await runCli([
      "--dry-run",
      "listClientTokens",
      "--host",
      "onezone.example.com:8443",
    ]);
    expect(result.stdout).toBe(
      "curl -X GET https://onezone.example.com:8443/api/v3/onezone/user/client_tokens\n",
    );
  });

  it("--allow-insecure-http lets credentials go over plain http to another machine", async () => {
    const host = "http://onezone.example.com/api/v3/onezone";
    const result = await runCli(
      ["--dry-run", "--allow-insecure-http", "listClientTokens", "--host", host],
      {
        ONEZONE_API_KEY: user.temporaryToken,
      },
    );
    expect(result.stdout).toBe(`curl -X GET ${host}/user/client_tokens -H 'X-Auth-Token: ***'\n`);
  });
});

describe("--dry-run", () => {
  const dryRuns: [string, { args: string[]; env: Record<string, string>; want: string }][] = [
    [
      "-u user:pass becomes -u user:***",
      {
        args: ["getNamedTokenStatus", `id=${user.namedTokenId}`, "-u", USER_BASIC],
        env: {},
        want: `curl -u 'username:***' -X GET ${"BASE"}/tokens/named/${user.namedTokenId}/status`,
      },
    ],
    [
      "ONEZONE_API_KEY becomes X-Auth-Token: ***",
      {
        args: ["getTemporaryTokenGenerationOfUser", `id=${user.id}`],
        env: { ONEZONE_API_KEY: user.temporaryToken },
        want: `curl -X GET BASE/users/${user.id}/tokens/temporary -H 'X-Auth-Token: ***'`,
      },
    ],
    [
      "a bearer header keeps its scheme only; other headers pass",
      {
        args: [
          "revokeAllTemporaryTokensOfUser",
          `id=${user.id}`,
          `Authorization:Bearer ${user.temporaryToken}`,
          "X-Trace:a b",
        ],
        env: {},
        want: `curl -X DELETE BASE/users/${user.id}/tokens/temporary -H 'Authorization: Bearer ***' -H 'X-Trace: a b'`,
      },
    ],
    [
      "path values are percent-encoded as the client sends them",
      {
        args: ["getNamedTokenStatus", "id=a b/c?d"],
        env: { ONEZONE_BASIC_AUTH: ALICE_BASIC },
        want: "curl -u 'alice:***' -X GET BASE/tokens/named/a%20b%2Fc%3Fd/status",
      },
    ],
  ];
  for (const [name, { args, env, want }] of dryRuns) {
    it(`${name}, and sends nothing`, async () => {
      const before = requests.length;
      const result = await runCli(["--dry-run", ...args], { ONEZONE_HOST: fake.baseUrl, ...env });
      expect(result).toEqual({
        code: 0,
        stdout: `${want.replace("BASE", fake.baseUrl)}\n`,
        stderr: "",
      });
      expect(requests.length).toBe(before);
      expectNoLeak(result);
    });
  }

  it("prints a command that, with the secret put back, gets what the CLI gets", async () => {
    const args = ["getTemporaryTokenGenerationOfUser", `id=${user.id}`, "-u", USER_BASIC];
    const env = { ONEZONE_HOST: fake.baseUrl };
    const dry = await runCli(["--dry-run", ...args], env);
    const command = dry.stdout.trim().replace("***", user.password);
    const curl = await new Promise<string>((resolve, reject) =>
      execFile("bash", ["-c", `${command} --silent --show-error`], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    const real = await runCli(args, env);
    expect(real.stdout).toBe(`${curl}\n`);
    expect(JSON.parse(curl)).toEqual({ generation: user.generation });
  });

  it("warns about a deprecated operation on stderr", async () => {
    const result = await runCli(["--dry-run", "listClientTokens"], { ONEZONE_HOST: fake.baseUrl });
    expect(result.stderr).toBe(
      "onezone-rest-cli: warning: listClientTokens is deprecated and may be removed from Onezone.\n",
    );
    expect(result.stdout).toBe(`curl -X GET ${fake.baseUrl}/user/client_tokens\n`);
  });
});
