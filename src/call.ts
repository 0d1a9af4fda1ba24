import { type Client, mergeHeaders } from "openapi-fetch";
import type { CallOptions, ParseAs } from "../generated/client-types.gen.ts";
import type { IndexedOperation } from "../generated/operation-index.gen.js";
import { MULTIPART, serializeBody } from "./body.ts";
import {
  errorFromResponse,
  OnezoneError,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
} from "./errors.ts";

/** What each call can override. */
export type PerCallOptions = Pick<CallOptions, "timeout">;

/** The fetch calls go through; the Request carries the call's timeout and the caller's signal. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** The client options that shape each call (see OnezoneClientOptions). */
export interface CallerOptions {
  timeout?: number | false;
}

/** What a `withResponse` method resolves to; the generated types narrow it per operation. */
export interface ApiResponse {
  status: number;
  data: unknown;
  /** Every response header, by lower-case name. */
  headers: Record<string, string>;
  response: Response;
}

/**
 * Runs one operation under its timeout; resolves to its data (or, `withResponse`, to the
 * ApiResponse), or throws an OnezoneError.
 */
export type Caller = (
  operationId: string,
  operation: IndexedOperation,
  args: unknown[],
  withResponse: boolean,
) => Promise<unknown>;

/** openapi-fetch's `request()` without the types that tie a path to its options. */
type Send = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

type MethodOptions = CallOptions & {
  params?: { cookie?: Record<string, unknown> };
  body?: unknown;
  contentType?: string;
  parseAs?: ParseAs;
};

/** The caller for one client's operations. */
export function operationCaller<Paths extends object>(
  raw: Client<Paths>,
  options: CallerOptions,
): Caller {
  const send = raw.request as Send;

  return async (operationId, operation, args, withResponse) => {
    // A method takes the path parameters first when the operation has some, the call options next.
    const { pathParameters, body: declared, parseAs: declaredAs = "json" } = operation;
    const {
      timeout = options.timeout ?? 30_000,
      signal,
      params,
      headers,
      contentType,
      parseAs = declaredAs,
      ...init
    } = (args[pathParameters ? 1 : 0] ?? {}) as MethodOptions;
    const mediaTypes = declared?.mediaTypes ?? [];
    const mediaType = contentType ?? mediaTypes[0] ?? "";
    // openapi-fetch sends no cookie parameters: they go as one Cookie header, each value encoded.
    const cookie = Object.entries(params?.cookie ?? {})
      .filter(([, value]) => value != null)
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
      .join("; ");
    const deadline = timeout === false ? undefined : AbortSignal.timeout(timeout);
    let result: Awaited<ReturnType<Send>>;
    try {
      // The Request openapi-fetch makes carries the signal: fetch follows it, and so do retries().
      result = await send(operation.method, operation.path, {
        // A form's Content-Type (with its boundary) is FormData's own; the caller's headers win.
        headers: mergeHeaders(
          {
            "Content-Type":
              init.body === undefined || mediaType === MULTIPART ? undefined : mediaType,
            Cookie: cookie || undefined,
          },
          headers,
        ),
        bodySerializer: (body: unknown) => serializeBody(body, mediaType, mediaTypes),
        ...init,
        // Path parameters left out altogether are refused like missing ones, not sent as `{id}`.
        params: pathParameters ? { ...params, path: args[0] ?? {} } : params,
        signal: signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline),
        // JSON is parsed below, so that a body that is not JSON fails as such.
        parseAs: parseAs === "json" ? "text" : parseAs,
      });
    } catch (cause) {
      throw deadline?.aborted
        ? new OnezoneTimeoutError(`${operationId} timed out after ${timeout} ms`, {
            operationId,
            cause,
          })
        : asOnezoneError(operationId, cause);
    }
    let { data, error, response } = result;
    const { status } = response;
    if (!response.ok) throw errorFromResponse(operationId, status, error);
    if (parseAs === "json") {
      try {
        data = data ? JSON.parse(data as string) : undefined;
      } catch (cause) {
        throw errorFromResponse(operationId, status, data, cause);
      }
    }
    return withResponse
      ? { status, data, headers: Object.fromEntries(response.headers), response }
      : data;
  };
}

/** What fetch or a middleware throws: an Error, with the status of a refused response or the code of its cause. */
type Failure = { message?: string; status?: number; cause?: { code?: string } };

function asOnezoneError(operationId: string, error: unknown): Error {
  if (error instanceof OnezoneError) return error;
  if (error instanceof OnezoneUsageError) {
    return new OnezoneUsageError(`${operationId}: ${error.message}`);
  }
  // A middleware's refusal of a response (e.g. one over the size limit) carries its status.
  const { message = error, status, cause } = (error ?? {}) as Failure;
  const code = cause?.code ? ` (${cause.code})` : "";
  return new (status === undefined ? OnezoneNetworkError : OnezoneError)(
    `${operationId} failed: ${message}${code}`,
    { operationId, cause: error, status },
  );
}
