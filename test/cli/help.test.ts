// --help lists the operations by tag; <operationId> --help shows one operation; and start-up for
// --help stays light (no ts-morph, Redocly, marked or the YAML spec).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliOperations } from "../../generated/cli-table.gen.js";
import { defaultSeedValues, startFakeOnezone } from "../../src/fake/index.js";
import { CLI, ROOT, runCli } from "./run-cli.js";

const scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-help-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

describe("start-up", () => {
  /** The modules and files a run loads, as recorded by record-modules.mjs. */
  function loaded(args: string[]): Promise<string> {
    const file = path.join(scratch, `${args.join("_")}.txt`);
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ["--import", "./test/cli/record-modules.mjs", ...CLI, ...args],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? "", RECORD_MODULES_FILE: file } },
        (error) => (error ? reject(error) : resolve(readFileSync(file, "utf8"))),
      );
    });
  }
  /** tsx itself reads typescript/package.json, so only loads count for packages. */
  const HEAVY_LOAD =
    /^load .*node_modules\/(ts-morph|@ts-morph|typescript|@redocly|marked|marked-terminal|js-yaml|yaml)\//m;
  const YAML_READ = /^read .*\.ya?ml$/m;

  it("--help loads no ts-morph, Redocly, marked or YAML", async () => {
    const record = await loaded(["--help"]);
    expect(record).toContain("src/cli/main.ts");
    expect(record).toContain("generated/cli-table.gen.ts");
    expect(record.match(HEAVY_LOAD)).toBeNull();
    expect(record.match(YAML_READ)).toBeNull();
  });

  it("an operation's --help does load marked (so the check above can fail)", async () => {
    const record = await loaded(["getNamedTokenStatus", "--help"]);
    expect(record).toMatch(HEAVY_LOAD);
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
