// End to end, on every spec of SPECS: onezone-rest-cli against the fake Onezone serving that spec
// (the `onezone-fake --spec` process; an in-process --strict one), with a seeded credential. Each
// operation, called with the seed's ids in its path, its required headers and its help's example
// body (a file part from a temporary directory), exits 0 and prints exactly what the fake answered
// (seen through a tap on 127.0.0.1), which the spec documents; --verbose shows the headers the
// spec declares (Location). A required body field left out and sent with --force gets the fake's
// 400 naming it; a --strict fake's 501 is one line. Nothing here names an operation.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliOperation, CliParameter } from "../../generated/cli-table.gen.ts";
import { isJson } from "../../src/cli/media-types.ts";
import {
  defaultSeedValues,
  type FakeOnezone,
  SOURCE_HEADER,
  startFakeOnezone,
} from "../../src/fake/index.ts";
import { type RunningCli, spawnFake, waitForOutput } from "../fake/support/cli.ts";
import { type ResponseRecord, violations } from "../fake/support/conformance.ts";
import { loadSpec } from "../fake/support/spec.ts";
import { seededId } from "../helpers/seeded-ids.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { startTap, type Tap, type TappedAnswer } from "../helpers/tap.ts";
import { type Call, parameterValue, validCall } from "./derive.ts";
import { runCli } from "./run-cli.ts";

const { user } = defaultSeedValues;

// Made now, not in beforeAll: the calls below are worked out when the file is collected.
const scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-fake-"));
const file = path.join(scratch, "avatar.png");
writeFileSync(file, "the bytes of a file part\n");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The seeded credential, and the fake (or the tap before it) as the host. */
const env = (baseUrl: string) => ({ ONEZONE_HOST: baseUrl, ONEZONE_API_KEY: user.namedToken });

/** A valid call of the operation at `template`, a path parameter naming a seeded resource where one fits. */
function seededCall(op: CliOperation, template: string): Call {
  return validCall(
    op,
    file,
    (p: CliParameter) =>
      (p.in === "path" ? seededId(template, p.name) : undefined) ?? parameterValue(p.name),
  );
}

/** A body word's field name: `name` of `name==text`, `name:=JSON` or `name@path`. */
const fieldOf = (word: string) => /^([^=:@]+)(==|:=|@)/.exec(word)?.[1];

/** The names of the fields the body always requires, at its top level. */
function requiredFields(op: CliOperation): string[] {
  return (op.requestBody?.fields ?? [])
    .filter((f) => f.required && f.when === "" && !/[.[]/.test(f.name))
    .map((f) => f.name);
}

/** The call with the first required body field it gives left out. */
function withoutRequiredField(op: CliOperation, call: Call) {
  const required = requiredFields(op);
  const field = call.words
    .map(fieldOf)
    .find((name) => name !== undefined && required.includes(name));
  if (field === undefined) return undefined;
  return { field, call: { ...call, words: call.words.filter((w) => fieldOf(w) !== field) } };
}

/** The tapped answer as the conformance check reads a response. */
function recordOf(answer: TappedAnswer): ResponseRecord {
  return {
    method: answer.method,
    url: answer.url,
    status: answer.status,
    contentType: answer.headers["content-type"] ?? null,
    body: answer.bytes.toString("utf8"),
    headers: Object.keys(answer.headers),
  };
}

/** The value --verbose shows for a response header, its name in any case. */
function shownHeader(stderr: string, name: string): string | undefined {
  const prefix = `< ${name.toLowerCase()}: `;
  return stderr
    .split("\n")
    .find((line) => line.toLowerCase().startsWith(prefix))
    ?.slice(prefix.length);
}

/** stderr without the warnings (a deprecated operation, a body sent with --force). */
function errorLines(stderr: string): string[] {
  return stderr
    .trimEnd()
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("onezone-rest-cli: warning: "));
}

describe.each(SPECS)("on $name: the CLI against the fake serving the spec", async (spec) => {
  const api = await generatedApi(spec.path);
  const document = await loadSpec(spec.path);
  const calls = api.cliOperations.map((op) => {
    const indexed = api.operationIndex[op.name];
    if (indexed === undefined) throw new Error(`${op.name} is not in operation-index.gen.js`);
    return { op, call: seededCall(op, indexed.path) };
  });

  describe("onezone-fake --spec", () => {
    let fake: RunningCli | undefined;
    let tap: Tap | undefined;
    /** The base URL through the tap. */
    let baseUrl = "";
    beforeAll(async () => {
      fake = spawnFake(["--spec", spec.path, "--port", "0"]);
      const banner = await waitForOutput(fake, "Press Ctrl+C to stop.");
      const served = new URL(/^API base URL: (\S+)$/m.exec(banner)?.[1] ?? "");
      tap = await startTap(served.origin);
      baseUrl = `${tap.url}${served.pathname}`;
    }, 30_000);
    afterAll(async () => {
      await tap?.close();
      fake?.child.kill("SIGTERM");
      await fake?.exited;
    });

    /** Runs the CLI through the tap; resolves with its result and the one answer the fake gave. */
    async function callFake(args: string[], call: Call) {
      const answers = tap?.answers ?? [];
      answers.length = 0;
      const result = await runCli(args, env(baseUrl), {
        generated: api.dir,
        stdin: call.stdin,
        encoding: "latin1",
      });
      expect(answers, result.stderr).toHaveLength(1);
      const answer = answers[0] as TappedAnswer;
      expect(violations(document, recordOf(answer)), "the answer departs from the spec").toEqual(
        [],
      );
      return { result, answer };
    }

    for (const { op, call } of calls) {
      it(`${op.id}: exit 0, printing the fake's answer by its media type`, async () => {
        const { result, answer } = await callFake(["--verbose", op.id, ...call.words], call);
        expect(result.code, result.stderr).toBe(0);
        expect(answer.headers[SOURCE_HEADER.toLowerCase()]).toMatch(/^(state|spec)$/);
        const documented = op.responses.find((r) => r.status === String(answer.status));
        expect(documented?.status, `HTTP ${answer.status}`).toMatch(/^2/);
        const printed = Buffer.from(result.stdout, "latin1");
        const contentType = answer.headers["content-type"];
        if (contentType === undefined) {
          expect(answer.bytes.length).toBe(0);
          expect(result.stdout).toBe("");
        } else if (isJson(contentType)) {
          expect(result.stdout).toMatch(/^[^\n]+\n$/);
          expect(JSON.parse(printed.toString("utf8"))).toEqual(
            JSON.parse(answer.bytes.toString("utf8")),
          );
        } else {
          // Text as it is; anything else its bytes, stdout being a pipe.
          expect(printed.equals(answer.bytes), `${contentType}: ${result.stdout}`).toBe(true);
        }
        for (const name of documented?.headers ?? []) {
          const sent = answer.headers[name.toLowerCase()];
          expect(sent, `the ${name} header the spec declares`).toBeTypeOf("string");
          expect(shownHeader(result.stderr, name)).toBe(sent);
        }
      });
    }

    const broken = calls.flatMap(({ op, call }) => {
      const without = withoutRequiredField(op, call);
      return without ? [{ op, ...without }] : [];
    });
    for (const { op, field, call } of broken) {
      it(`${op.id} --force without its required body field ${field}: the fake's 400, on one line`, async () => {
        const { result, answer } = await callFake(["--force", op.id, ...call.words], call);
        expect(answer.status).toBe(400);
        expect(result.code).toBe(4);
        expect(result.stdout).toBe("");
        const lines = errorLines(result.stderr);
        expect(lines).toHaveLength(1);
        const [line = ""] = lines;
        expect(line).toMatch(
          new RegExp(
            `^onezone-rest-cli: ${op.id} failed with HTTP 400 \\(missingRequiredValue: [^\\n]+\\) details: \\{.*\\}$`,
          ),
        );
        expect(JSON.parse(line.slice(line.indexOf(" details: ") + 10))).toEqual({ key: field });
      });
    }

    it("breaks the body of every operation that requires a field", () => {
      const requiring = calls.filter(({ op }) => requiredFields(op).length > 0);
      expect(broken.map(({ op }) => op.id)).toEqual(requiring.map(({ op }) => op.id));
    });
  });

  describe("a --strict fake", () => {
    let strict: FakeOnezone | undefined;
    beforeAll(async () => {
      strict = await startFakeOnezone({ spec: spec.path, strict: true });
    });
    afterAll(() => strict?.close());

    for (const { op, call } of calls) {
      it(`${op.id}: its state's answer, or 501 notImplemented on one line (exit 5)`, async () => {
        const source = strict?.operations.find((o) => o.id === op.id)?.source;
        const result = await runCli([op.id, ...call.words], env(strict?.baseUrl ?? ""), {
          generated: api.dir,
          stdin: call.stdin,
        });
        if (source === "state") {
          expect(result.code, result.stderr).toBe(0);
          return;
        }
        expect(source).toBe("notImplemented");
        expect(result.code).toBe(5);
        expect(result.stdout).toBe("");
        expect(errorLines(result.stderr)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^onezone-rest-cli: ${op.id} failed with HTTP 501 \\(notImplemented: .+\\)$`,
            ),
          ),
        ]);
      });
    }
  });
});
