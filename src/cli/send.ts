// Sends one operation through the typed client, or only shows it (--dry-run); loaded when needed.
import type { CliOperation } from "../../generated/cli-table.gen.js";
import { responseSizeLimit } from "../body.js";
import { createOnezoneClient, type OnezoneClient } from "../client.js";
import { OnezoneUsageError } from "../errors.js";
import { retries } from "../retry.js";
import type { Connection } from "./connection.js";
import { curlCommand, requestLines } from "./curl.js";
import type { RequestPlan } from "./request.js";

const RESPONSE_SIZE_LIMIT = 64 * 1024 * 1024;

export interface SendMode {
  dryRun: boolean;
  verbose: boolean;
  /** Where --dry-run's curl command goes. */
  print: (line: string) => void;
  /** Where --verbose's request and status lines go. */
  trace: (line: string) => void;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** The typed client for the connection; its fetch traces, or only shows the request. */
export function connect(connection: Connection, mode: SendMode): OnezoneClient {
  const transport = async (request: Request): Promise<Response> => {
    if (mode.verbose) for (const line of requestLines(request)) mode.trace(line);
    if (mode.dryRun) {
      mode.print(curlCommand(request));
      return new Response(null, { status: 204 });
    }
    const response = await fetch(request);
    if (mode.verbose) mode.trace(`< ${response.status} ${response.statusText}`.trimEnd());
    return response;
  };
  try {
    return createOnezoneClient({
      ...connection.target,
      ...(connection.auth ? { auth: connection.auth } : {}),
      fetch: transport,
      // A shell user wants transient failures ridden out and no reply to exhaust memory.
      retry: retries(),
      middleware: [responseSizeLimit(RESPONSE_SIZE_LIMIT)],
    });
  } catch (error) {
    // The options came from the command line, so an unusable one is a usage error.
    if (!(error instanceof TypeError)) throw error;
    const message = error.message.replace("allowInsecureHttp: true", "--allow-insecure-http");
    throw new OnezoneUsageError(message);
  }
}

/** Resolves to the response body (`undefined` for 204 and --dry-run); throws the client's errors. */
export function send(
  client: OnezoneClient,
  op: CliOperation,
  plan: RequestPlan,
  headers: Connection["headers"],
): Promise<unknown> {
  const method = (client as unknown as Record<string, Method>)[op.name];
  if (!method) throw new Error(`The client has no method ${op.name}; run npm run generate.`);
  const options = { params: { query: plan.query }, headers: new Headers(headers) };
  const hasPath = op.parameters.some((p) => p.in === "path");
  return hasPath ? method(plan.path, options) : method(options);
}
