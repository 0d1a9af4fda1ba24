import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import type { operations, paths } from "../../generated/schema.js";
import { readCredential } from "./credential.ts";
import {
  badCredential,
  type FakeError,
  internalServerError,
  methodNotAllowed,
  notFound,
} from "./errors.ts";
import {
  clientTokensOwner,
  mayReadGeneration,
  mayReadNamedTokenStatus,
  mayRevokeTemporaryTokens,
} from "./policy.ts";
import type { Caller, FakeStore } from "./store.ts";

export const BASE_PATH = "/api/v3/onezone";

/** The JSON body the spec gives an operation's 200 response. */
type OkBody<Id extends keyof operations> = operations[Id] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** The operations whose spec gives a 204 (no body) response. */
type NoContentOperation = {
  [Id in keyof operations]: operations[Id]["responses"] extends { 204: unknown } ? Id : never;
}[keyof operations];

type Handler = (c: Context, caller: Caller) => Response;

/** Hono's route for a path of the spec: `/users/{id}` → `/api/v3/onezone/users/:id`. */
const route = (path: keyof paths) => `${BASE_PATH}${path.replace(/\{(\w+)\}/g, ":$1")}`;

const noContent = (c: Context, _operation: NoContentOperation) => c.body(null, 204);

/** The fake's routes; `log` receives one line per request and never a credential. */
export function createFakeApp(store: FakeStore, log?: (line: string) => void): Hono {
  const app = new Hono({ strict: false });
  if (log) app.use(requestLogger(log));

  const send = (c: Context, { status, body }: FakeError) => c.json(body, status);
  /** Authenticates the request before the handler runs; a bad credential stops it with 401. */
  const authenticated = (handler: Handler) => (c: Context) => {
    const caller = store.authenticate(readCredential(c.req.raw.headers));
    return typeof caller === "string" ? send(c, badCredential(caller)) : handler(c, caller);
  };

  const temporaryTokens = route("/users/{id}/tokens/temporary");
  app.get(
    temporaryTokens,
    authenticated((c, caller) => {
      const userId = c.req.param("id") ?? "";
      const refusal = mayReadGeneration(store, caller, userId);
      if (refusal) return send(c, refusal);
      const body: OkBody<"getTemporaryTokenGenerationOfUser"> = {
        generation: store.generation(userId),
      };
      return c.json(body, 200);
    }),
  );
  app.delete(
    temporaryTokens,
    authenticated((c, caller) => {
      const userId = c.req.param("id") ?? "";
      const refusal = mayRevokeTemporaryTokens(caller, userId);
      if (refusal) return send(c, refusal);
      store.revokeAllTemporaryTokens(userId);
      return noContent(c, "revokeAllTemporaryTokensOfUser");
    }),
  );

  const clientTokens = route("/user/client_tokens");
  app.get(
    clientTokens,
    authenticated((c, caller) => {
      const owner = clientTokensOwner(caller);
      if (typeof owner !== "string") return send(c, owner);
      const body: OkBody<"listClientTokens"> = { tokens: store.clientTokens(owner) };
      return c.json(body, 200);
    }),
  );

  const namedTokenStatus = route("/tokens/named/{id}/status");
  app.get(
    namedTokenStatus,
    authenticated((c, caller) => {
      // Onezone fetches the token before authorizing, so an unknown id is 404 for everyone.
      const token = store.namedToken(c.req.param("id") ?? "");
      if (token === undefined) return send(c, notFound);
      const refusal = mayReadNamedTokenStatus(store, caller, token);
      if (refusal) return send(c, refusal);
      const body: OkBody<"getNamedTokenStatus"> = { revoked: token.revoked };
      return c.json(body, 200);
    }),
  );

  for (const [path, allow] of [
    [temporaryTokens, "GET, DELETE"],
    [clientTokens, "GET"],
    [namedTokenStatus, "GET"],
  ] as const) {
    app.all(path, (c) => {
      c.header("Allow", allow);
      return send(c, methodNotAllowed);
    });
  }

  app.notFound((c) => send(c, notFound));
  app.onError((error, c) => {
    const reference = randomBytes(5).toString("hex");
    log?.(`internal error ${reference}: ${error.stack ?? error.message}`);
    return send(c, internalServerError(reference));
  });
  return app;
}

function requestLogger(log: (line: string) => void) {
  return async (c: Context, next: () => Promise<void>) => {
    const started = performance.now();
    await next();
    const elapsed = (performance.now() - started).toFixed(1);
    // The path only: query strings and headers may carry credentials.
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${elapsed}ms`);
  };
}
