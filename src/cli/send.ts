// Sends one operation through the client, tracing it with --verbose; loaded only to send.
import type { ApiResponse } from "../call.ts";
import { type ApiClient, createApiClient } from "../client.ts";
import { responseSizeLimit } from "../response-size-limit.ts";
import { retries } from "../retry.ts";
import { type BodyPlan, bodyText, formValue } from "./body.ts";
import type { Connection } from "./connection.ts";
import { maskedHeaders, requestLines } from "./curl.ts";
import type { CliGenerated } from "./generated.ts";
import { isMultipart } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";
import type { RequestPlan } from "./request.ts";

const RESPONSE_SIZE_LIMIT = 64 * 1024 * 1024;

/** Where --verbose's lines go; undefined without --verbose. */
export type Trace = ((line: string) => void) | undefined;

type Method = (...args: unknown[]) => Promise<ApiResponse>;

/**
 * The client for the connection; its fetch traces each request, and each response's status line
 * and headers (credentials masked).
 */
export function connect(
  connection: Connection,
  trace: Trace,
  operationIndex: CliGenerated["operationIndex"],
): ApiClient {
  const transport = async (request: Request): Promise<Response> => {
    if (trace) for (const line of requestLines(request)) trace(line);
    const response = await fetch(request);
    if (trace) {
      trace(`< ${response.status} ${response.statusText}`.trimEnd());
      for (const [name, value] of maskedHeaders(response.headers)) trace(`< ${name}: ${value}`);
    }
    return response;
  };
  return createApiClient(operationIndex, {
    ...connection.target,
    ...(connection.auth ? { auth: connection.auth } : {}),
    fetch: transport,
    // A shell user wants transient failures ridden out and no reply to exhaust memory.
    retry: retries(),
    middleware: [responseSizeLimit(RESPONSE_SIZE_LIMIT)],
  });
}

/** Resolves to the status, the body as its media type reads, and the headers; throws the client's errors. */
export async function send(
  client: ApiClient,
  op: CliCommand,
  plan: RequestPlan,
  headers: Connection["headers"],
): Promise<ApiResponse> {
  const method = client.withResponse[op.name] as Method | undefined;
  if (!method) throw new Error(`The client has no method ${op.name}; run npm run generate.`);
  const options = {
    params: { query: plan.query },
    headers: new Headers(headers),
    ...(plan.body ? await bodyOptions(op, plan.body, headers) : {}),
  };
  return op.pathParameters ? method(plan.path, options) : method(options);
}

/**
 * The body and its media type as the client takes them. The client refuses a media type the spec
 * does not declare, so one sent with --force goes ready to send, with its Content-Type header:
 * JSON or form text, FormData (which sets its own), or the bytes from standard input.
 */
async function bodyOptions(op: CliCommand, body: BodyPlan, headers: Connection["headers"]) {
  const value = body.raw ?? (await withFiles(body));
  if (op.body?.mediaTypes.includes(body.mediaType)) {
    return { body: value, contentType: body.mediaType };
  }
  const typed = new Headers(headers);
  if (!isMultipart(body.mediaType) && !typed.has("content-type")) {
    typed.set("content-type", body.mediaType);
  }
  return { body: ready(body, value), headers: typed, bodySerializer: (sent: unknown) => sent };
}

function ready(body: BodyPlan, value: unknown): unknown {
  if (body.raw !== undefined) return body.raw;
  if (!isMultipart(body.mediaType)) return bodyText(value, body.mediaType);
  const form = new FormData();
  for (const [name, field] of Object.entries(value as object)) {
    for (const item of [field].flat()) {
      if (item != null) form.append(name, item instanceof Blob ? item : formValue(item));
    }
  }
  return form;
}

/**
 * The body's fields, with each file part read into a File named as its path ends (node:fs and
 * node:path imported here: the bundled CLI would load them on every start).
 */
async function withFiles(body: BodyPlan): Promise<unknown> {
  if (body.files.length === 0) return body.value;
  const { readFile } = await import("node:fs/promises");
  const { basename } = await import("node:path");
  const parts: Record<string, unknown> = { ...(body.value as object) };
  for (const file of body.files) {
    const bytes = await readFile(file.path);
    const part = new File([bytes], basename(file.path), { type: file.type });
    Object.defineProperty(parts, file.name, { value: part, enumerable: true, writable: true });
  }
  return parts;
}
