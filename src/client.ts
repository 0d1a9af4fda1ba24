import createClient, { type Client, type Middleware } from "openapi-fetch";
import { operationIndex } from "../generated/operation-index.gen.ts";
import type * as operations from "../generated/operations.gen.ts";
import type { paths } from "../generated/schema.js";
import { authMiddleware, type OnezoneAuth } from "./auth.ts";
import { resolveBaseUrl } from "./base-url.ts";
import { type Fetch, operationCaller, type PerCallOptions } from "./call.ts";
import { pathSerializer } from "./path.ts";

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
type Index = typeof operationIndex;
/** Every operation's name: its generated function's and its index entry's. */
type OperationId = keyof Operations & keyof Index;

/** What a successful call resolves to: the response body typed from the spec (`undefined` for 204). */
export type OperationResult<Id extends OperationId> = Extract<
  Awaited<ReturnType<Operations[Id]>>,
  { error?: never }
>["data"];

type ArgsOf<F> = F extends (client: Client<paths>, ...args: infer Args) => unknown ? Args : never;

/** The call options with the per-call ones added. */
type WithPerCallOptions<Options extends unknown[]> = {
  [K in keyof Options]: Options[K] & PerCallOptions;
};

/** The generated function's arguments after the client: the path parameters first, if the index says it takes some. */
type MethodArgs<Id extends OperationId> = Index[Id]["pathParameters"] extends true
  ? ArgsOf<Operations[Id]> extends [infer Path, ...infer Options]
    ? [path: Path, ...WithPerCallOptions<Options>]
    : never
  : WithPerCallOptions<ArgsOf<Operations[Id]>>;

/** A generated operation without its client argument, resolving to its data or throwing. */
type OperationMethod<Id extends OperationId> = (
  ...args: MethodArgs<Id>
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
  const methods = Object.entries(operationIndex).map(([id, operation]) => [
    id,
    (...args: unknown[]) => call(id, operation, args),
  ]);
  return { ...Object.fromEntries(methods), raw } as OnezoneClient;
}
