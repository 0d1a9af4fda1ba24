#!/usr/bin/env node
// The onezone-rest-cli bin: runs one command with the process's arguments, streams and environment.
import { processIo } from "./process-io.ts";
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
