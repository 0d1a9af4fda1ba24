import type { Client } from "openapi-fetch";
import type { IndexedOperation } from "../generated/operation-index.gen.ts";
import type { paths } from "../generated/schema.js";
import {
  errorFromResponse,
  OnezoneError,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
} from "./errors.ts";

/** What each call can override. */
export interface PerCallOptions {
  /** Milliseconds this call may take, retries included; `false` for no limit. */
  timeout?: number | false;
}

/** The fetch calls go through; the Request carries the call's timeout and the caller's signal. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** The client options that shape each call (see OnezoneClientOptions). */
export interface CallerOptions {
  timeout?: number | false;
}

/** Runs one operation under its timeout; resolves to its data, or throws an OnezoneError. */
export type Caller = (
  operationId: string,
  operation: IndexedOperation,
  args: unknown[],
) => Promise<unknown>;

/** openapi-fetch's `request()` without the types that tie a path to its options. */
type Send = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

type CallOptions = PerCallOptions & RequestInit & { params?: object };

/** The caller for one client's operations. */
export function operationCaller(raw: Client<paths>, options: CallerOptions): Caller {
  const { timeout: clientTimeout = 30_000 } = options;
  const send = raw.request as Send;

  return async (operationId, operation, args) => {
    // A method takes the path parameters first when the operation has some, the call options next.
    const { pathParameters } = operation;
    const {
      timeout = clientTimeout,
      signal,
      params,
      ...init
    } = (args[pathParameters ? 1 : 0] ?? {}) as CallOptions;
    const deadline = timeout === false ? undefined : AbortSignal.timeout(timeout);
    const callSignal =
      signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline);
    let result: Awaited<ReturnType<Send>>;
    try {
      // The Request openapi-fetch makes carries the signal: fetch follows it, and so do retries().
      result = await send(operation.method, operation.path, {
        ...init,
        // Path parameters left out altogether are refused like missing ones, not sent as `{id}`.
        params: pathParameters ? { ...params, path: args[0] ?? {} } : params,
        signal: callSignal,
        parseAs: "text",
      });
    } catch (cause) {
      throw deadline?.aborted
        ? new OnezoneTimeoutError(`${operationId} timed out after ${timeout} ms`, {
            operationId,
            cause,
          })
        : asOnezoneError(operationId, cause);
    }
    const { response, data, error } = result;
    const { status } = response;
    if (!response.ok) throw errorFromResponse(operationId, status, error);
    // parseAs "text": data is the body's text, or undefined when there is none (204).
    if (data) {
      try {
        return JSON.parse(data as string);
      } catch (cause) {
        throw errorFromResponse(operationId, status, data, cause);
      }
    }
  };
}

function asOnezoneError(operationId: string, error: unknown): Error {
  if (error instanceof OnezoneError) return error;
  if (error instanceof OnezoneUsageError) {
    return new OnezoneUsageError(`${operationId}: ${error.message}`);
  }
  const failure = error as { message?: string; status?: unknown; cause?: { code?: string } };
  // A middleware's refusal of a response (e.g. one over the size limit) carries its status.
  const status = typeof failure?.status === "number" ? failure.status : undefined;
  const code = failure?.cause?.code;
  return new (status === undefined ? OnezoneNetworkError : OnezoneError)(
    `${operationId} failed: ${failure?.message ?? String(error)}${code ? ` (${code})` : ""}`,
    { operationId, cause: error, status },
  );
}
