// Every operation's onezone-rest-cli code sample, in every spec of SPECS, runs as written in bash
// (in a temporary directory, which holds the files it sends or writes) against a recording server
// that gives the operation's documented success answer: the sample sends the operation's request
// and prints (or writes) that answer. Then each sample without a credential, against the fake
// Onezone serving that spec: Onezone's refusal (401, or 404 for an id it looks up first) on one
// stderr line, exit 4.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import { loadSpec } from "../../scripts/load.ts";
import { isBinary, isJson } from "../../src/cli/media-types.ts";
import { type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { successes } from "./derive.ts";
import { type CliResult, cliCommand, leakedSecrets } from "./run-cli.ts";

type Node = Record<string, unknown>;

const BYTES = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
const PASSWORD = "sample-password-not-to-show";

let server: RecordingServer;
let scratch: string;
beforeAll(async () => {
  server = await startRecordingServer();
  scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-samples-"));
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

function sampleOf(op: CliOperation): string {
  return op.codeSamples.find((s) => s.label === "onezone-rest-cli")?.source ?? "";
}

/** Each `$NAME` the sample uses, with a value of its own. */
function variables(source: string): Record<string, string> {
  const names = [...source.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] as string);
  return Object.fromEntries(names.map((name) => [name, `value-of-${name.toLowerCase()}`]));
}

/** The success answer the spec documents first, with its example (`example` or `examples`). */
function documentedAnswer(document: Node, op: CliOperation & { path: string; method: string }) {
  const [response] = successes(op);
  const status = Number(response?.status ?? 200);
  const [contentType] = response?.contentTypes ?? [];
  if (contentType === undefined) return { status, contentType, body: undefined };
  if (isBinary(contentType)) return { status, contentType, body: BYTES };
  const media = at(document, [
    "paths",
    op.path,
    op.method,
    "responses",
    String(status),
    "content",
    contentType,
  ]);
  const examples = Object.values((at(media, ["examples"]) ?? {}) as Node);
  const example = at(media, ["example"]) ?? at(examples[0], ["value"]);
  const body = isJson(contentType) ? JSON.stringify(example ?? {}) : String(example ?? "text\n");
  return { status, contentType, body };
}

function at(node: unknown, keys: string[]): unknown {
  return keys.reduce((value, key) => (value as Node | undefined)?.[key], node);
}

describe.each(SPECS)("on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const { document } = await loadSpec(spec.path);
  const ops = api.cliOperations.map(
    (op) =>
      ({ ...op, ...api.operationIndex[op.name] }) as CliOperation & {
        path: string;
        method: string;
      },
  );

  /** Runs a sample as written, with an `onezone-rest-cli` on PATH, in a directory of its own. */
  function runSample(source: string, env: Record<string, string>, cwd: string): Promise<CliResult> {
    const bin = path.join(cwd, ".bin");
    mkdirSync(bin, { recursive: true });
    const command = [process.execPath, ...cliCommand(api.dir)].map((w) => `'${w}'`).join(" ");
    writeFileSync(path.join(bin, "onezone-rest-cli"), `#!/bin/sh\nexec ${command} "$@"\n`);
    chmodSync(path.join(bin, "onezone-rest-cli"), 0o755);
    return new Promise((resolve) => {
      execFile(
        "bash",
        ["-c", source],
        {
          cwd,
          encoding: "latin1",
          env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME ?? "", ...env },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  /** A fresh directory holding every file the sample sends (`name@path`). */
  function sampleDir(op: CliOperation, source: string): string {
    const dir = mkdtempSync(path.join(scratch, `${op.name}-`));
    for (const match of source.matchAll(/[\w.-]+@([\w./-]+)/g)) {
      writeFileSync(path.join(dir, match[1] as string), "a file part\n");
    }
    return dir;
  }

  it("has an onezone-rest-cli sample for every operation", () => {
    expect(ops.filter((op) => sampleOf(op) === "").map((op) => op.id)).toEqual([]);
  });

  for (const op of ops) {
    const source = sampleOf(op);
    it(`${op.id}: "${source}" sends its request and prints the documented answer`, async () => {
      const answer = documentedAnswer(document, op);
      server.reply(answer);
      const dir = sampleDir(op, source);
      const result = await runSample(
        source,
        {
          ...variables(source),
          ONEZONE_HOST: server.baseUrl,
          ONEZONE_BASIC_AUTH: `username:${PASSWORD}`,
        },
        dir,
      );
      const warning = `onezone-rest-cli: warning: ${op.id} is deprecated and may be removed from Onezone.\n`;
      expect(result.stderr).toBe(op.deprecated ? warning : "");
      expect(result.code).toBe(0);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request?.method).toBe(op.method.toUpperCase());
      const template = new RegExp(
        `^${new URL(server.baseUrl).pathname}${op.path.replace(/\{[^}]+\}/g, "[^/]+")}(\\?|$)`,
      );
      expect(request?.target).toMatch(template);
      if (op.requestBody?.required) expect(request?.body).not.toBe("");
      const written = /> *(\S+)\s*$/.exec(source)?.[1];
      const printed = written
        ? readFileSync(path.join(dir, written))
        : Buffer.from(result.stdout, "latin1");
      if (answer.body === undefined) expect(printed.length).toBe(0);
      else if (answer.body instanceof Uint8Array) expect([...printed]).toEqual([...answer.body]);
      else if (isJson(answer.contentType ?? ""))
        expect(printed.toString()).toBe(`${answer.body}\n`);
      else expect(printed.toString()).toBe(answer.body);
      expect(leakedSecrets(result, { password: PASSWORD })).toEqual([]);
    });
  }

  describe("without a credential, against the fake Onezone", () => {
    let fake: FakeOnezone;
    beforeAll(async () => {
      fake = await startFakeOnezone({ spec: spec.path });
    });
    afterAll(() => fake?.close());

    const security = (op: { path: string; method: string }) =>
      (at(document, ["paths", op.path, op.method, "security"]) ?? document.security) as
        | Node[]
        | undefined;
    const needsCredential = ops.filter((op) => {
      const requirements = security(op);
      return (
        requirements !== undefined &&
        requirements.length > 0 &&
        requirements.every((r) => Object.keys(r).length > 0)
      );
    });
    for (const op of needsCredential) {
      it(`${op.id} exits 4 with Onezone's refusal on one stderr line`, async () => {
        const source = sampleOf(op);
        const dir = sampleDir(op, source);
        const result = await runSample(
          source,
          { ...variables(source), ONEZONE_HOST: fake.baseUrl },
          dir,
        );
        expect(result.code).toBe(4);
        expect(result.stdout).toBe("");
        const lines = result.stderr
          .trimEnd()
          .split("\n")
          .filter((l) => !l.includes("warning:"));
        // Refused: 401, or 404 where Onezone looks the resource up before it authorizes.
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `^onezone-rest-cli: ${op.id} failed with HTTP (401 \\(unauthorized: You must authenticate yourself to perform this operation\\.\\)|404 \\(notFound: The resource could not be found\\.\\))$`,
          ),
        );
      });
    }
    it("covers operations that need a credential", () => {
      expect(needsCredential.length).toBeGreaterThan(0);
    });
  });
});
