// Load on the fake Onezone serving the growth fixture: its stateful GET operations, and each
// operation it answers from the spec (a valid request built from the spec, body and all), at 50
// connections for 3 s, three runs each. The fake runs in a child process so the load generator
// does not share its event loop.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import fc from "fast-check";
import { Hono } from "hono";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../src/fake/index.ts";
import { fetchArgs, requestOf } from "../test/fake/support/requests.ts";
import { loadSpec } from "../test/fake/support/spec.ts";
import { ROOT, table, writeSection } from "./report.ts";

const CONNECTIONS = 50;
const DURATION_SECONDS = 3;
const RUNS = 3;
const SPEC = `${ROOT}test/fixtures/growth/openapi.yaml`;
const { user } = defaultSeedValues;
const credential = { "X-Auth-Token": user.namedToken };

/** The stateful operations' requests: the seed's user, so that each answers 200. */
const stateful: [string, string][] = [
  ["getTemporaryTokenGenerationOfUser", `/users/${user.id}/tokens/temporary`],
  ["listClientTokens", "/user/client_tokens"],
  ["getNamedTokenStatus", `/tokens/named/${user.namedTokenId}/status`],
];

interface Target {
  id: string;
  source: "state" | "spec" | "-";
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Served {
  baseUrl: string;
  operations: FakeOnezone["operations"];
  /** A bare Hono app answering a small JSON body: what the machine allows any Hono server. */
  bareUrl: string;
}

if (process.argv.includes("--serve")) {
  const fake = await startFakeOnezone({ spec: SPEC });
  const bare = new Hono().get("/", (c) => c.json({ generation: 3 }));
  const server = serve({ fetch: bare.fetch, hostname: "127.0.0.1", port: 0 });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const served: Served = {
    baseUrl: fake.baseUrl,
    operations: fake.operations,
    bareUrl: `http://127.0.0.1:${port}/`,
  };
  process.send?.(served);
  // Asked before and after each run: the server's own CPU time, which the load generator and
  // whatever else runs on the machine do not count in.
  process.on("message", () => {
    const { user, system } = process.cpuUsage();
    process.send?.(user + system);
  });
  process.once("disconnect", () => {
    server.close();
    void fake.close();
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const server = fork(fileURLToPath(import.meta.url), ["--serve"]);
  try {
    const { baseUrl, operations, bareUrl } = await new Promise<Served>((resolve, reject) => {
      server.once("message", (message) => resolve(message as Served));
      server.once("exit", (code) => reject(new Error(`the fake exited (${code}) before starting`)));
    });
    const targets: Target[] = [
      { id: "(bare Hono, for reference)", source: "-", method: "GET", url: bareUrl, headers: {} },
      ...stateful.map(
        ([id, path]): Target => ({
          id,
          source: "state",
          method: "GET",
          url: `${baseUrl}${path}`,
          headers: credential,
        }),
      ),
      ...(await specTargets(
        baseUrl,
        operations.filter((o) => o.source === "spec").map((o) => o.id),
      )),
    ];
    const cpuMicros = () =>
      new Promise<number>((resolve) => {
        server.once("message", (micros) => resolve(Number(micros)));
        server.send("cpu");
      });
    const rows: string[][] = [];
    for (const target of targets) {
      const runs: { rate: number; cpuPerRequest: number }[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const before = await cpuMicros();
        const { rate, requests } = await load(target);
        runs.push({ rate, cpuPerRequest: ((await cpuMicros()) - before) / requests });
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[1] ?? 0;
      const cpu = median(runs.map((r) => r.cpuPerRequest));
      rows.push([
        target.id,
        target.method,
        target.source,
        String(Math.round(median(runs.map((r) => r.rate)))),
        runs.map((r) => Math.round(r.rate)).join(", "),
        cpu.toFixed(1),
        String(Math.round(1e6 / cpu)),
      ]);
    }
    const result = table(
      [
        "operation",
        "method",
        "answered from",
        "req/s (median)",
        "runs",
        "server CPU µs/req",
        "req/s per core",
      ],
      rows,
    );
    console.log(
      `\nfake Onezone on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run\n${result}`,
    );
    writeSection(
      "fake-load",
      [
        "## Fake Onezone under load",
        "",
        `autocannon, ${CONNECTIONS} connections for ${DURATION_SECONDS} s, ${RUNS} runs per operation, against`,
        "`startFakeOnezone({ spec: test/fixtures/growth/openapi.yaml })` in a process of its own on",
        "127.0.0.1, with a named token; every response must be a 2xx. `state`: a stateful handler;",
        "`spec`: the spec's answer after checking the request (parameters, and the body by media",
        "type), with one valid request per operation built from the spec. The first row is a bare Hono",
        "app answering a small JSON body from the same process: the ceiling of any Hono server on the",
        "machine at the time. `req/s` columns are requests per second at the load generator; the server",
        "CPU time per request (median run, the fake's process only) gives `req/s per core`, what one",
        "core given to the fake alone would serve, which the load on a shared machine does not change.",
        "",
        result,
      ].join("\n"),
    );
  } finally {
    await stop(server);
  }
}

/** One valid request per operation answered from the spec, the same on every run. */
async function specTargets(baseUrl: string, ids: string[]): Promise<Target[]> {
  const spec = await loadSpec(SPEC);
  const targets: Target[] = [];
  for (const operation of spec.operations.filter((o) => ids.includes(o.id))) {
    const [request] = fc.sample(requestOf(spec, operation), { seed: 1, numRuns: 1 });
    if (request === undefined) continue;
    // Through Request, so that a form body is encoded (and its boundary chosen) once.
    const sent = new Request(...fetchArgs(baseUrl, request, credential));
    const body = Buffer.from(await sent.arrayBuffer());
    targets.push({
      id: operation.id,
      source: "spec",
      method: sent.method,
      url: sent.url,
      headers: Object.fromEntries(sent.headers),
      ...(body.length > 0 ? { body } : {}),
    });
  }
  return targets;
}

/** One bounded run; throws unless every response was a 2xx. */
async function load({ id, method, url, headers, body }: Target) {
  const result = await autocannon({
    url,
    method: method as autocannon.Request["method"],
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
    ...(body ? { body } : {}),
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${id}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses.`,
    );
  }
  return { rate: result.requests.average, requests: result.requests.total };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.disconnect();
  });
}
