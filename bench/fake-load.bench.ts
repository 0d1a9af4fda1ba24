// Load on the fake Onezone: each GET operation at 50 connections for 3 s, three runs each.
// The fake runs in a child process so the load generator does not share its event loop.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { defaultSeedValues, startFakeOnezone } from "../src/fake/index.ts";
import { table, writeSection } from "./report.ts";

const CONNECTIONS = 50;
const DURATION_SECONDS = 3;
const RUNS = 3;
const { user } = defaultSeedValues;

const operations: [string, string][] = [
  ["getTemporaryTokenGenerationOfUser", `/users/${user.id}/tokens/temporary`],
  ["listClientTokens", "/user/client_tokens"],
  ["getNamedTokenStatus", `/tokens/named/${user.namedTokenId}/status`],
];

if (process.argv.includes("--serve")) {
  const fake = await startFakeOnezone();
  process.send?.(fake.baseUrl);
  process.once("disconnect", () => void fake.close());
} else {
  await main();
}

async function main(): Promise<void> {
  const server = fork(fileURLToPath(import.meta.url), ["--serve"]);
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      server.once("message", (url) => resolve(String(url)));
      server.once("exit", (code) => reject(new Error(`the fake exited (${code}) before starting`)));
    });
    const rows: string[][] = [];
    for (const [id, path] of operations) {
      const rates: number[] = [];
      for (let run = 0; run < RUNS; run += 1) rates.push(await load(`${baseUrl}${path}`, id));
      rates.sort((a, b) => a - b);
      rows.push([id, String(Math.round(rates[1] ?? 0)), rates.map(Math.round).join(", ")]);
    }
    const result = table(["operation (GET)", "req/s (median)", "runs"], rows);
    console.log(
      `\nfake Onezone on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run\n${result}`,
    );
    writeSection(
      "fake-load",
      [
        "## Fake Onezone under load",
        "",
        `autocannon, ${CONNECTIONS} connections for ${DURATION_SECONDS} s, ${RUNS} runs per operation, against`,
        "`startFakeOnezone()` in a process of its own on 127.0.0.1, with a named token; every",
        "response must be a 2xx. Cells are requests per second.",
        "",
        result,
      ].join("\n"),
    );
  } finally {
    await stop(server);
  }
}

/** One bounded run; throws unless every response was a 2xx. */
async function load(url: string, id: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: { "X-Auth-Token": user.namedToken },
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${id}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses.`,
    );
  }
  return result.requests.average;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.disconnect();
  });
}
