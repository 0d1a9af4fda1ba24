// --help lists the operations by tag; <operationId> --help shows one operation: description,
// parameters, request body (fields, types, required, enums, an example that the CLI takes as it
// is), responses and examples; --about and --version show the API. On every spec of SPECS (what
// start-up loads for them: start-up.test.ts).
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { successes, validCall } from "./derive.ts";
import { cliCommand, runCli } from "./run-cli.ts";

let scratch: string;
let server: RecordingServer;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-help-"));
  writeFileSync(path.join(scratch, "PATH"), "a file part\n");
  server = await startRecordingServer();
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await server.close();
});

describe.each(SPECS)("on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, env, { generated: api.dir });

  describe("onezone-rest-cli --help", () => {
    it("lists every operation under each of its tags, with its summary", async () => {
      const result = await cli(["--help"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const lines = result.stdout.split("\n");
      const tags = [
        ...new Set(api.cliOperations.flatMap((op) => (op.tags.length ? op.tags : ["Other"]))),
      ];
      for (const tag of tags) {
        const start = lines.indexOf(`  ${tag}`);
        expect(start, tag).toBeGreaterThan(0);
        const tagged = api.cliOperations
          .filter((op) => (op.tags.length ? op.tags : ["Other"]).includes(tag))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        const listed = lines.slice(start + 1, start + 1 + tagged.length);
        expect(listed.map((line) => line.trim().split(/\s+/)[0])).toEqual(
          tagged.map((op) => op.id),
        );
        for (const [i, op] of tagged.entries()) {
          expect(listed[i]).toContain(op.summary);
          expect(listed[i]?.endsWith("(deprecated)")).toBe(op.deprecated);
        }
      }
    });

    it("documents the options, the body words, the environment and the exit codes", async () => {
      const { stdout } = await cli(["-h"]);
      for (const word of [
        "--host",
        "-u, --user",
        "-ct, --content-type",
        "-ac, --accept",
        "--dry-run",
        "--force",
        "--compact",
        "--verbose",
        "--about",
        "-V, --version",
        "name==text",
        "name:=JSON",
        "owner.id==abc",
        "name@path",
        "standard input",
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

    it("--about shows the API's title, version and description; -V its version", async () => {
      const about = await cli(["--about"]);
      expect(about.code).toBe(0);
      expect(about.stdout.startsWith(`${api.cliApi.title} ${api.cliApi.version}\n`)).toBe(true);
      const words = api.cliApi.description.split(/\W+/).filter((w) => w.length > 3);
      for (const word of words) expect(about.stdout).toContain(word);
      for (const flag of ["-V", "--version"]) {
        expect(await cli([flag])).toEqual({
          code: 0,
          stdout: `${api.cliApi.version}\n`,
          stderr: "",
        });
      }
    });
  });

  describe("onezone-rest-cli <operationId> --help", () => {
    for (const op of api.cliOperations) {
      const { method, path: template } = api.operationIndex[op.name] ?? { method: "", path: "" };
      it(`${op.id}: description, parameters, body, responses and examples`, async () => {
        const result = await cli([op.id, "--help"]);
        expect(result.code).toBe(0);
        const out = result.stdout;
        expect(out).toContain(`onezone-rest-cli ${op.id}: ${op.summary}`);
        expect(out).toContain(`${method.toUpperCase()} ${template}`);
        expect(out.includes("DEPRECATED")).toBe(op.deprecated);
        // Markdown rendered: a "- item" list becomes bullets.
        if (/^- /m.test(op.description)) {
          expect(out).toMatch(/^ {2}\* /m);
          expect(out).not.toMatch(/^- /m);
        }
        for (const p of op.parameters) {
          expect(out).toContain(`  ${p.name} (${p.in}${p.required ? ", required" : ""})`);
          expect(out).toContain(
            `Specify as: ${p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`}`,
          );
        }
        for (const response of op.responses) {
          expect(out).toContain(`  ${response.status}  ${response.description}`);
        }
        for (const sample of op.codeSamples) {
          for (const line of sample.source.split("\n")) expect(out).toContain(`    ${line}`);
        }
        const body = op.requestBody;
        expect(out.includes("Request body (")).toBe(body !== null);
        if (body === null) return;
        expect(out).toContain(
          `Request body (${body.required ? "required" : "optional"}; ${body.contentTypes.join(" or ")}):`,
        );
        for (const field of body.fields) {
          const line = out.split("\n").find((l) => l.startsWith(`  ${field.name} (`)) ?? "";
          expect(line, field.name).toContain(field.file ? "file" : field.type);
          expect(/\brequired\b/.test(line), field.name).toBe(field.required);
          for (const value of field.enum) expect(line).toContain(String(value));
          expect(line.includes("secret"), field.name).toBe(field.secret);
        }
        expect(out).toContain("  Example:\n");
      });
    }

    const withBody = api.cliOperations.filter((op) => op.requestBody);
    for (const op of withBody) {
      it(`${op.id}: the body example runs as written (checked by --dry-run)`, async () => {
        const { stdout } = await cli([op.id, "--help"]);
        const lines = stdout.split("\n");
        const example = lines[lines.indexOf("  Example:") + 1]?.trim() ?? "";
        expect(example).toContain(`onezone-rest-cli ${op.id}`);
        const result = await runInBash(`${example} --dry-run`, { ONEZONE_HOST: server.baseUrl });
        expect(result.stderr.replace(/.*warning: .* is deprecated.*\n/, "")).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^curl /);
      });
    }
  });

  const deprecated = api.cliOperations.find((op) => op.deprecated);
  if (deprecated)
    it("a deprecated operation warns on stderr when run", async () => {
      const op = deprecated;
      server.reply({ status: 204 });
      const call = validCall(op, path.join(scratch, "PATH"));
      const result = await runCli(
        [op.id, ...call.words],
        { ONEZONE_HOST: server.baseUrl },
        {
          generated: api.dir,
          stdin: call.stdin,
        },
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        `onezone-rest-cli: warning: ${op.id} is deprecated and may be removed from Onezone.\n`,
      );
    });

  const json = api.cliOperations.find(
    (op) =>
      !op.deprecated && successes(op).some((r) => r.contentTypes.includes("application/json")),
  );
  if (json)
    it("output is indented JSON on a terminal and one line with --compact", async () => {
      const op = json;
      server.reply({ status: 200, body: '{"revoked":false,"list":[1]}' });
      const call = validCall(op, path.join(scratch, "PATH"));
      const inTerminal = async (extra: string[]) => {
        const command = [
          process.execPath,
          ...cliCommand(api.dir),
          op.id,
          ...call.words.map(quote),
          ...extra,
        ];
        const input = call.stdin === undefined ? "" : `echo ${quote(call.stdin)} | `;
        // script(1) gives the CLI a pseudo-terminal as stdout.
        const result = await runInBash(
          `script --quiet --return --command ${quote(`${input}${command.join(" ")}`)} /dev/null`,
          { ONEZONE_HOST: server.baseUrl },
        );
        return result.stdout.replaceAll("\r\n", "\n");
      };
      expect(await inTerminal([])).toBe('{\n  "revoked": false,\n  "list": [\n    1\n  ]\n}\n');
      expect(await inTerminal(["--compact"])).toBe('{"revoked":false,"list":[1]}\n');
    });

  /** Runs a command line in bash, in the scratch directory, with `onezone-rest-cli` on PATH. */
  function runInBash(source: string, env: Record<string, string>) {
    const bin = path.join(scratch, `bin-${spec.name}`);
    const shim = path.join(bin, "onezone-rest-cli");
    const command = [process.execPath, ...cliCommand(api.dir)].map(quote).join(" ");
    mkdirSync(bin, { recursive: true });
    writeFileSync(shim, `#!/bin/sh\nexec ${command} "$@"\n`);
    chmodSync(shim, 0o755);
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        "bash",
        ["-c", source],
        {
          cwd: scratch,
          env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME ?? "", ...env },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }
});

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
