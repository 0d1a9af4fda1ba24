// Sends one operation through the typed client, tracing it with --verbose; loaded only to send.
import { createOnezoneClient, type OnezoneClient } from "../client.ts";
import { responseSizeLimit } from "../response-size-limit.ts";
import { retries } from "../retry.ts";
import type { Connection } from "./connection.ts";
import { requestLines } from "./curl.ts";
import type { CliCommand } from "./operations.ts";
import type { RequestPlan } from "./request.ts";

const RESPONSE_SIZE_LIMIT = 64 * 1024 * 1024;

/** Where --verbose's request and status lines go; undefined without --verbose. */
export type Trace = ((line: string) => void) | undefined;

type Method = (...args: unknown[]) => Promise<unknown>;

/** The typed client for the connection; its fetch traces each request and response status. */
export function connect(connection: Connection, trace: Trace): OnezoneClient {
  const transport = async (request: Request): Promise<Response> => {
    if (trace) for (const line of requestLines(request)) trace(line);
    const response = await fetch(request);
    trace?.(`< ${response.status} ${response.statusText}`.trimEnd());
    return response;
  };
  return createOnezoneClient({
    ...connection.target,
    ...(connection.auth ? { auth: connection.auth } : {}),
    fetch: transport,
    // A shell user wants transient failures ridden out and no reply to exhaust memory.
    retry: retries(),
    middleware: [responseSizeLimit(RESPONSE_SIZE_LIMIT)],
  });
}

/** Resolves to the response body (`undefined` for 204); throws the client's errors. */
export function send(
  client: OnezoneClient,
  op: CliCommand,
  plan: RequestPlan,
  headers: Connection["headers"],
): Promise<unknown> {
  const method = (client as unknown as Record<string, Method>)[op.name];
  if (!method) throw new Error(`The client has no method ${op.name}; run npm run generate.`);
  const options = { params: { query: plan.query }, headers: new Headers(headers) };
  return op.pathParameters ? method(plan.path, options) : method(options);
}
