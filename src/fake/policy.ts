import { type FakeError, forbidden, notFound, unauthorized } from "./errors.ts";
import type { SeedNamedToken } from "./seed.ts";
import type { Caller, FakeStore } from "./store.ts";

/** Onezone refuses anonymous callers with 401 and authenticated ones with 403. */
function refuse(caller: Caller): FakeError {
  return caller.type === "anonymous" ? unauthorized : forbidden;
}

function isTokensAdmin(caller: Caller): boolean {
  return caller.type === "user" && caller.privileges.includes("oz_tokens_manage");
}

function isUser(caller: Caller, userId: string): boolean {
  return caller.type === "user" && caller.id === userId;
}

/** The user themselves, a provider supporting them, or an admin with `oz_tokens_manage`. */
export function mayReadGeneration(
  store: FakeStore,
  caller: Caller,
  userId: string,
): FakeError | undefined {
  if (isUser(caller, userId) || isTokensAdmin(caller)) return undefined;
  if (caller.type === "provider" && store.supports(caller.id, userId)) return undefined;
  return refuse(caller);
}

/** The user themselves or an admin with `oz_tokens_manage`; not a supporting provider. */
export function mayRevokeTemporaryTokens(caller: Caller, userId: string): FakeError | undefined {
  if (isUser(caller, userId) || isTokensAdmin(caller)) return undefined;
  return refuse(caller);
}

/** Whose client tokens a caller lists: an authenticated user's own; a provider has none. */
export function clientTokensOwner(caller: Caller): string | FakeError {
  if (caller.type === "anonymous") return unauthorized;
  if (caller.type === "provider") return notFound;
  return caller.id;
}

/**
 * A user's token: that user or a provider supporting them. A provider's token: that provider or
 * a member of its cluster. Any token: an admin with `oz_tokens_manage`.
 */
export function mayReadNamedTokenStatus(
  store: FakeStore,
  caller: Caller,
  token: SeedNamedToken,
): FakeError | undefined {
  if (isTokensAdmin(caller)) return undefined;
  const { subject } = token;
  if (subject.type === "user") {
    if (isUser(caller, subject.id)) return undefined;
    if (caller.type === "provider" && store.supports(caller.id, subject.id)) return undefined;
  } else {
    if (caller.type === "provider" && caller.id === subject.id) return undefined;
    if (caller.type === "user" && store.isClusterMember(subject.id, caller.id)) return undefined;
  }
  return refuse(caller);
}
