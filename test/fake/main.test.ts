import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, SOURCE_HEADER, startFakeOnezone } from "../../src/fake/index.ts";
import { ROOT } from "../helpers/processes.ts";
import { type RunningCli, runFake, spawnFake, waitForOutput } from "./support/cli.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { basic, xAuthToken } from "./support/credentials.ts";
import { fetchArgs, requestOf } from "./support/requests.ts";
import { loadSpec } from "./support/spec.ts";

const { admin, user, otherUser } = defaultSeedValues;
const conformance = useSpecConformance();
const READY = "Press Ctrl+C to stop.";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "onezone-fake-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function seedFile(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

function listeningUrl(stdout: string): string {
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
  if (url === undefined) throw new Error(`no URL in the output:\n${stdout}`);
  return url;
}

describe("onezone-fake", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "serves on the port it prints and stops cleanly on %s",
    async (signal) => {
      const cli = spawnFake(["--port", "0"]);
      const banner = await waitForOutput(cli, READY);
      const url = listeningUrl(banner);
      const response = await conformance.fetch(
        `${url}/api/v3/onezone/users/${user.id}/tokens/temporary`,
        { headers: basic(user.username, user.password) },
      );
      expect(await response.json()).toEqual({ generation: user.generation });
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.stdout()).toContain(`Received ${signal}; stopping.\nStopped.`);
      expect(cli.stderr()).toBe("");
    },
  );

  it("prints the API base URL and the seeded credentials", async () => {
    const cli = spawnFake(["--port", "0"]);
    try {
      const banner = await waitForOutput(cli, READY);
      expect(banner).toContain(`API base URL: ${listeningUrl(banner)}/api/v3/onezone`);
      for (const { username, password } of [admin, user, otherUser]) {
        expect(banner).toContain(`${username}:${password}`);
      }
      expect(banner).toContain(user.namedToken);
      expect(banner).toContain(user.temporaryToken);
      // Logs one line per request after the banner, without the credential it carried.
      await conformance.fetch(`${listeningUrl(banner)}/api/v3/onezone/user/client_tokens`, {
        headers: { "X-Auth-Token": "MDAxsecretnotseeded" },
      });
      await waitForOutput(cli, "GET /api/v3/onezone/user/client_tokens 401");
      expect(cli.stdout()).not.toContain("MDAxsecretnotseeded");
    } finally {
      cli.child.kill("SIGTERM");
      await cli.exited;
    }
  });

  it("starts from the seed file it is given", async () => {
    const file = await seedFile(
      "seed.json",
      JSON.stringify({
        users: [{ id: "u1", username: "dana", password: "s3cret", privileges: [] }],
        providers: [],
        namedTokens: [],
        temporaryTokens: [],
      }),
    );
    const cli: RunningCli = spawnFake(["--port", "0", "--seed", file]);
    try {
      const banner = await waitForOutput(cli, READY);
      expect(banner).toContain("dana:s3cret");
      const response = await conformance.fetch(
        `${listeningUrl(banner)}/api/v3/onezone/users/u1/tokens/temporary`,
        { headers: basic("dana", "s3cret") },
      );
      expect(await response.json()).toEqual({ generation: 1 });
    } finally {
      cli.child.kill("SIGTERM");
      await cli.exited;
    }
  });

  it.each([
    ["", [], "spec (example or sample)"],
    [" --strict", ["--strict"], "501 (--strict)"],
  ])(
    "serves the spec given with --spec%s, listing what answers each operation",
    async (_, flags, answeredFrom) => {
      const specPath = path.join(ROOT, "test/fixtures/growth/openapi.yaml");
      const spec = await loadSpec(specPath);
      const cli = spawnFake(["--port", "0", "--spec", specPath, ...flags]);
      try {
        const lines = (await waitForOutput(cli, READY)).split("\n");
        const rows = spec.operations.map((o) =>
          lines.find((line) => line.startsWith(`  ${o.id} `)),
        );
        spec.operations.forEach((operation, i) => {
          expect(rows[i]).toMatch(` ${operation.method.toUpperCase()} `);
          expect(rows[i]).toMatch(` ${operation.path} `);
        });
        const stateless = spec.operations.find((_, i) => rows[i]?.endsWith(answeredFrom));
        if (stateless === undefined) throw new Error(`no operation answered from ${answeredFrom}`);
        const [request] = fc.sample(requestOf(spec, stateless), { seed: 3, numRuns: 1 });
        if (request === undefined) throw new Error("no request");
        const baseUrl = `${listeningUrl(lines.join("\n"))}${spec.basePath}`;
        const response = await fetch(...fetchArgs(baseUrl, request, xAuthToken(user.namedToken)));
        if (flags.length === 0) expect(response.headers.get(SOURCE_HEADER)).toBe("spec");
        else expect(response.status).toBe(501);
      } finally {
        cli.child.kill("SIGTERM");
        await cli.exited;
      }
    },
  );

  it("shows its usage with --help", async () => {
    const { code, stdout } = await runFake(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Usage: onezone-fake [--port <port>] [--seed <file.json>] [--spec <file>] [--strict]",
    );
    expect(stdout).toContain("default 8080; 0 picks a free one");
  });

  it("refuses a port that is taken, saying so", async () => {
    const taken = await startFakeOnezone();
    try {
      const port = new URL(taken.url).port;
      const { code, stderr } = await runFake(["--port", port]);
      expect(code).toBe(2);
      expect(stderr).toContain(`onezone-fake: port ${port} on 127.0.0.1 is in use;`);
    } finally {
      await taken.close();
    }
  });

  it.each<[string, () => Promise<string[]>, string]>([
    [
      "a port that is not a number",
      async () => ["--port", "http"],
      '--port must be a whole number from 0 to 65535, not "http".',
    ],
    [
      "a port above 65535",
      async () => ["--port", "70000"],
      '--port must be a whole number from 0 to 65535, not "70000".',
    ],
    ["an unknown option", async () => ["--host", "x"], "Unknown option '--host'"],
    [
      "a missing seed file",
      async () => ["--seed", path.join(dir, "absent.json")],
      "absent.json cannot be read (ENOENT).",
    ],
    [
      "a seed that is not JSON",
      async () => ["--seed", await seedFile("bad.json", "{users:")],
      "bad.json is not valid JSON:",
    ],
    [
      "a seed with a bad field",
      async () => [
        "--seed",
        await seedFile("field.json", JSON.stringify({ users: [{ id: "u1" }] })),
      ],
      "field.json: users[0].username must be a non-empty string.",
    ],
  ])("refuses %s with one clear line and exit code 2", async (_, args, message) => {
    const { code, stdout, stderr } = await runFake(["--port", "0", ...(await args())]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/^onezone-fake: .*\nRun onezone-fake --help for usage\.\n$/);
  });
});
