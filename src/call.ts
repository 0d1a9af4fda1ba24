import type { Client } from "openapi-fetch";
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

/** The fetch calls go through; `init.signal` carries the call's timeout and the caller's signal. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** The client options that shape each call (see OnezoneClientOptions). */
export interface CallerOptions {
  timeout?: number | false;
  fetch?: Fetch;
  /** The retries() middleware, if the client has one. */
  retry?: unknown;
}

/** A function from generated/operations.gen.ts: `(client, options?)` or `(client, path, options?)`. */
export type GeneratedOperation = (
  client: Client<paths>,
  ...args: unknown[]
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Runs one operation under its timeout; resolves to its data, or throws an OnezoneError. */
export type Caller = (
  operationId: string,
  operation: GeneratedOperation,
  args: unknown[],
) => Promise<unknown>;

/** The caller for one client's operations. */
export function operationCaller(raw: Client<paths>, options: CallerOptions): Caller {
  const { timeout: clientTimeout = 30_000, fetch = globalThis.fetch, retry } = options;
  // retries() waits between tries on request.signal, and a fetch of the caller's own may take
  // only the Request: then the Request carries the signal too.
  const onRequest = retry || options.fetch;

  // Calls that start within 1/128 of their timeout of each other (64 at most) share one abort
  // signal, which fires once the last of them can have had its whole timeout: each call gets its
  // timeout and under 1% more. A signal of its own per call (a timer, and undici's listener and
  // finalizer) would double the client's own CPU time per call (BENCHMARKS.md); 64 keeps
  // undici's listeners on one signal far from the 1500 it warns at.
  let shared: AbortSignal | undefined;
  let sharedTimeout: number | undefined;
  let until = 0;
  let calls = 0;
  const sharedDeadline = (timeout: number): AbortSignal => {
    const now = performance.now();
    const window = timeout >>> 7;
    if (timeout !== sharedTimeout || now >= until || ++calls > 64) {
      shared = AbortSignal.timeout(timeout + window);
      sharedTimeout = timeout;
      until = now + window;
      calls = 1;
    }
    return shared as AbortSignal;
  };
  // Made out here: a closure made inside the async function below costs it about 0.5 µs a call.
  const sendWith = (signal?: AbortSignal) => (request: Request) => fetch(request, { signal });

  return async (operationId, operation, args) => {
    // The call options are a generated function's last declared parameter: after the client, and
    // after the path parameters when the operation has some.
    const optionsAt = operation.length - 2;
    const {
      timeout = clientTimeout,
      signal,
      ...rest
    } = (args[optionsAt] ?? {}) as PerCallOptions & RequestInit;
    const deadline = timeout === false ? undefined : sharedDeadline(timeout);
    const callSignal =
      signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline);
    // fetch gets the signal. A Request made with it would follow it too, at the same cost again,
    // so it carries it only when it must.
    args[optionsAt] = {
      ...rest,
      signal: onRequest ? callSignal : signal,
      fetch: sendWith(callSignal),
      parseAs: "text",
    };
    let result: Awaited<ReturnType<GeneratedOperation>>;
    try {
      result = await operation(raw, ...args);
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
