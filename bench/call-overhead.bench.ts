// Call overhead: one GET (getNamedTokenStatus) through raw fetch, openapi-fetch directly, our
// client and hey-api's generated SDK, against a node:http server on 127.0.0.1 (in a child
// process, so its CPU is not counted) and against a stubbed fetch that returns a prebuilt
// Response, which leaves only each client's own cost. Each client runs in a process of its own,
// so the garbage one leaves (thousands of live 30-second timers) does not slow the others.
// Run: npm run bench:setup && npm run bench
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createOnezoneClient } from "../src/client.ts";
import { heyApi, PEERS_DIR, requirePeers, version } from "./peers/peers.ts";
import { median, ROOT, table, timeProcess, writeSection } from "./report.ts";

const BODY = JSON.stringify({ revoked: false });
const TOKEN = "bench-token";
const ID = "c26bab23d12f7389c3c311caf9c15902";
const ROUNDS = 7;
const HTTP_CALLS = 2_000;
const STUB_CALLS = 20_000;
const HEY_API_BUNDLE = path.join(
  PEERS_DIR,
  "node_modules/.cache/onezone-bench/hey-api-onezone.mjs",
);

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
type Call = () => Promise<unknown>;
type Mode = "http" | "stub";

interface Client {
  name: string;
  /** Makes the call function for a base URL and a fetch implementation. */
  make: (baseUrl: string, fetch: Fetch) => Call | Promise<Call>;
}

interface Measured {
  callsPerSecond: number;
  cpuMicrosPerCall: number;
}

/** What the main process asks of a client's process, which answers each with a Measured. */
interface Run {
  mode: Mode;
  calls: number;
}

const clients: Client[] = [
  {
    name: "raw fetch",
    make: (baseUrl, fetch) => async () => {
      const response = await fetch(`${baseUrl}/tokens/named/${ID}/status`, {
        headers: { "X-Auth-Token": TOKEN },
      });
      return response.json();
    },
  },
  {
    name: "openapi-fetch directly",
    make: (baseUrl, fetch) => {
      const client = createClient<paths>({ baseUrl, fetch, headers: { "X-Auth-Token": TOKEN } });
      return async () =>
        (await client.GET("/tokens/named/{id}/status", { params: { path: { id: ID } } })).data;
    },
  },
  {
    name: "openapi-fetch, AbortSignal.timeout(30 s) per call",
    make: (baseUrl, fetch) => {
      const client = createClient<paths>({ baseUrl, fetch, headers: { "X-Auth-Token": TOKEN } });
      return async () =>
        (
          await client.GET("/tokens/named/{id}/status", {
            params: { path: { id: ID } },
            signal: AbortSignal.timeout(30_000),
          })
        ).data;
    },
  },
  {
    name: "ours (createOnezoneClient, 30 s timeout)",
    // No `fetch` option, as most users make it: it takes the global one (see runClient).
    make: (baseUrl) => {
      const client = createOnezoneClient({ baseUrl, auth: { token: TOKEN } });
      return () => client.getNamedTokenStatus({ id: ID });
    },
  },
  {
    name: "ours, timeout: false",
    make: (baseUrl) => {
      const client = createOnezoneClient({ baseUrl, auth: { token: TOKEN }, timeout: false });
      return () => client.getNamedTokenStatus({ id: ID });
    },
  },
  {
    name: `hey-api ${version(heyApi)} SDK`,
    make: async (baseUrl, fetch) => {
      const hey = (await import(pathToFileURL(HEY_API_BUNDLE).href)) as HeyApiSdk;
      const client = hey.createClient(hey.createConfig({ baseUrl, fetch, auth: TOKEN }));
      return async () =>
        (await hey.getNamedTokenStatus({ client, path: { id: ID }, throwOnError: true })).data;
    },
  },
];

const role = process.argv[2];
if (role === "--serve") {
  serve();
} else if (role === "--client") {
  await runClient(clients[Number(process.argv[3])] as Client, process.argv[4] as string);
} else {
  requirePeers();
  await main();
}

/** Answers every request with the same small JSON body. */
function serve(): void {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(BODY),
    });
    response.end(BODY);
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    process.send?.(`http://127.0.0.1:${address.port}/api/v3/onezone`);
  });
  process.once("disconnect", () => server.close());
}

/** One client's process: checks both call functions, then runs the loops it is asked for. */
async function runClient(client: Client, baseUrl: string): Promise<void> {
  const stub: Fetch = async () =>
    new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });
  const http = await client.make(baseUrl, fetch);
  // A client made without a `fetch` option takes the global one when it is made: the stub here.
  const real = globalThis.fetch;
  globalThis.fetch = stub;
  const calls: Record<Mode, Call> = {
    http,
    stub: await Promise.resolve(client.make("http://127.0.0.1:9/api/v3/onezone", stub)).finally(
      () => {
        globalThis.fetch = real;
      },
    ),
  };
  for (const call of Object.values(calls)) {
    const data = await call();
    if (JSON.stringify(data) !== BODY) {
      throw new Error(`${client.name} returned ${JSON.stringify(data)}, not ${BODY}`);
    }
  }
  process.on("message", async ({ mode, calls: count }: Run) => {
    process.send?.(await loop(calls[mode], count));
  });
  process.once("disconnect", () => process.exit(0));
  process.send?.("ready");
}

async function main(): Promise<void> {
  await buildHeyApiSdk();
  const children: ChildProcess[] = [];
  try {
    const server = fork(fileURLToPath(import.meta.url), ["--serve"], childOptions());
    children.push(server);
    const baseUrl = String(await reply(server));
    const runners = clients.map((_, i) =>
      fork(fileURLToPath(import.meta.url), ["--client", String(i), baseUrl], childOptions()),
    );
    children.push(...runners);
    for (const [i, runner] of runners.entries()) {
      if ((await reply(runner)) !== "ready") throw new Error(`${clients[i]?.name} did not start`);
    }
    const http = await measureAll(runners, "http", HTTP_CALLS);
    const stubbed = await measureAll(runners, "stub", STUB_CALLS);
    report(http, stubbed);
  } finally {
    await Promise.all(children.map(stop));
  }
}

function childOptions() {
  return { execArgv: [] };
}

/** The child's next message. */
function reply(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a child exited (${code}) first`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message);
    });
  });
}

/** A warm-up, then rounds of `calls` sequential calls per client, clients taking turns; medians. */
async function measureAll(runners: ChildProcess[], mode: Mode, calls: number): Promise<Measured[]> {
  const run = async (runner: ChildProcess, count: number) => {
    runner.send({ mode, calls: count } satisfies Run);
    return (await reply(runner)) as Measured;
  };
  for (const runner of runners) await run(runner, calls / 4);
  const samples = runners.map((): Measured[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, runner] of runners.entries()) samples[i]?.push(await run(runner, calls));
  }
  return samples.map((runs) => ({
    callsPerSecond: median(runs.map((r) => r.callsPerSecond)),
    cpuMicrosPerCall: median(runs.map((r) => r.cpuMicrosPerCall)),
  }));
}

async function loop(call: Call, calls: number): Promise<Measured> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { callsPerSecond: calls / seconds, cpuMicrosPerCall: (used.user + used.system) / calls };
}

function report(http: Measured[], stubbed: Measured[]): void {
  const baseline = clients.findIndex((client) => client.name === "openapi-fetch directly");
  const rows = clients.map((client, i) => {
    const [h, s] = [http[i] as Measured, stubbed[i] as Measured];
    const [hb, sb] = [http[baseline] as Measured, stubbed[baseline] as Measured];
    return [
      client.name,
      Math.round(h.callsPerSecond).toLocaleString("en"),
      h.cpuMicrosPerCall.toFixed(0),
      (h.cpuMicrosPerCall / hb.cpuMicrosPerCall).toFixed(2),
      Math.round(s.callsPerSecond).toLocaleString("en"),
      s.cpuMicrosPerCall.toFixed(1),
      (s.cpuMicrosPerCall / sb.cpuMicrosPerCall).toFixed(2),
    ];
  });
  const result = table(
    [
      "client",
      "HTTP calls/s",
      "HTTP CPU µs/call",
      "× openapi-fetch",
      "stub calls/s",
      "stub CPU µs/call",
      "× openapi-fetch",
    ],
    rows,
  );
  const goal = versusPerCallTimeout(http);
  console.log(`\nCall overhead, one GET, medians of ${ROUNDS} rounds\n${result}\n${goal}`);
  writeSection(
    "call-overhead",
    [
      "## Call overhead",
      "",
      "One `GET /tokens/named/{id}/status` (getNamedTokenStatus), awaited one after another, with",
      "an `X-Auth-Token` header, through: `fetch` itself; openapi-fetch's `client.GET` with the",
      "header in its options, then with a 30-second `AbortSignal.timeout()` per call; our",
      "`createOnezoneClient({ baseUrl, auth: { token } })` (30-second timeout by default; no `fetch`",
      "option, so the stub stands in for the global `fetch` while it is made), then with",
      "`timeout: false`; and the SDK hey-api generates from spec/onezone.yaml (its fetch client,",
      "`auth` set). Each client runs in a Node process of its own (so the garbage one leaves, such",
      "as live 30-second timers, does not slow the others) and takes its turn in each of",
      `${ROUNDS} rounds, after a warm-up; cells are medians of the rounds.`,
      "",
      `- **HTTP**: ${HTTP_CALLS.toLocaleString("en")} calls a round to a node:http server on`,
      "  127.0.0.1 that runs in a child process, so only the client side's CPU is counted",
      "  (`process.cpuUsage()`; undici's included).",
      `- **stub**: ${STUB_CALLS.toLocaleString("en")} calls a round with a \`fetch\` that returns a`,
      "  new `Response` of the same body at once: what is left is each client's own cost.",
      "",
      "`ours, timeout: false` against `openapi-fetch directly` is our client's own cost (path",
      "checks, the wrapper, error mapping). `openapi-fetch, AbortSignal.timeout(30 s)` against",
      "`openapi-fetch directly` is what one abort signal per call costs: a timer, and undici's",
      "listener and finalizer on the request that follows it. Our client pays the same: each call",
      "gets an `AbortSignal.timeout()` of its own (joined to the caller's signal with",
      "`AbortSignal.any()` when there is one), handed to openapi-fetch as `signal`, so the",
      "`Request` it makes carries it (src/call.ts). `ours` is held to within 5% of the",
      "`AbortSignal.timeout` row over HTTP.",
      "",
      result,
      "",
      goal,
    ].join("\n"),
  );
}

/** Our default client against openapi-fetch with its own per-call timeout, over HTTP: the 5% goal. */
function versusPerCallTimeout(http: Measured[]): string {
  const at = (prefix: string) => http[clients.findIndex(({ name }) => name.startsWith(prefix))];
  const ours = at("ours (") as Measured;
  const theirs = at("openapi-fetch, AbortSignal.timeout") as Measured;
  const calls = ours.callsPerSecond / theirs.callsPerSecond;
  const cpu = ours.cpuMicrosPerCall / theirs.cpuMicrosPerCall;
  const percent = (ratio: number) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`;
  const met = calls >= 1 / 1.05 && cpu <= 1.05 ? "met" : "NOT met";
  return [
    "Over HTTP, ours against openapi-fetch with a per-call `AbortSignal.timeout`:",
    `calls/s ${percent(calls)}, CPU per call ${percent(cpu)} (goal: within 5%; ${met}).`,
  ].join(" ");
}

interface HeyApiSdk {
  createClient: (config: unknown) => unknown;
  createConfig: (options: Record<string, unknown>) => unknown;
  getNamedTokenStatus: (options: Record<string, unknown>) => Promise<{ data: unknown }>;
}

/** hey-api's SDK for spec/onezone.yaml, generated into bench/peers and bundled by esbuild. */
async function buildHeyApiSdk(): Promise<void> {
  const dir = path.dirname(HEY_API_BUNDLE);
  const sources = path.join(dir, "hey-api-onezone");
  rmSync(sources, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = path.join(ROOT, "spec/onezone.yaml");
  const generated = timeProcess(process.execPath, [
    heyApi.bin,
    ...["-i", spec, "-o", sources, "-c", "@hey-api/client-fetch", "--no-log-file", "-s"],
  ]);
  if (generated.status !== 0) throw new Error(`hey-api failed: ${generated.stderr}`);
  await build({
    stdin: {
      contents: [
        `export { getNamedTokenStatus } from "./sdk.gen.ts";`,
        `export { createClient, createConfig } from "./client/index.ts";`,
      ].join("\n"),
      resolveDir: sources,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: HEY_API_BUNDLE,
    logLevel: "warning",
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.disconnect();
  });
}
