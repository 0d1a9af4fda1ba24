import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { BodyTooLargeError } from "./body.js";
import {
  errorFromResponse,
  OnezoneError,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
  OnezoneValidationError,
} from "./errors.js";
import { type RetryOptions, type RetryPolicy, retryDelay, retryPolicy, sleep } from "./retry.js";
import type { ResponseValidator } from "./validate.js";

/** What each call can override: its own timeout and retries. */
export interface PerCallOptions {
  /** Milliseconds this call may take, retries included; `false` for no limit. */
  timeout?: number | false;
  retry?: RetryOptions | false;
}

export interface CallContext {
  raw: Client<paths>;
  timeout: number | false;
  retry: RetryPolicy;
  validate: ResponseValidator | undefined;
}

/** A function from generated/operations.gen.ts: `(client, options?)` or `(client, path, options?)`. */
export type GeneratedOperation = (client: Client<paths>, ...args: unknown[]) => Promise<RawResult>;

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Runs one operation: applies timeout and retries, and turns every failure into an OnezoneError. */
export async function callOperation(
  context: CallContext,
  operationId: string,
  operation: GeneratedOperation,
  args: unknown[],
): Promise<unknown> {
  const optionsAt = operation.length - 2;
  const given = (args[optionsAt] ?? {}) as PerCallOptions & { signal?: AbortSignal };
  const { timeout = context.timeout, retry, signal: callerSignal, ...fetchOptions } = given;
  const policy = retry === undefined ? context.retry : retryPolicy(retry, context.retry);
  const deadline = timeout === false ? undefined : AbortSignal.timeout(timeout);
  const signals = [callerSignal, deadline].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;

  let method = "";
  const recordMethod: Middleware = {
    onRequest({ request }) {
      method = request.method;
    },
  };
  const callArgs = [...args];
  callArgs[optionsAt] = { ...fetchOptions, signal, parseAs: "text", middleware: [recordMethod] };
  const failure = (error: unknown, status?: number) => {
    const timedOut = deadline?.aborted === true;
    return asOnezoneError(operationId, error, { status, timedOut, timeout });
  };

  for (let attempt = 1; ; attempt++) {
    let result: RawResult;
    try {
      result = await operation(context.raw, ...callArgs);
    } catch (error) {
      const retryable = isTransient(error) && !signal?.aborted && policy.methods.includes(method);
      const wait = retryable ? retryDelay(policy, attempt, null) : undefined;
      if (wait === undefined) throw failure(error);
      await sleep(wait, signal).catch((reason: unknown) => Promise.reject(failure(reason)));
      continue;
    }
    const { response } = result;
    if (response.ok) {
      const data = parseData(operationId, response.status, result.data);
      const mismatch = context.validate?.(operationId, response.status, data);
      if (mismatch !== undefined) {
        throw new OnezoneValidationError(
          `${operationId}: the HTTP ${response.status} body does not match the spec: ${mismatch}`,
          { operationId, status: response.status, body: errorText(result.data) },
        );
      }
      return data;
    }
    const retryable = policy.statuses.includes(response.status) && policy.methods.includes(method);
    const wait = retryable
      ? retryDelay(policy, attempt, response.headers.get("retry-after"))
      : undefined;
    if (wait === undefined) {
      throw errorFromResponse(operationId, response.status, errorText(result.error));
    }
    await sleep(wait, signal).catch((reason: unknown) =>
      Promise.reject(failure(reason, response.status)),
    );
  }
}

function isTransient(error: unknown): boolean {
  return !(error instanceof OnezoneUsageError || error instanceof BodyTooLargeError);
}

function parseData(operationId: string, status: number, text: unknown): unknown {
  if (typeof text !== "string" || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new OnezoneError(
      `${operationId} failed: HTTP ${status} came with a body that is not valid JSON`,
      { operationId, status, body: text, cause },
    );
  }
}

function errorText(error: unknown): string {
  if (error === undefined) return "";
  return typeof error === "string" ? error : JSON.stringify(error);
}

function asOnezoneError(
  operationId: string,
  error: unknown,
  context: { status: number | undefined; timedOut: boolean; timeout: number | false },
): Error {
  if (error instanceof OnezoneError) return error;
  if (error instanceof OnezoneUsageError) {
    return new OnezoneUsageError(`${operationId}: ${error.message}`);
  }
  const status = error instanceof BodyTooLargeError ? error.status : context.status;
  const init = { operationId, cause: error, ...(status === undefined ? {} : { status }) };
  if (error instanceof BodyTooLargeError) {
    return new OnezoneError(`${operationId} failed: ${error.message}`, init);
  }
  if (context.timedOut) {
    return new OnezoneTimeoutError(`${operationId} timed out after ${context.timeout} ms`, init);
  }
  const reason = error instanceof Error ? describeNetworkFailure(error) : String(error);
  return new OnezoneNetworkError(`${operationId} failed: ${reason}`, init);
}

function describeNetworkFailure(error: Error): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}
