import type { Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import {
  errorFromResponse,
  OnezoneError,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
} from "./errors.js";

/** What each call can override. */
export interface PerCallOptions {
  /** Milliseconds this call may take, retries included; `false` for no limit. */
  timeout?: number | false;
}

export interface CallContext {
  raw: Client<paths>;
  timeout: number | false;
}

/** A function from generated/operations.gen.ts: `(client, options?)` or `(client, path, options?)`. */
export type GeneratedOperation = (
  client: Client<paths>,
  ...args: unknown[]
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Runs one operation under its timeout; resolves to its data, or throws an OnezoneError. */
export async function callOperation(
  context: CallContext,
  operationId: string,
  operation: GeneratedOperation,
  args: unknown[],
): Promise<unknown> {
  // The call options are a generated function's last declared parameter: after the client, and
  // after the path parameters when the operation has some.
  const optionsAt = operation.length - 2;
  const {
    timeout = context.timeout,
    signal,
    ...rest
  } = (args[optionsAt] ?? {}) as PerCallOptions & RequestInit;
  const deadline = timeout === false ? undefined : AbortSignal.timeout(timeout);
  const callArgs = [...args];
  callArgs[optionsAt] = {
    ...rest,
    signal: signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline),
    parseAs: "text",
  };
  let result: Awaited<ReturnType<GeneratedOperation>>;
  try {
    result = await operation(context.raw, ...callArgs);
  } catch (error) {
    throw asOnezoneError(operationId, error, deadline?.aborted ? timeout : undefined);
  }
  const { response, data } = result;
  if (!response.ok) {
    const { error } = result;
    throw errorFromResponse(
      operationId,
      response.status,
      error === undefined ? "" : typeof error === "string" ? error : JSON.stringify(error),
    );
  }
  if (typeof data !== "string" || data === "") return undefined;
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new OnezoneError(
      `${operationId} failed: the HTTP ${response.status} body is not valid JSON`,
      { operationId, status: response.status, body: data, cause },
    );
  }
}

/** `timedOutAfter` is the call's timeout when it is what ended the call. */
function asOnezoneError(
  operationId: string,
  error: unknown,
  timedOutAfter?: number | false,
): Error {
  if (error instanceof OnezoneError) return error;
  if (error instanceof OnezoneUsageError) {
    return new OnezoneUsageError(`${operationId}: ${error.message}`);
  }
  const failure = error as { message?: string; status?: unknown; cause?: { code?: unknown } };
  // A middleware's refusal of a response (e.g. one over the size limit) carries its status.
  const status = typeof failure?.status === "number" ? failure.status : undefined;
  const init = { operationId, cause: error, status };
  if (status !== undefined)
    return new OnezoneError(`${operationId} failed: ${failure.message}`, init);
  if (timedOutAfter !== undefined) {
    return new OnezoneTimeoutError(`${operationId} timed out after ${timedOutAfter} ms`, init);
  }
  const code = failure?.cause?.code;
  return new OnezoneNetworkError(
    `${operationId} failed: ${failure?.message ?? String(error)}${typeof code === "string" ? ` (${code})` : ""}`,
    init,
  );
}
