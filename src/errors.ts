import type { components } from "../generated/schema.js";

/** The error object Onezone puts in every error body: `{"error": {"id", "description", "details"?}}`. */
export type OnedataError = components["schemas"]["Error"]["error"];

export interface OnezoneErrorInit {
  operationId: string;
  status?: number;
  error?: OnedataError;
  body?: string;
  cause?: unknown;
}

/**
 * A call that did not succeed. `status` is the HTTP status (undefined when no response came),
 * `error` the parsed Onedata error, or `body` the raw text when the body was not one.
 */
export class OnezoneError extends Error {
  override name = "OnezoneError";
  declare readonly operationId: string;
  declare readonly status: number | undefined;
  declare readonly error: OnedataError | undefined;
  declare readonly body: string | undefined;

  constructor(message: string, { cause, ...fields }: OnezoneErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
  }
}

/**
 * The exchange failed below HTTP: connection refused or reset (before or during the body), DNS,
 * or aborted by the caller's signal. `status` is set when headers had arrived; `cause` says why.
 */
export class OnezoneNetworkError extends OnezoneError {
  override name = "OnezoneNetworkError";
}

/** The call took longer than its `timeout`; retries included. */
export class OnezoneTimeoutError extends OnezoneNetworkError {
  override name = "OnezoneTimeoutError";
}

/** A 2xx body that does not match the spec's schema (only with `validateResponses`). */
export class OnezoneValidationError extends OnezoneError {
  override name = "OnezoneValidationError";
}

/** A call was refused before sending because an argument is unusable (e.g. an empty path parameter). */
export class OnezoneUsageError extends TypeError {
  override name = "OnezoneUsageError";
}

/**
 * Builds the error for a response that is not what the spec promises: a non-2xx one, from its
 * body as openapi-fetch gives it (parsed when it is JSON, else the text), or a 2xx one whose body
 * is not JSON (`cause` is the parse error).
 */
export function errorFromResponse(
  operationId: string,
  status: number,
  body: unknown,
  cause?: unknown,
): OnezoneError {
  const error = (body as { error?: Partial<OnedataError> } | null)?.error;
  const text = typeof body === "string" ? body : (JSON.stringify(body) ?? "");
  const onedata = typeof error?.id === "string" && typeof error.description === "string";
  const reason = cause
    ? "body is not valid JSON"
    : onedata
      ? `${error.id}: ${error.description}`
      : text
        ? "body is not an Onedata error"
        : "empty body";
  return new OnezoneError(`${operationId} failed with HTTP ${status} (${reason})`, {
    operationId,
    status,
    cause,
    ...(onedata ? { error: error as OnedataError } : { body: text }),
  });
}
