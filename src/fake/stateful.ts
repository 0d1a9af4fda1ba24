// The operations whose behaviour the fake knows (../../../shared/onezone-semantics.md, summed up in
// the README): answered from the fake's state, by operationId. Adding one is adding an entry here.
import type { Context } from "hono";
import type { operations } from "../../generated/schema.js";
import { type FakeError, notFound } from "./errors.ts";
import {
  clientTokensOwner,
  mayReadGeneration,
  mayReadNamedTokenStatus,
  mayRevokeTemporaryTokens,
} from "./policy.ts";
import type { RequestValues } from "./request.ts";
import type { Caller, FakeStore } from "./store.ts";

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

/**
 * Answers an authenticated request (a bad credential never reaches it; an anonymous caller does,
 * since Onezone may answer 404 before 401) whose parameters passed the spec's checks.
 */
export type StatefulHandler = (c: Context, caller: Caller, request: RequestValues) => Response;

export const send = (c: Context, { status, body }: FakeError) => c.json(body, status);

const noContent = (c: Context, _operation: NoContentOperation) => c.body(null, 204);

const pathId = (request: RequestValues) => String(request.path.id ?? "");

export function statefulHandlers(
  store: FakeStore,
): Partial<Record<keyof operations, StatefulHandler>> {
  return {
    getTemporaryTokenGenerationOfUser(c, caller, request) {
      const userId = pathId(request);
      const refusal = mayReadGeneration(store, caller, userId);
      if (refusal) return send(c, refusal);
      const body: OkBody<"getTemporaryTokenGenerationOfUser"> = {
        generation: store.generation(userId),
      };
      return c.json(body, 200);
    },

    revokeAllTemporaryTokensOfUser(c, caller, request) {
      const userId = pathId(request);
      const refusal = mayRevokeTemporaryTokens(caller, userId);
      if (refusal) return send(c, refusal);
      store.revokeAllTemporaryTokens(userId);
      return noContent(c, "revokeAllTemporaryTokensOfUser");
    },

    listClientTokens(c, caller) {
      const owner = clientTokensOwner(caller);
      if (typeof owner !== "string") return send(c, owner);
      const body: OkBody<"listClientTokens"> = { tokens: store.clientTokens(owner) };
      return c.json(body, 200);
    },

    getNamedTokenStatus(c, caller, request) {
      // Onezone fetches the token before authorizing, so an unknown id is 404 for everyone.
      const token = store.namedToken(pathId(request));
      if (token === undefined) return send(c, notFound);
      const refusal = mayReadNamedTokenStatus(store, caller, token);
      if (refusal) return send(c, refusal);
      const body: OkBody<"getNamedTokenStatus"> = { revoked: token.revoked };
      return c.json(body, 200);
    },
  };
}
