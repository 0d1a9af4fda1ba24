import createClient, { type Client, type Middleware } from "openapi-fetch";
import * as operations from "../generated/operations.gen.ts";
import type { paths } from "../generated/schema.js";
import { authMiddleware, type OnezoneAuth } from "./auth.ts";
import {
  type Fetch,
  type GeneratedOperation,
  operationCaller,
  type PerCallOptions,
} from "./call.ts";
import { pathSerializer } from "./path.ts";
import { resolveBaseUrl } from "./transport.ts";

export interface OnezoneClientOptions {
  /** Onezone's host name (and port): calls go to `https://<host>/api/v3/onezone`. */
  host?: string;
  /** The full base URL instead of `host`, e.g. `http://127.0.0.1:8080/api/v3/onezone`. */
  baseUrl?: string;
  /** The credential sent with every call; omit it to call anonymously. */
  auth?: OnezoneAuth;
  /** A fetch implementation to use instead of the global one; the Request carries the call's signal. */
  fetch?: Fetch;
  /** Extra headers sent with every call. */
  headers?: Record<string, string>;
  /** Milliseconds a call may take, retries included (default 30 000); `false` for no limit. */
  timeout?: number | false;
  /** Tries idempotent calls again after transient failures: pass `retries()`; none by default. */
  retry?: Middleware;
  /** openapi-fetch middleware to run on every call, e.g. `responseSizeLimit(bytes)`. */
  middleware?: Middleware[];
  /** Lets credentials travel over plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
}

type Operations = typeof operations;
type OperationId = keyof Operations;

/** What a successful call resolves to: the response body typed from the spec (`undefined` for 204). */
export type OperationResult<Id extends OperationId> = Extract<
  Awaited<ReturnType<Operations[Id]>>,
  { error?: never }
>["data"];

type ArgsOf<F> = F extends (client: Client<paths>, ...args: infer Args) => unknown ? Args : never;

/** The generated arguments with the per-call options added to the last one (the call options). */
type WithPerCallOptions<Args extends unknown[]> = {
  [K in keyof Args]: K extends `${Required<Args> extends [unknown, unknown] ? 1 : 0}`
    ? Args[K] & PerCallOptions
    : Args[K];
};

/** A generated operation without its client argument, resolving to its data or throwing. */
type OperationMethod<Id extends OperationId> = (
  ...args: WithPerCallOptions<ArgsOf<Operations[Id]>>
) => Promise<OperationResult<Id>>;

export type OnezoneClient = { [Id in OperationId]: OperationMethod<Id> } & {
  /** The underlying openapi-fetch client, for anything the methods do not cover. */
  readonly raw: Client<paths>;
};

export function createOnezoneClient(options: OnezoneClientOptions): OnezoneClient {
  const raw = createClient<paths>({
    baseUrl: resolveBaseUrl(options),
    pathSerializer,
    fetch: options.fetch,
    headers: options.headers,
  });
  // Retries run first on a response, so the other middleware sees the one that is kept;
  // openapi-fetch skips absent ones.
  raw.use(
    (options.auth && authMiddleware(options.auth)) as Middleware,
    ...(options.middleware ?? []),
    options.retry as Middleware,
  );
  const call = operationCaller(raw, options);
  const client: Record<string, unknown> = {};
  for (const [id, operation] of Object.entries(operations)) {
    client[id] = (...args: unknown[]) => call(id, operation as GeneratedOperation, args);
  }
  client.raw = raw;
  return client as OnezoneClient;
}
