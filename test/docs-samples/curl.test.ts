import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, startFakeOnezone } from "../../src/fake/index.ts";
import { violations } from "../fake/support/conformance.ts";
import { loadSpec, type Spec, type SpecOperation } from "../fake/support/spec.ts";

// Runs every cURL sample of the spec, as written, with the real curl against the fake, and checks
// that the fake answers what the spec documents for that operation.
const run = promisify(execFile);
const { user } = defaultSeedValues;
const META = "--curl-meta--";

/** Wraps curl so each sample also reports what it sent and got, without changing its text. */
const CURL_WRAPPER = `curl() { command curl --silent --show-error --write-out '\\n${META}\\n%{method} %{url_effective}\\n%{http_code} %{content_type}' "$@"; }`;

interface Sample {
  operation: SpecOperation;
  source: string;
}

const spec: Spec = await loadSpec();
const samples: Sample[] = spec.operations.flatMap((operation) =>
  ((operation.node["x-codeSamples"] as { label?: string; source: string }[] | undefined) ?? [])
    .filter((sample) => sample.label === "cURL")
    .map((sample) => ({ operation, source: sample.source })),
);

/** What the spec says the sample should print: the cURL output example, else the 2xx example. */
function documentedResult(operation: SpecOperation): { status: number; body: unknown } {
  const responses = operation.node.responses as Record<string, Record<string, unknown>>;
  const [status, response] = Object.entries(responses).find(([code]) => code.startsWith("2")) ?? [];
  if (status === undefined || response === undefined) {
    throw new Error(`${operation.id} documents no 2xx response.`);
  }
  const content = response.content as
    | Record<string, { examples?: Record<string, { value: unknown }> }>
    | undefined;
  if (content === undefined) return { status: Number(status), body: undefined };
  const examples = Object.values(content)[0]?.examples ?? {};
  const example = examples.curlOutput ?? Object.values(examples)[0];
  if (example === undefined) throw new Error(`${operation.id} ${status} has no example.`);
  return { status: Number(status), body: example.value };
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

describe("cURL samples in spec/onezone.yaml", () => {
  it("exist", () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((sample) => [sample.operation.id, sample] as const))(
    "%s: the sample prints the documented response",
    async (_, { operation, source }) => {
      // A fresh fake per sample: revoking changes its state.
      const fake = await startFakeOnezone();
      try {
        const command = source
          .replaceAll("https://", "http://")
          .replaceAll("-u username:password", `-u ${user.username}:${user.password}`);
        const { stdout, stderr } = await run("bash", ["-c", `${CURL_WRAPPER}\n${command}`], {
          env: {
            ...process.env,
            HOST: new URL(fake.url).host,
            TOKEN: user.temporaryToken,
            USER_ID: user.id,
            TOKEN_ID: user.namedTokenId,
          },
        });
        expect(stderr).toBe("");
        const [body = "", meta = ""] = stdout.split(`\n${META}\n`);
        const [request = "", reply = ""] = meta.split("\n");
        const [method = "", url = ""] = request.split(" ");
        const [status = "", contentType = ""] = reply.split(" ");

        expect(spec.route(method, new URL(url).pathname)).toBe(operation);
        const record = { method, url, status: Number(status), contentType, body };
        expect(violations(spec, record)).toEqual([]);
        const want = documentedResult(operation);
        expect({
          status: Number(status),
          body: body === "" ? undefined : JSON.parse(body),
        }).toEqual(want);
      } finally {
        await fake.close();
      }
    },
  );
});
