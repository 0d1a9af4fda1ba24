// Sweeps every place a credential could leak for each seeded credential: error messages,
// toString(), JSON.stringify(error), stacks, CLI stderr, CLI --dry-run output, the fake's log;
// and, for every body field a spec of SPECS marks secret, the CLI's --verbose, --dry-run and errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OnezoneAuth } from "../../src/auth.ts";
import { createOnezoneClient } from "../../src/client.ts";
import {
  defaultSeed,
  defaultSeedValues,
  type FakeOnezone,
  startFakeOnezone,
} from "../../src/fake/index.ts";
import { validCall } from "../cli/derive.ts";
import { runCli } from "../cli/run-cli.ts";
import { useRecordingSetup } from "../helpers/recording-setup.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";

const { user, otherUser, admin } = defaultSeedValues;
const basicOf = (username: string, password: string) =>
  Buffer.from(`${username}:${password}`).toString("base64");

/**
 * The forms in which each seeded credential could leak. The documented sample password is the
 * word "password", which Onezone's own error text ("Invalid username or password.") contains,
 * so that one is looked for as the `user:password` pair and its base64 only.
 */
const SECRETS: string[] = [
  ...defaultSeed.namedTokens.map((t) => t.token),
  ...defaultSeed.temporaryTokens.map((t) => t.token),
  ...defaultSeed.users.flatMap((u) => [
    `${u.username}:${u.password}`,
    basicOf(u.username, u.password),
    ...(u.password === "password" ? [] : [u.password]),
  ]),
];

function leaks(texts: string[]): string[] {
  return SECRETS.filter((secret) => texts.some((text) => text.includes(secret)));
}

const ID_CASES = [user.id, "no-such-user", user.namedTokenId, "no-such-token"];

/** Every credential kind with every seeded credential, bad ones (revoked, stale, wrong) included. */
const AUTHS: OnezoneAuth[] = [
  ...SECRETS.filter((s) => !s.includes(":") && !s.endsWith("=")).flatMap((token) => [
    { token },
    { bearer: token },
  ]),
  ...defaultSeed.users.map((u) => ({ username: u.username, password: u.password })),
  { username: user.username, password: `${otherUser.password}` },
];

let fake: FakeOnezone;
const log: string[] = [];
beforeAll(async () => {
  fake = await startFakeOnezone({ log: (line) => log.push(line) });
});
afterAll(() => fake.close());

describe("the client", () => {
  it("no error of any call with any credential shows it", async () => {
    const texts: string[] = [];
    let errors = 0;
    for (const auth of AUTHS) {
      const onezone = createOnezoneClient({ baseUrl: fake.baseUrl, auth });
      const calls: (() => Promise<unknown>)[] = ID_CASES.flatMap((id) => [
        () => onezone.getTemporaryTokenGenerationOfUser({ id }),
        () => onezone.getNamedTokenStatus({ id }),
      ]);
      calls.push(() => onezone.listClientTokens());
      for (const call of calls) {
        await call().catch((error: Error) => {
          errors++;
          texts.push(error.message, String(error), JSON.stringify(error), error.stack ?? "");
          texts.push(String((error as { cause?: unknown }).cause ?? ""));
        });
      }
    }
    expect(errors).toBeGreaterThan(50); // refusals of every kind were provoked
    expect(leaks(texts)).toEqual([]);
  });

  it("a network failure does not show the credential either", async () => {
    const texts: string[] = [];
    for (const auth of AUTHS.slice(0, 6)) {
      const onezone = createOnezoneClient({
        baseUrl: "http://127.0.0.1:9/api",
        auth,
      });
      const error = (await onezone.listClientTokens().catch((e: unknown) => e)) as Error;
      texts.push(error.message, String(error), JSON.stringify(error), error.stack ?? "");
    }
    expect(leaks(texts)).toEqual([]);
  });
});

describe("the CLI", () => {
  const env = () => ({ ONEZONE_HOST: fake.baseUrl });
  const invocations: [string, string[], Record<string, string>][] = [
    ["ONEZONE_API_KEY", [], { ONEZONE_API_KEY: user.namedToken }],
    ["a revoked token", [], { ONEZONE_API_KEY: otherUser.revokedNamedToken }],
    ["a stale temporary token", [], { ONEZONE_API_KEY: user.staleTemporaryToken }],
    ["-u", ["-u", `${admin.username}:${admin.password}`], {}],
    ["a wrong password", ["-u", `${user.username}:${otherUser.password}`], {}],
    [
      "ONEZONE_BASIC_AUTH",
      [],
      { ONEZONE_BASIC_AUTH: `${otherUser.username}:${otherUser.password}` },
    ],
    ["an X-Auth-Token header", [], {}],
    ["a Bearer header", [], {}],
  ];
  const headerFor = (name: string) =>
    name === "an X-Auth-Token header"
      ? [`X-Auth-Token:${otherUser.namedToken}`]
      : name === "a Bearer header"
        ? [`Authorization:Bearer ${admin.namedToken}`]
        : [];

  it.each(invocations)(
    "with %s: stderr, --dry-run and --verbose output show no credential",
    async (name, flags, extraEnv) => {
      const texts: string[] = [];
      for (const op of [
        "getNamedTokenStatus id=no-such-token",
        `getTemporaryTokenGenerationOfUser id=${otherUser.id}`,
      ]) {
        const args = [...flags, ...op.split(" "), ...headerFor(name)];
        const sent = await runCli(["--verbose", ...args], { ...env(), ...extraEnv });
        if (op.includes("no-such-token")) expect(sent.code).toBe(4); // 404 for everyone
        texts.push(sent.stderr);
        const dry = await runCli(["--dry-run", ...args], { ...env(), ...extraEnv });
        expect(dry.code).toBe(0);
        expect(dry.stdout).toMatch(/^curl /);
        texts.push(dry.stdout, dry.stderr);
      }
      expect(leaks(texts)).toEqual([]);
    },
  );
});

it("the fake's request log shows no credential", () => {
  expect(log.length).toBeGreaterThan(100);
  expect(leaks(log)).toEqual([]);
});

describe.each(SPECS)("secret body fields of $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const withSecrets = api.cliOperations.filter((op) =>
    op.requestBody?.fields.some((f) => f.secret && !f.name.includes("[]")),
  );
  const setup = useRecordingSetup({ scratchPrefix: "onezone-secrets-" });
  const { file } = setup;

  for (const op of withSecrets) {
    const secrets = (op.requestBody?.fields ?? []).filter(
      (f) => f.secret && !f.name.includes("[]"),
    );
    const SECRET = `MDAx-body-secret-${op.name}`;
    /** The valid call, with every secret field given SECRET (in `form`), the other words kept. */
    const callWith = (form: (name: string) => string[]) => {
      const names = secrets.map((f) => f.name);
      const kept = validCall(op, file).words.filter(
        (w) => !names.includes(/^[^=:@]+/.exec(w)?.[0] ?? ""),
      );
      return [op.id, ...kept, ...secrets.flatMap((f) => form(f.name))];
    };
    const runs: [string, string[], string | undefined][] = [
      ["--verbose, sent", ["--verbose", ...callWith((n) => [`${n}==${SECRET}`])], undefined],
      ["--dry-run", ["--dry-run", ...callWith((n) => [`${n}==${SECRET}`])], undefined],
      [
        "--dry-run --verbose",
        ["--dry-run", "-v", ...callWith((n) => [`${n}==${SECRET}`])],
        undefined,
      ],
      ["a value of the wrong type", callWith((n) => [`${n}:={"value":"${SECRET}"}`]), undefined],
      [
        "--force with a value of the wrong type",
        ["--force", "-v", ...callWith((n) => [`${n}:=["${SECRET}"]`])],
        undefined,
      ],
      ["a value that is not JSON", callWith((n) => [`${n}:={${SECRET}`]), undefined],
      ["a field given twice", callWith((n) => [`${n}==${SECRET}`, `${n}==${SECRET}`]), undefined],
      [
        "a body on standard input that is not JSON",
        ["-ct", "json", "--force", op.id, "-"],
        `{"password": "${SECRET}"`,
      ],
      ["an HTTP error", callWith((n) => [`${n}==${SECRET}`]), undefined],
    ];
    it.each(runs)(`${op.id}: %s shows no secret field's value`, async (name, args, stdin) => {
      setup.server.requests.length = 0;
      setup.server.reply(
        name === "an HTTP error"
          ? { status: 400, body: '{"error":{"id":"badValueString","description":"Bad value."}}' }
          : { status: 200, body: "{}" },
      );
      const result = await runCli(
        args,
        { ONEZONE_HOST: setup.server.baseUrl, ONEZONE_API_KEY: "key" },
        {
          generated: api.dir,
          stdin,
        },
      );
      expect(result.stdout + result.stderr).not.toContain(SECRET);
      if (name.includes("--dry-run")) expect(result.stdout).toMatch(/\*\*\*/);
      if (name === "--verbose, sent") expect(setup.server.requests[0]?.body).toContain(SECRET);
    });
  }

  it("has secret body fields, or none: the sweep above covers each", () => {
    const secretFields = api.cliOperations.flatMap(
      (op) => op.requestBody?.fields.filter((f) => f.secret) ?? [],
    );
    expect(withSecrets.length > 0).toBe(secretFields.length > 0);
  });
});
