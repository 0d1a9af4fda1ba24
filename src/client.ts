import createClient, { type Client, type Middleware } from "openapi-fetch";
import type {
  ClientMethods,
  DataOf,
  OperationTypes,
  ResponseMethods,
  ResponseOf,
} from "../generated/client-types.gen.ts";
import { type IndexedOperation, operationIndex } from "../generated/operation-index.gen.js";
import type { paths } from "../generated/schema.js";
import { authHeader, type OnezoneAuth } from "./auth.ts";
import { resolveBaseUrl } from "./base-url.ts";
import { type ApiResponse, type Fetch, operationCaller } from "./call.ts";
import { pathSerializer } from "./path.ts";

export interface OnezoneClientOptions {
  /** Onezone's host name (and port): calls go to `https://<host>/api/v3/onezone`. */
  host?: string;
  /** The full base URL instead of `host`, e.g. `http://127.0.0.1:8080/api/v3/onezone`. */
  baseUrl?: string;
  /** The credential, sent with every call as one of `headers`; omit it to call anonymously. */
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

/** A method that takes any arguments: what a client over an untyped operation index has. */
type UntypedMethods<Result> = Record<string, (...args: unknown[]) => Promise<Result>>;

/**
 * A client over an operation index: one method per operation, resolving to the answer's body;
 * the same methods under `withResponse`, resolving to `{ status, data, headers, response }`; and
 * the openapi-fetch client under `raw`. The type arguments are the generated client types.
 */
export type ApiClient<
  Methods = UntypedMethods<unknown>,
  Responses = UntypedMethods<ApiResponse>,
  Paths extends object = object,
> = Methods & {
  /** The same methods, resolving to the status, the body, the headers and the Response. */
  readonly withResponse: Responses;
  /** The underlying openapi-fetch client, for anything the methods do not cover. */
  readonly raw: Client<Paths>;
};

/** The client for spec/onezone.yaml. */
export type OnezoneClient = ApiClient<ClientMethods, ResponseMethods, paths>;

/** What a successful call resolves to: the response body typed from the spec (`undefined` for 204). */
export type OperationResult<Id extends keyof OperationTypes> = DataOf<Id>;

/** What a successful `withResponse` call resolves to: the status, body and declared headers of each documented 2xx answer. */
export type OperationResponse<Id extends keyof OperationTypes> = ResponseOf<Id>;

/**
 * The client over any operation index that `npm run generate` writes (operation-index.gen.js):
 * `createApiClient<ClientMethods, ResponseMethods, paths>(operationIndex, options)` with the
 * same generation's client-types.gen.ts and schema.d.ts types it; without them it is untyped.
 */
export function createApiClient<
  Methods = UntypedMethods<unknown>,
  Responses = UntypedMethods<ApiResponse>,
  Paths extends object = object,
>(
  index: Readonly<Record<string, IndexedOperation>>,
  options: OnezoneClientOptions,
): ApiClient<Methods, Responses, Paths> {
  const raw = createClient<Paths>({
    baseUrl: resolveBaseUrl(options),
    pathSerializer,
    fetch: options.fetch,
    // The credential is one more header of every call (one the call's own headers may replace),
    // kept in openapi-fetch's closure.
    headers: {
      ...options.headers,
      ...(options.auth && Object.fromEntries([authHeader(options.auth)])),
    },
  });
  // Retries run first on a response, so the other middleware sees the one that is kept;
  // openapi-fetch skips an absent one.
  raw.use(...(options.middleware ?? []), options.retry as Middleware);
  const call = operationCaller(raw, options);
  const methods = (withResponse: boolean) =>
    Object.fromEntries(
      Object.entries(index).map(([id, operation]) => [
        id,
        (...args: unknown[]) => call(id, operation, args, withResponse),
      ]),
    );
  return { ...methods(false), withResponse: methods(true), raw } as ApiClient<
    Methods,
    Responses,
    Paths
  >;
}

export function createOnezoneClient(options: OnezoneClientOptions): OnezoneClient {
  return createApiClient<ClientMethods, ResponseMethods, paths>(operationIndex, options);
}
