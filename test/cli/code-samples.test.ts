// Every operation's onezone-rest-cli code sample in the spec runs as written in bash against the
// fake Onezone, and prints the spec's documented 200 example (nothing for a 204).
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cliOperations } from "../../generated/cli-table.gen.ts";
import { loadSpec } from "../../scripts/load.ts";
import { type CliCommand, findOperation } from "../../src/cli/operations.ts";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { CLI, type CliResult, leakedSecrets, ROOT, runCli } from "./run-cli.ts";

const { user } = defaultSeedValues;
let document: Record<string, unknown>;
let shimDir: string;
let fake: FakeOnezone;

beforeAll(async () => {
  document = (await loadSpec(path.join(ROOT, "spec/onezone.yaml"))).document;
  // An `onezone-rest-cli` on PATH, so the samples run exactly as the spec writes them.
  shimDir = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-"));
  const shim = path.join(shimDir, "onezone-rest-cli");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" ${CLI.join(" ")} "$@"\n`);
  chmodSync(shim, 0o755);
});
afterAll(() => rmSync(shimDir, { recursive: true, force: true }));
afterEach(async () => fake?.close());

/** The 200 example the pages show: the cURL output when there is one (it is `username`'s). */
function documentedExample(op: CliCommand): unknown {
  const keys = ["paths", op.path, op.method, "responses", "200", "content", "application/json"];
  const examples = at(document, [...keys, "examples"]);
  return at(examples, ["curlOutput", "value"]) ?? at(examples, ["documented", "value"]);
}

function at(node: unknown, keys: string[]): unknown {
  return keys.reduce((value, key) => (value as Record<string, unknown> | undefined)?.[key], node);
}

function runInBash(source: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", source],
      {
        cwd: ROOT,
        env: { PATH: `${shimDir}:${process.env.PATH}`, HOME: process.env.HOME ?? "", ...env },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe("the spec's onezone-rest-cli code samples", () => {
  it("exist for every operation of the table", () => {
    const without = cliOperations.filter(
      (op) => !op.codeSamples.some((s) => s.label === "onezone-rest-cli"),
    );
    expect(without.map((op) => op.id)).toEqual([]);
    expect(cliOperations.length).toBeGreaterThanOrEqual(4);
  });

  for (const op of cliOperations) {
    const sample = op.codeSamples.find((s) => s.label === "onezone-rest-cli");
    it(`${op.id}: "${sample?.source}" prints the documented response`, async () => {
      fake = await startFakeOnezone();
      const result = await runInBash(sample?.source ?? "false", {
        ONEZONE_HOST: fake.baseUrl,
        ONEZONE_BASIC_AUTH: `${user.username}:${user.password}`,
        TOKEN_ID: user.namedTokenId,
        USER_ID: user.id,
      });
      const warning = `onezone-rest-cli: warning: ${op.id} is deprecated and may be removed from Onezone.\n`;
      expect(result.stderr).toBe(op.deprecated ? warning : "");
      expect(result.code).toBe(0);
      const has200 = op.responses.some((r) => r.status === "200");
      if (has200) {
        expect(result.stdout).toBe(`${JSON.stringify(documentedExample(findOperation(op.id)))}\n`);
      } else {
        expect(op.responses.map((r) => r.status)).toContain("204");
        expect(result.stdout).toBe("");
      }
      expect(leakedSecrets(result, { password: `:${user.password}` })).toEqual([]);
    });
  }
});

describe("every operation without a credential", () => {
  for (const op of cliOperations) {
    const args = (op.codeSamples.find((s) => s.label === "onezone-rest-cli")?.source ?? "")
      .split(/\s+/)
      .slice(2)
      .map((word) => word.replace("$TOKEN_ID", user.namedTokenId));
    it(`${op.id} exits 4 with Onezone's 401 on one stderr line`, async () => {
      fake = await startFakeOnezone();
      const result = await runCli([op.id, ...args], { ONEZONE_HOST: fake.baseUrl });
      expect(result.code).toBe(4);
      expect(result.stdout).toBe("");
      const lines = result.stderr
        .trimEnd()
        .split("\n")
        .filter((l) => !l.includes("warning:"));
      expect(lines).toEqual([
        `onezone-rest-cli: ${op.id} failed with HTTP 401 (unauthorized: You must authenticate yourself to perform this operation.)`,
      ]);
    });
  }
});
