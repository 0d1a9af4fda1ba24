// One run of onezone-rest-cli: parse, check, send (or show), print; returns the exit code.
import { OnezoneError, OnezoneNetworkError, OnezoneUsageError } from "../errors.ts";
import { type Invocation, parseInvocation } from "./args.ts";
import { assertFilesExist, type BodyPlan } from "./body.ts";
import { completionScript } from "./completion.ts";
import { type Environment, resolveConnection } from "./connection.ts";
import { ExitCode, exitCodeForStatus } from "./exit-codes.ts";
import { type CliGenerated, GENERATED } from "./generated.ts";
import { mainHelp, operationHelp, USAGE } from "./help.ts";
import { type CliCommand, findOperation } from "./operations.ts";
import { answerOutput, binaryAnswers, binaryRefusal } from "./output.ts";
import { planRequest } from "./request.ts";

export interface CliIo {
  env: Environment;
  stdout: (chunk: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Standard input, read whole; only for a lone `-` (the body). */
  readStdin: () => Promise<Uint8Array>;
  /** True when stdout is a terminal: JSON is then indented, help wrapped to `columns`, and binary refused. */
  stdoutIsTty: boolean;
  columns: number;
}

const NAME = "onezone-rest-cli";

/** Runs one command on the project's generated code, or on another spec's (`generated`). */
export async function run(argv: string[], io: CliIo, generated = GENERATED): Promise<number> {
  try {
    return await runOrThrow(argv, io, generated);
  } catch (error) {
    io.stderr(`${NAME}: ${describe(error)}\n`);
    return exitCodeFor(error);
  }
}

async function runOrThrow(argv: string[], io: CliIo, generated: CliGenerated): Promise<number> {
  const invocation = parseInvocation(argv);
  const { command, words } = invocation;
  if (invocation.version) {
    io.stdout(`${generated.cliApi.version}\n`);
    return ExitCode.ok;
  }
  if (invocation.about) {
    const { markdownRenderer } = await import("./markdown.ts");
    const { title, version, description } = generated.cliApi;
    const render = await markdownRenderer(Math.min(io.columns, 100));
    io.stdout(`${title} ${version}\n${description ? `\n${render(description)}\n` : ""}`);
    return ExitCode.ok;
  }
  if (command === undefined) {
    if (!invocation.help) {
      throw new OnezoneUsageError(`No operation given. ${USAGE}; see ${NAME} --help.`);
    }
    io.stdout(mainHelp(generated));
    return ExitCode.ok;
  }
  if (command === "completion") {
    io.stdout(completionScript(words[0], generated.cliOperations));
    return ExitCode.ok;
  }
  const op = findOperation(command, generated.cliOperations, generated.operationIndex);
  if (invocation.help) {
    const { markdownRenderer } = await import("./markdown.ts");
    io.stdout(operationHelp(op, await markdownRenderer(Math.min(io.columns, 100))));
    return ExitCode.ok;
  }
  const plan = planRequest(op, words, {
    stdin: words.includes("-") ? await io.readStdin() : undefined,
    contentType: invocation.contentType,
    accept: invocation.accept,
    force: invocation.force,
  });
  await assertFilesExist(plan.body);
  const connection = resolveConnection(invocation, io.env, plan.headers);
  if (op.deprecated) {
    io.stderr(`${NAME}: warning: ${op.name} is deprecated and may be removed from Onezone.\n`);
  }
  const trace = invocation.verbose ? (line: string) => io.stderr(`${line}\n`) : undefined;
  if (plan.body) await checkBody(op, plan.body, generated, invocation, io);
  else if (op.body) {
    trace?.(
      `* No request body: ${op.name}'s is ${op.body.required ? "required (sent without it, --force)" : "optional"}, and none was given.`,
    );
  }
  if (invocation.dryRun) {
    const { curlCommand, requestLines } = await import("./curl.ts");
    const { plannedRequest } = await import("./dry-run.ts");
    const request = plannedRequest(op, plan, connection);
    if (trace) for (const line of requestLines(request)) trace(line);
    io.stdout(`${curlCommand(request)}\n`);
    return ExitCode.ok;
  }
  const binary = binaryAnswers(op);
  if (io.stdoutIsTty && binary && invocation.accept === undefined) {
    throw new OnezoneUsageError(binaryRefusal(op, binary.join(" or ")));
  }
  const { connect, send } = await import("./send.ts");
  const client = connect(connection, trace, generated.operationIndex);
  const { data, headers } = await send(client, op, plan, connection.headers);
  const contentType = headers["content-type"] ?? "";
  const output = await answerOutput(data, contentType, io.stdoutIsTty && !invocation.compact);
  if (output instanceof Uint8Array && io.stdoutIsTty) {
    throw new OnezoneUsageError(
      binaryRefusal(op, `${contentType || "bytes"} (${output.length} bytes)`),
    );
  }
  if (output !== undefined) io.stdout(output);
  return ExitCode.ok;
}

/**
 * Checks the body against the spec (loading ajv only then): a mismatch is a usage error, or with
 * --force a warning, and the body is sent anyway.
 */
async function checkBody(
  op: CliCommand,
  body: BodyPlan,
  generated: CliGenerated,
  invocation: Invocation,
  io: CliIo,
): Promise<void> {
  const schemas = await generated.requestSchemas();
  if (schemas.requests[op.name]?.[body.mediaType] === undefined) return;
  const { bodyProblems } = await import("./body-check.ts");
  const problems = await bodyProblems(op, body, schemas);
  if (problems.length === 0) return;
  const mismatch = `${op.name}: the request body does not match the spec: ${problems.join("; ")}`;
  if (!invocation.force) throw new OnezoneUsageError(`${mismatch}. --force sends it anyway.`);
  io.stderr(`${NAME}: warning: ${mismatch}; sent anyway (--force).\n`);
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
