import createClient, { type Client } from "openapi-fetch";
import * as operations from "../generated/operations.gen.js";
import type { paths } from "../generated/schema.js";
import { authMiddleware, type OnezoneAuth } from "./auth.js";
import { errorFromResponse, OnezoneNetworkError, OnezoneUsageError } from "./errors.js";
import { pathSerializer } from "./path.js";

export interface OnezoneClientOptions {
  /** Onezone's host name (and port): calls go to `https://<host>/api/v3/onezone`. */
  host?: string;
  /** The full base URL instead of `host`, e.g. `http://127.0.0.1:8080/api/v3/onezone`. */
  baseUrl?: string;
  /** The credential sent with every call; omit it to call anonymously. */
  auth?: OnezoneAuth;
  /** A fetch implementation to use instead of the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every call. */
  headers?: Record<string, string>;
}

type Operations = typeof operations;
type OperationId = keyof Operations;

/** What a successful call resolves to: the response body typed from the spec (`undefined` for 204). */
export type OperationResult<Id extends OperationId> = Extract<
  Awaited<ReturnType<Operations[Id]>>,
  { error?: never }
>["data"];

/** A generated operation without its first argument, resolving to its data or throwing. */
type OperationMethod<Id extends OperationId> = Operations[Id] extends (
  client: Client<paths>,
  ...args: infer Args
) => unknown
  ? (...args: Args) => Promise<OperationResult<Id>>
  : never;

export type OnezoneClient = { [Id in OperationId]: OperationMethod<Id> } & {
  /** The underlying openapi-fetch client, for anything the methods do not cover. */
  readonly raw: Client<paths>;
};

export function createOnezoneClient(options: OnezoneClientOptions): OnezoneClient {
  const raw = createClient<paths>({
    baseUrl: resolveBaseUrl(options),
    pathSerializer,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.auth) raw.use(authMiddleware(options.auth));
  const methods = Object.fromEntries(
    Object.entries(operations).map(([id, operation]) => [
      id,
      (...args: unknown[]) =>
        call(id, () => (operation as (...a: unknown[]) => Promise<RawResult>)(raw, ...args)),
    ]),
  );
  return { ...methods, raw } as OnezoneClient;
}

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

async function call(operationId: string, send: () => Promise<RawResult>): Promise<unknown> {
  let result: RawResult;
  try {
    result = await send();
  } catch (cause) {
    if (cause instanceof OnezoneUsageError) {
      throw new OnezoneUsageError(`${operationId}: ${cause.message}`);
    }
    const reason = cause instanceof Error ? describeNetworkFailure(cause) : String(cause);
    throw new OnezoneNetworkError(`${operationId} failed before a response arrived: ${reason}`, {
      operationId,
      cause,
    });
  }
  const { response } = result;
  if (response.ok) return response.status === 204 ? undefined : result.data;
  const text = typeof result.error === "string" ? result.error : JSON.stringify(result.error ?? "");
  throw errorFromResponse(operationId, response.status, text);
}

function describeNetworkFailure(error: Error): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}

function resolveBaseUrl({ host, baseUrl }: OnezoneClientOptions): string {
  if ((host === undefined) === (baseUrl === undefined)) {
    throw new TypeError("createOnezoneClient needs exactly one of `host` or `baseUrl`.");
  }
  if (baseUrl !== undefined) {
    if (!URL.canParse(baseUrl)) throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL.`);
    return baseUrl.replace(/\/+$/, "");
  }
  if (!/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host ?? "")) {
    throw new TypeError(
      `host "${host}" is not a host name; pass e.g. "onezone.example.com", or a full URL as baseUrl.`,
    );
  }
  return `https://${host}/api/v3/onezone`;
}
