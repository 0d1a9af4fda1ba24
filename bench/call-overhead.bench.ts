// Call overhead: one GET (getNamedTokenStatus) through raw fetch, openapi-fetch directly, our
// client and hey-api's generated SDK, against a node:http server on 127.0.0.1 (in a child
// process, so its CPU is not counted) and against a stubbed fetch that returns a prebuilt
// Response, which leaves only each client's own cost. Run: npm run bench:setup && npm run bench
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createOnezoneClient } from "../src/client.js";
import { heyApi, PEERS_DIR, requirePeers, version } from "./peers/peers.js";
import { median, ROOT, table, timeProcess, writeSection } from "./report.js";

const BODY = JSON.stringify({ revoked: false });
const TOKEN = "bench-token";
const ID = "c26bab23d12f7389c3c311caf9c15902";
const ROUNDS = 5;
const HTTP_CALLS = 2_000;
const STUB_CALLS = 20_000;

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
type Call = () => Promise<unknown>;

interface Client {
  name: string;
  /** Makes the call function for a base URL and a fetch implementation. */
  make: (baseUrl: string, fetch: Fetch) => Call;
}

if (process.argv.includes("--serve")) {
  serve();
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

async function main(): Promise<void> {
  const hey = await heyApiSdk();
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
      make: (baseUrl, fetch) => {
        const client = createOnezoneClient({ baseUrl, fetch, auth: { token: TOKEN } });
        return () => client.getNamedTokenStatus({ id: ID });
      },
    },
    {
      name: "ours, timeout: false",
      make: (baseUrl, fetch) => {
        const client = createOnezoneClient({
          baseUrl,
          fetch,
          auth: { token: TOKEN },
          timeout: false,
        });
        return () => client.getNamedTokenStatus({ id: ID });
      },
    },
    {
      name: `hey-api ${version(heyApi)} SDK`,
      make: (baseUrl, fetch) => {
        const client = hey.createClient(hey.createConfig({ baseUrl, fetch, auth: TOKEN }));
        return async () =>
          (await hey.getNamedTokenStatus({ client, path: { id: ID }, throwOnError: true })).data;
      },
    },
  ];

  const server = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx"],
  });
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      server.once("message", (url) => resolve(String(url)));
      server.once("exit", (code) => reject(new Error(`the server exited (${code}) first`)));
    });
    const stub: Fetch = async () =>
      new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });
    const http = await measureAll(clients, (client) => client.make(baseUrl, fetch), HTTP_CALLS);
    const stubbed = await measureAll(
      clients,
      (client) => client.make("http://127.0.0.1:9/api/v3/onezone", stub),
      STUB_CALLS,
    );
    report(clients, http, stubbed);
  } finally {
    await stop(server);
  }
}

interface Measured {
  callsPerSecond: number;
  cpuMicrosPerCall: number;
}

/** Rounds of `calls` sequential calls per client, clients taking turns; medians per client. */
async function measureAll(
  clients: Client[],
  callFor: (client: Client) => Call,
  calls: number,
): Promise<Measured[]> {
  const callsOf = clients.map(callFor);
  for (const [i, call] of callsOf.entries()) {
    const data = await call();
    if (JSON.stringify(data) !== BODY) {
      throw new Error(`${clients[i]?.name} returned ${JSON.stringify(data)}, not ${BODY}`);
    }
    await loop(call, calls / 4);
  }
  const samples = clients.map((): Measured[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, call] of callsOf.entries()) samples[i]?.push(await loop(call, calls));
  }
  return samples.map((runs) => ({
    callsPerSecond: median(runs.map((run) => run.callsPerSecond)),
    cpuMicrosPerCall: median(runs.map((run) => run.cpuMicrosPerCall)),
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

function report(clients: Client[], http: Measured[], stubbed: Measured[]): void {
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
  console.log(`\nCall overhead, one GET, medians of ${ROUNDS} rounds\n${result}`);
  writeSection(
    "call-overhead",
    [
      "## Call overhead",
      "",
      "One `GET /tokens/named/{id}/status` (getNamedTokenStatus), awaited one after another, with",
      "an `X-Auth-Token` header, through: `fetch` itself; openapi-fetch's `client.GET` with the",
      "header in its options, then with a 30-second `AbortSignal.timeout()` per call (what our client",
      "does by default); our `createOnezoneClient({ baseUrl, auth: { token } })`, then with",
      "`timeout: false`; and the SDK hey-api generates from spec/onezone.yaml (its fetch client,",
      "`auth` set). Each client takes",
      `its turn in each of ${ROUNDS} rounds, after a warm-up; cells are medians of the rounds.`,
      "",
      `- **HTTP**: ${HTTP_CALLS.toLocaleString("en")} calls a round to a node:http server on`,
      "  127.0.0.1 that runs in a child process, so only the client side's CPU is counted",
      "  (`process.cpuUsage()`; undici's included).",
      `- **stub**: ${STUB_CALLS.toLocaleString("en")} calls a round with a \`fetch\` that returns a`,
      "  new `Response` of the same body at once: what is left is each client's own cost.",
      "",
      "`ours, timeout: false` against `openapi-fetch directly` is our client's own cost (path",
      "checks, the wrapper, error mapping). `openapi-fetch, AbortSignal.timeout(30 s)` against",
      "`openapi-fetch directly` is what making a request abortable costs (undici follows the",
      "request's signal with a listener and a finalizer of its own), which our client pays for its",
      "default 30-second timeout.",
      "",
      result,
    ].join("\n"),
  );
}

interface HeyApiSdk {
  createClient: (config: unknown) => unknown;
  createConfig: (options: Record<string, unknown>) => unknown;
  getNamedTokenStatus: (options: Record<string, unknown>) => Promise<{ data: unknown }>;
}

/** hey-api's SDK for spec/onezone.yaml, generated into bench/peers and bundled by esbuild. */
async function heyApiSdk(): Promise<HeyApiSdk> {
  const dir = path.join(PEERS_DIR, "node_modules/.cache/onezone-bench");
  const sources = path.join(dir, "hey-api-onezone");
  rmSync(sources, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = path.join(ROOT, "spec/onezone.yaml");
  const generated = timeProcess(process.execPath, [
    heyApi.bin,
    ...["-i", spec, "-o", sources, "-c", "@hey-api/client-fetch", "--no-log-file", "-s"],
  ]);
  if (generated.status !== 0) throw new Error(`hey-api failed: ${generated.stderr}`);
  const outfile = path.join(dir, "hey-api-onezone.mjs");
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
    outfile,
    logLevel: "warning",
  });
  return (await import(pathToFileURL(outfile).href)) as HeyApiSdk;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.disconnect();
  });
}
