#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { banner } from "./banner.ts";
import { type FakeSeed, parseSeed, SeedError, SpecLoadError, startFakeOnezone } from "./index.ts";

const USAGE = `Usage: onezone-fake [--port <port>] [--seed <file.json>] [--spec <file>] [--strict]

Serves a fake Onezone REST API (/api/v3/onezone) on 127.0.0.1 for local development and tests:
every operation of the spec, the token operations from state, the others from the spec.

Options:
  --port <port>       Port to listen on (default 8080; 0 picks a free one).
  --seed <file.json>  Users, providers and tokens to start from (default: the built-in seed).
  --spec <file>       The OpenAPI spec to serve, YAML or JSON (default: the package's own).
  --strict            Answer 501 notImplemented for operations the fake keeps no state for,
                      instead of the spec's example answer.
  -h, --help          Show this help.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "8080" },
      seed: { type: "string" },
      spec: { type: "string" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = parsePort(values.port);
  const seed = values.seed === undefined ? undefined : await readSeed(values.seed);
  const fake = await startFakeOnezone({
    port,
    ...(seed ? { seed } : {}),
    ...(values.spec === undefined ? {} : { spec: values.spec }),
    strict: values.strict,
    log: (line) => console.log(line),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      throw new UsageError(
        `port ${port} on 127.0.0.1 is in use; pass another with --port (0 picks a free one).`,
      );
    }
    if (error instanceof SpecLoadError) throw new UsageError(`--spec ${error.message}`);
    throw error;
  });
  console.log(banner(fake));

  const stop = (signal: NodeJS.Signals) => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    console.log(`Received ${signal}; stopping.`);
    fake.close().then(
      () => console.log("Stopped."),
      (error: unknown) => fail(error),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

async function readSeed(file: string): Promise<FakeSeed> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `--seed ${file} cannot be read (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--seed ${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseSeed(json);
  } catch (error) {
    if (error instanceof SeedError) throw new UsageError(`--seed ${file}: ${error.message}`);
    throw error;
  }
}

function fail(error: unknown): void {
  const isUsage =
    error instanceof UsageError || (error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS");
  const message = error instanceof Error ? error.message : String(error);
  console.error(`onezone-fake: ${message}`);
  if (isUsage) console.error("Run onezone-fake --help for usage.");
  process.exitCode = isUsage ? 2 : 1;
}

main(process.argv.slice(2)).catch(fail);
