// One run of onezone-rest-cli: parse, check, send (or show), print; returns the exit code.
import { OnezoneError, OnezoneNetworkError, OnezoneUsageError } from "../errors.ts";
import { parseInvocation } from "./args.ts";
import { completionScript } from "./completion.ts";
import { type Environment, resolveConnection } from "./connection.ts";
import { ExitCode, exitCodeForStatus } from "./exit-codes.ts";
import { mainHelp, operationHelp, USAGE } from "./help.ts";
import { findOperation } from "./operations.ts";
import { formatBody } from "./output.ts";
import { planRequest } from "./request.ts";

export interface CliIo {
  env: Environment;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal: JSON is then indented and help is wrapped to `columns`. */
  stdoutIsTty: boolean;
  columns: number;
}

const NAME = "onezone-rest-cli";

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runOrThrow(argv, io);
  } catch (error) {
    io.stderr(`${NAME}: ${describe(error)}\n`);
    return exitCodeFor(error);
  }
}

async function runOrThrow(argv: string[], io: CliIo): Promise<number> {
  const invocation = parseInvocation(argv);
  const { command } = invocation;
  if (command === undefined) {
    if (!invocation.help) {
      throw new OnezoneUsageError(`No operation given. ${USAGE}; see ${NAME} --help.`);
    }
    io.stdout(mainHelp());
    return ExitCode.ok;
  }
  if (command === "completion") {
    io.stdout(completionScript(invocation.words[0]));
    return ExitCode.ok;
  }
  const op = findOperation(command);
  if (invocation.help) {
    const { markdownRenderer } = await import("./markdown.ts");
    io.stdout(operationHelp(op, await markdownRenderer(Math.min(io.columns, 100))));
    return ExitCode.ok;
  }
  if (op.requestBody?.required) {
    throw new OnezoneUsageError(`${op.id} needs a request body, which ${NAME} cannot send yet.`);
  }
  const plan = planRequest(op, invocation.words);
  const connection = resolveConnection(invocation, io.env, plan.headers);
  if (op.deprecated) {
    io.stderr(`${NAME}: warning: ${op.id} is deprecated and may be removed from Onezone.\n`);
  }
  const trace = invocation.verbose ? (line: string) => io.stderr(`${line}\n`) : undefined;
  if (invocation.dryRun) {
    const { curlCommand, requestLines } = await import("./curl.ts");
    const { plannedRequest } = await import("./dry-run.ts");
    const request = plannedRequest(op, plan, connection);
    if (trace) for (const line of requestLines(request)) trace(line);
    io.stdout(`${curlCommand(request)}\n`);
    return ExitCode.ok;
  }
  const { connect, send } = await import("./send.ts");
  const body = await send(connect(connection, trace), op, plan, connection.headers);
  if (body !== undefined) io.stdout(`${formatBody(body, io.stdoutIsTty && !invocation.compact)}\n`);
  return ExitCode.ok;
}

/** One line: the client's errors carry the status, the Onedata error id and its description. */
function describe(error: unknown): string {
  if (error instanceof OnezoneNetworkError) {
    const root = rootCause(error);
    return root === error ? error.message : `${error.message}: ${root.message}`;
  }
  if (error instanceof OnezoneError) {
    const details = error.error?.details;
    return details ? `${error.message} details: ${JSON.stringify(details)}` : error.message;
  }
  if (error instanceof OnezoneUsageError) return error.message;
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

/** fetch wraps the socket's error (e.g. "connect ECONNREFUSED 127.0.0.1:9") in "fetch failed". */
function rootCause(error: Error): Error {
  let current = error;
  for (let depth = 0; current.cause instanceof Error && depth < 8; depth++) current = current.cause;
  return current;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof OnezoneUsageError) return ExitCode.usage;
  if (error instanceof OnezoneNetworkError) return ExitCode.network;
  if (error instanceof OnezoneError) return exitCodeForStatus(error.status);
  return ExitCode.failure;
}
