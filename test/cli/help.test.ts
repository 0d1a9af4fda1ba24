// --help lists the operations by tag; <operationId> --help shows one operation (what start-up
// loads for them: start-up.test.ts).
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliOperations } from "../../generated/cli-table.gen.ts";
import { defaultSeedValues, startFakeOnezone } from "../../src/fake/index.ts";
import { CLI, ROOT, runCli } from "./run-cli.ts";

describe("onezone-rest-cli --help", () => {
  it("lists every operation under its tag, with its summary", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    const tagLine = lines.indexOf("  Token");
    expect(tagLine).toBeGreaterThan(0);
    const listed = lines.slice(tagLine + 1, tagLine + 1 + cliOperations.length);
    const expected = [...cliOperations].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(listed.map((line) => line.trim().split(/\s+/)[0])).toEqual(expected.map((op) => op.id));
    for (const [i, op] of expected.entries()) {
      expect(listed[i]).toContain(op.summary);
      expect(listed[i]?.endsWith("(deprecated)")).toBe(op.deprecated);
    }
  });

  it("documents the options, the environment and the exit codes", async () => {
    const { stdout } = await runCli(["-h"]);
    for (const word of [
      "--host",
      "-u, --user",
      "--dry-run",
      "--compact",
      "--verbose",
      "ONEZONE_HOST",
      "ONEZONE_BASIC_AUTH",
      "ONEZONE_API_KEY",
      "completion bash|zsh",
    ]) {
      expect(stdout).toContain(word);
    }
    expect(stdout).toMatch(/^ {2}2 {2}usage error/m);
    expect(stdout).toMatch(/^ {2}4 {2}the server answered HTTP 4xx$/m);
    expect(stdout).toMatch(/^ {2}5 {2}the server answered HTTP 5xx$/m);
    expect(stdout).toMatch(/^ {2}6 {2}network failure/m);
  });
});

describe("onezone-rest-cli <operationId> --help", () => {
  it("shows the description as terminal text, parameters, responses and examples", async () => {
    const result = await runCli(["getNamedTokenStatus", "--help"]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain("onezone-rest-cli getNamedTokenStatus: Get named token status");
    expect(out).toContain("GET /tokens/named/{id}/status");
    // Markdown rendered: the "- item" list becomes bullets, the text is reflowed.
    expect(out).toContain("  * the token owner (subject)");
    expect(out).not.toContain("\n- the token owner");
    expect(out).toContain("id (path, required)  Token Id\n    Specify as: id=VALUE");
    const op = cliOperations.find((o) => o.id === "getNamedTokenStatus");
    for (const response of op?.responses ?? []) {
      expect(out).toContain(`  ${response.status}  ${response.description}`);
    }
    expect(out).toContain("    onezone-rest-cli getNamedTokenStatus id=$TOKEN_ID");
    expect(out).not.toContain("DEPRECATED");
  });

  it("says a deprecated operation is deprecated, and running it warns on stderr", async () => {
    const help = await runCli(["listClientTokens", "--help"]);
    expect(help.stdout).toContain("DEPRECATED: this operation may be removed from Onezone");
    const fake = await startFakeOnezone();
    try {
      const { user } = defaultSeedValues;
      const result = await runCli(["listClientTokens", "-u", `${user.username}:${user.password}`], {
        ONEZONE_HOST: fake.baseUrl,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        "onezone-rest-cli: warning: listClientTokens is deprecated and may be removed from Onezone.\n",
      );
    } finally {
      await fake.close();
    }
  });
});

describe("output", () => {
  it("is indented JSON on a terminal and one line with --compact", async () => {
    const fake = await startFakeOnezone();
    try {
      const { user } = defaultSeedValues;
      const command = [process.execPath, ...CLI, "getNamedTokenStatus", `id=${user.namedTokenId}`];
      const inTerminal = (extra: string[]) =>
        new Promise<string>((resolve, reject) =>
          // script(1) gives the CLI a pseudo-terminal as stdout.
          execFile(
            "script",
            ["--quiet", "--return", "--command", [...command, ...extra].join(" "), "/dev/null"],
            {
              cwd: ROOT,
              env: {
                PATH: process.env.PATH ?? "",
                ONEZONE_HOST: fake.baseUrl,
                ONEZONE_API_KEY: user.temporaryToken,
              },
            },
            (error, stdout) => (error ? reject(error) : resolve(stdout.replaceAll("\r\n", "\n"))),
          ),
        );
      expect(await inTerminal([])).toBe('{\n  "revoked": false\n}\n');
      expect(await inTerminal(["--compact"])).toBe('{"revoked":false}\n');
    } finally {
      await fake.close();
    }
  });
});
