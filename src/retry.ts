import type { Middleware } from "openapi-fetch";

/** When and how a failed call is tried again. */
export interface RetryOptions {
  /** Tries in all, the first included (default 3). */
  attempts?: number;
  /** The first backoff ceiling in ms, doubled on each retry (default 200). */
  baseDelay?: number;
  /** The longest wait between tries in ms, `Retry-After` included; longer asks give up (default 10 000). */
  maxDelay?: number;
  /** HTTP methods that may be sent twice (default: the idempotent ones). */
  methods?: string[];
  /** Statuses worth another try (default 429, 502, 503, 504). */
  statuses?: number[];
}

/**
 * Middleware that tries idempotent calls again after a network error, 429, 502, 503 or 504, with
 * exponential backoff and full jitter, honouring `Retry-After`, within the call's timeout:
 * `createOnezoneClient({ ..., retry: retries() })`. Apart from the client, so that clients that
 * do not retry do not carry it.
 */
export function retries(options: RetryOptions = {}, random = Math.random): Middleware {
  const policy = {
    attempts: 3,
    baseDelay: 200,
    maxDelay: 10_000,
    methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
    statuses: [429, 502, 503, 504],
    ...options,
  };
  for (const key of ["attempts", "baseDelay", "maxDelay"] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) {
      throw new TypeError(`retry.${key} must be a finite number >= 0, not ${policy[key]}.`);
    }
  }
  /** The wait before try `attempt + 1`, or undefined to give up. */
  const delay = (attempt: number, retryAfter: string | null | undefined) => {
    if (attempt >= policy.attempts) return undefined;
    const asked = parseRetryAfter(retryAfter ?? null);
    if (asked !== undefined) return asked <= policy.maxDelay ? asked : undefined;
    return Math.round(random() * Math.min(policy.maxDelay, policy.baseDelay * 2 ** (attempt - 1)));
  };
  /** Responses this middleware already settled, which its own onResponse must not retry again. */
  const settled = new WeakSet<Response>();

  /** Tries again until a try succeeds or may not be retried; its response, or its error. */
  async function retry(
    request: Request,
    fetch: (request: Request) => Promise<Response>,
    first: Response | Error,
  ): Promise<Response | Error> {
    let outcome = first;
    for (let attempt = 1; ; attempt++) {
      const response = outcome instanceof Response ? outcome : undefined;
      if (response && !policy.statuses.includes(response.status)) break;
      const wait = delay(attempt, response?.headers.get("retry-after"));
      if (wait === undefined) break;
      await response?.body?.cancel();
      await sleep(wait, request.signal);
      outcome = await fetch(request.clone()).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      );
    }
    if (outcome instanceof Response) settled.add(outcome);
    return outcome;
  }

  return {
    async onResponse({ request, response, options }) {
      if (response.ok || settled.has(response) || !policy.methods.includes(request.method)) {
        return undefined;
      }
      const outcome = await retry(request, options.fetch, response);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    onError({ request, error, options }) {
      if (!policy.methods.includes(request.method) || request.signal.aborted) return undefined;
      return retry(
        request,
        options.fetch,
        error instanceof Error ? error : new Error(String(error)),
      );
    },
  };
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
