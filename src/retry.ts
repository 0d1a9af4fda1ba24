/** When and how a failed call is tried again. Pass `false` to turn retries off. */
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

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelay: 200,
  maxDelay: 10_000,
  methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
  statuses: [429, 502, 503, 504],
};

export function retryPolicy(options: RetryOptions | false | undefined, base = DEFAULT_RETRY) {
  if (options === false) return { ...base, attempts: 1 };
  const policy = { ...base, ...options };
  for (const key of ["attempts", "baseDelay", "maxDelay"] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) {
      throw new TypeError(`retry.${key} must be a finite number >= 0, not ${policy[key]}.`);
    }
  }
  return policy;
}

/**
 * How long to wait before try `attempt + 1`: the server's `Retry-After` when it gives one,
 * otherwise exponential backoff with full jitter. `undefined` means do not retry.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  random = Math.random,
): number | undefined {
  if (attempt >= policy.attempts) return undefined;
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined) return asked <= policy.maxDelay ? asked : undefined;
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
