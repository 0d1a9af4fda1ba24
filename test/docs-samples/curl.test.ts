// Runs every cURL sample of each spec of SPECS, as written, with the real curl: against a recording
// server, checking that the request it sends is one its operation takes (method, path, required
// parameters, a body of a declared media type that its schema accepts); and, for the project's
// spec, against the fake, checking that it prints the response the spec documents.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, startFakeOnezone } from "../../src/fake/index.ts";
import { violations } from "../fake/support/conformance.ts";
import { loadSpec, PROJECT_SPEC, type Spec, type SpecOperation } from "../fake/support/spec.ts";
import { startRecordingServer } from "../helpers/recording-server.ts";
import { SPECS } from "../helpers/specs.ts";
import { requestProblems } from "./request-problems.ts";

const run = promisify(execFile);
const { user } = defaultSeedValues;
const META = "--curl-meta--";

/** Wraps curl so each sample also reports what it sent and got, without changing its text. */
const CURL_WRAPPER = `curl() { command curl --silent --show-error --write-out '\\n${META}\\n%{method} %{url_effective}\\n%{http_code} %{content_type}' "$@"; }`;

type Node = Record<string, unknown>;

interface Sample {
  operation: SpecOperation;
  source: string;
}

const { readSample, commandName, parseCurl } = (await import(
  new URL("../../lint/lib/shell.js", import.meta.url).href
)) as {
  readSample: (text: string) => { commands: { words: string[] }[] };
  commandName: (words: string[]) => { name?: string; args: string[] };
  parseCurl: (args: string[]) => {
    bodies: { option: string; value: string }[];
    forms: { option: string; value: string }[];
  };
};

function curlSamples(spec: Spec): Sample[] {
  return spec.operations.flatMap((operation) =>
    ((operation.node["x-codeSamples"] as { label?: string; source: string }[] | undefined) ?? [])
      .filter((sample) => sample.label === "cURL")
      .map((sample) => ({ operation, source: sample.source })),
  );
}

/** Runs a sample with bash in `cwd`, curl wrapped; what curl sent and got, from its write-out. */
async function runSample(source: string, env: Record<string, string>, cwd: string) {
  const command = source.replaceAll("https://", "http://");
  const { stdout, stderr } = await run("bash", ["-c", `${CURL_WRAPPER}\n${command}`], {
    cwd,
    env: { ...process.env, ...env },
  });
  const [body = "", meta = ""] = stdout.split(`\n${META}\n`);
  const [request = "", reply = ""] = meta.split("\n");
  const [method = "", url = ""] = request.split(" ");
  const [status = "", contentType = ""] = reply.split(" ");
  return { stderr, body, method, url, status: Number(status), contentType };
}

/** The first 2xx response the operation documents, with its status. */
function successOf(operation: SpecOperation): { status: number; response: Node } {
  const responses = operation.node.responses as Record<string, Node>;
  const [status, response] = Object.entries(responses).find(([code]) => code.startsWith("2")) ?? [];
  if (status === undefined || response === undefined) {
    throw new Error(`${operation.id} documents no 2xx response.`);
  }
  return { status: Number(status), response };
}

/** What the spec says the sample should print: the cURL output example, else the 2xx example. */
function documentedResult(operation: SpecOperation): { status: number; body: unknown } {
  const { status, response } = successOf(operation);
  const content = response.content as
    | Record<string, { examples?: Record<string, { value: unknown }> }>
    | undefined;
  if (content === undefined) return { status, body: undefined };
  const examples = Object.values(content)[0]?.examples ?? {};
  const example = examples.curlOutput ?? Object.values(examples)[0];
  if (example === undefined) throw new Error(`${operation.id} ${status} has no example.`);
  return { status, body: example.value };
}

beforeAll(() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "curl is not installed; run `bash tools/system-deps.sh` (npm test does) first.",
    );
  }
});

const projectSamples = curlSamples(await loadSpec(PROJECT_SPEC));

describe("cURL samples of spec/onezone.yaml, against the fake", () => {
  it("exist", () => {
    expect(projectSamples.length).toBeGreaterThan(0);
  });

  it.each(projectSamples.map((sample) => [sample.operation.id, sample] as const))(
    "%s: the sample prints the documented response",
    async (_, { operation, source }) => {
      const spec = await loadSpec(PROJECT_SPEC);
      // A fresh fake per sample: revoking changes its state.
      const fake = await startFakeOnezone();
      const cwd = mkdtempSync(path.join(os.tmpdir(), "onezone-curl-sample-"));
      try {
        const result = await runSample(
          source.replaceAll("-u username:password", `-u ${user.username}:${user.password}`),
          {
            HOST: new URL(fake.url).host,
            TOKEN: user.temporaryToken,
            USER_ID: user.id,
            TOKEN_ID: user.namedTokenId,
          },
          cwd,
        );
        expect(result.stderr).toBe("");
        expect(spec.route(result.method, new URL(result.url).pathname)).toBe(operation);
        expect(violations(spec, result)).toEqual([]);
        expect({
          status: result.status,
          body: result.body === "" ? undefined : JSON.parse(result.body),
        }).toEqual(documentedResult(operation));
      } finally {
        await fake.close();
        rmSync(cwd, { recursive: true, force: true });
      }
    },
  );
});

/** The documented 2xx answer, as the recording server gives it. */
function documentedReply(operation: SpecOperation) {
  const { status, response } = successOf(operation);
  const headers = Object.fromEntries(
    Object.entries((response.headers ?? {}) as Record<string, Node>).map(([name, header]) => [
      name,
      String(header.example ?? (header.schema as Node | undefined)?.example ?? "example"),
    ]),
  );
  const [contentType, media] =
    Object.entries((response.content ?? {}) as Record<string, Node>)[0] ?? [];
  if (contentType === undefined || media === undefined) return { status, headers };
  const example =
    media.example ?? Object.values((media.examples ?? {}) as Record<string, Node>)[0]?.value;
  const body = /json/.test(contentType)
    ? JSON.stringify(example)
    : typeof example === "string"
      ? example
      : new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { status, headers, contentType, body };
}

/** The files a sample's curl commands read (`-F name=@file`, `-d @file`): made in `cwd`. */
function makeInputFiles(source: string, cwd: string): void {
  for (const { words } of readSample(source).commands) {
    const { name, args } = commandName(words);
    if (name?.split("/").at(-1) !== "curl") continue;
    const { bodies, forms } = parseCurl(args);
    const files = [
      ...forms.map((f) => /^[^=]+=[@<]([^;]+)/.exec(f.value)?.[1]),
      ...bodies.map((b) => /^@(.+)$/.exec(b.value)?.[1]),
    ];
    for (const file of files) {
      if (file === undefined || file.includes("$")) continue;
      const target = path.resolve(cwd, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, `sample input ${file}\n`);
    }
  }
}

/** A value for each `$PLACEHOLDER` of a sample: the server's host for HOST, a made-up one else. */
function placeholders(source: string, host: string): Record<string, string> {
  const names = [...source.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1] ?? "");
  return Object.fromEntries(
    names.map((name) => [
      name,
      name === "HOST" ? host : `${name.toLowerCase().replaceAll("_", "-")}-1`,
    ]),
  );
}

const suites = await Promise.all(
  SPECS.map(async (spec) => ({ ...spec, samples: curlSamples(await loadSpec(spec.path)) })),
);

describe.each(suites)("cURL samples of $name, against a recording server", (suite) => {
  let cwd: string | undefined;

  afterEach(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("exist", () => {
    expect(suite.samples.length).toBeGreaterThan(0);
  });

  it.each(suite.samples.map((sample) => [sample.operation.id, sample] as const))(
    "%s: the sample sends a request the operation takes, and gets its documented answer",
    async (_, { operation, source }) => {
      const spec = await loadSpec(suite.path);
      const server = await startRecordingServer(spec.basePath);
      cwd = mkdtempSync(path.join(os.tmpdir(), "onezone-curl-sample-"));
      try {
        const reply = documentedReply(operation);
        server.reply(reply);
        makeInputFiles(source, cwd);
        const result = await runSample(
          source,
          placeholders(source, new URL(server.baseUrl).host),
          cwd,
        );
        expect(result.stderr).toBe("");
        expect(server.requests.length).toBeGreaterThan(0);
        for (const request of server.requests) {
          const pathname = new URL(request.target, "http://host").pathname;
          expect(spec.route(request.method, pathname), `${request.method} ${pathname}`).toBe(
            operation,
          );
          expect(await requestProblems(operation, request)).toEqual([]);
        }
        expect(result.status).toBe(reply.status);
      } finally {
        await server.close();
      }
    },
  );
});
