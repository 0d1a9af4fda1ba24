import {
  type FakeSeed,
  type SeedNamedToken,
  type SeedProvider,
  type SeedTemporaryToken,
  type SeedUser,
  TOKEN_SYNTAX,
} from "./seed.ts";

/** A seed that cannot be used; the message names the field, e.g. `users[1].password`. */
export class SeedError extends Error {
  override name = "SeedError";
}

/** Checks a seed read from JSON and returns it typed, or throws a SeedError naming the bad field. */
export function parseSeed(value: unknown): FakeSeed {
  const root = object(value, "the seed");
  const seed: FakeSeed = {
    users: list(root, "users", "", user),
    providers: list(root, "providers", "", provider),
    namedTokens: list(root, "namedTokens", "", namedToken),
    temporaryTokens: list(root, "temporaryTokens", "", temporaryToken),
  };
  checkReferences(seed);
  return seed;
}

function user(value: unknown, at: string): SeedUser {
  const fields = object(value, at);
  const generation = fields.temporaryTokenGeneration;
  return {
    id: text(fields, "id", at),
    username: text(fields, "username", at),
    password: text(fields, "password", at),
    privileges: list(fields, "privileges", at, (item, itemAt) => nonEmpty(item, itemAt)),
    ...(generation === undefined
      ? {}
      : { temporaryTokenGeneration: positive(generation, `${at}.temporaryTokenGeneration`) }),
  };
}

function provider(value: unknown, at: string): SeedProvider {
  const fields = object(value, at);
  return {
    id: text(fields, "id", at),
    name: text(fields, "name", at),
    supportedUsers: list(fields, "supportedUsers", at, nonEmpty),
    clusterMembers: list(fields, "clusterMembers", at, nonEmpty),
  };
}

function namedToken(value: unknown, at: string): SeedNamedToken {
  const fields = object(value, at);
  const subject = object(fields.subject, `${at}.subject`);
  const type = subject.type;
  if (type !== "user" && type !== "provider") {
    throw new SeedError(`${at}.subject.type must be "user" or "provider".`);
  }
  if (typeof fields.revoked !== "boolean") {
    throw new SeedError(`${at}.revoked must be true or false.`);
  }
  return {
    id: text(fields, "id", at),
    name: text(fields, "name", at),
    token: token(fields, at),
    subject: { type, id: text(subject, "id", `${at}.subject`) },
    revoked: fields.revoked,
  };
}

function temporaryToken(value: unknown, at: string): SeedTemporaryToken {
  const fields = object(value, at);
  return {
    token: token(fields, at),
    userId: text(fields, "userId", at),
    generation: positive(fields.generation, `${at}.generation`),
  };
}

/** Every id a seed refers to exists, and ids, usernames and tokens are unique. */
function checkReferences(seed: FakeSeed): void {
  const userIds = unique(seed.users, "users", (u) => u.id, "id");
  unique(seed.users, "users", (u) => u.username, "username");
  const providerIds = unique(seed.providers, "providers", (p) => p.id, "id");
  unique(seed.namedTokens, "namedTokens", (t) => t.id, "id");
  const serialized = [
    ...seed.namedTokens.map((t, i) => [`namedTokens[${i}].token`, t.token] as const),
    ...seed.temporaryTokens.map((t, i) => [`temporaryTokens[${i}].token`, t.token] as const),
  ];
  const seen = new Set<string>();
  for (const [at, value] of serialized) {
    if (seen.has(value)) throw new SeedError(`${at} is used by another token too.`);
    seen.add(value);
  }
  seed.providers.forEach((p, i) => {
    for (const field of ["supportedUsers", "clusterMembers"] as const) {
      p[field].forEach((id, j) => {
        refer(id, userIds, `providers[${i}].${field}[${j}]`, "user");
      });
    }
  });
  seed.namedTokens.forEach((t, i) => {
    const ids = t.subject.type === "user" ? userIds : providerIds;
    refer(t.subject.id, ids, `namedTokens[${i}].subject.id`, t.subject.type);
  });
  seed.temporaryTokens.forEach((t, i) => {
    const at = `temporaryTokens[${i}]`;
    refer(t.userId, userIds, `${at}.userId`, "user");
    const current = seed.users.find((u) => u.id === t.userId)?.temporaryTokenGeneration ?? 1;
    if (t.generation > current) {
      throw new SeedError(`${at}.generation is ${t.generation}, above its user's ${current}.`);
    }
  });
}

function unique<T>(items: T[], at: string, key: (item: T) => string, field: string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(key(item))) throw new SeedError(`${at}[${i}].${field} is not unique.`);
    seen.add(key(item));
  });
  return seen;
}

function refer(id: string, known: Set<string>, at: string, kind: string): void {
  if (!known.has(id)) throw new SeedError(`${at} names no ${kind} of the seed ("${id}").`);
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SeedError(`${at} must be an object.`);
  }
  return value as Record<string, unknown>;
}

function list<T>(
  fields: Record<string, unknown>,
  key: string,
  at: string,
  item: (value: unknown, at: string) => T,
): T[] {
  const path = at === "" ? key : `${at}.${key}`;
  const value = fields[key];
  if (!Array.isArray(value)) throw new SeedError(`${path} must be an array.`);
  return value.map((element, i) => item(element, `${path}[${i}]`));
}

function text(fields: Record<string, unknown>, key: string, at: string): string {
  return nonEmpty(fields[key], `${at}.${key}`);
}

function nonEmpty(value: unknown, at: string): string {
  if (typeof value !== "string" || value === "") {
    throw new SeedError(`${at} must be a non-empty string.`);
  }
  return value;
}

function token(fields: Record<string, unknown>, at: string): string {
  const value = text(fields, "token", at);
  if (!TOKEN_SYNTAX.test(value)) {
    throw new SeedError(`${at}.token must contain only the base62 characters A-Z, a-z and 0-9.`);
  }
  return value;
}

function positive(value: unknown, at: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new SeedError(`${at} must be an integer of at least 1.`);
  }
  return value;
}
