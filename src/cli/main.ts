#!/usr/bin/env node
// The onezone-rest-cli bin: runs one command with the process's arguments, streams and environment.
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 80,
});
