import { sortBy } from "../sort.ts";
import type { AuthErrorId } from "./errors.ts";
import {
  type FakeSeed,
  type SeedNamedToken,
  type SeedProvider,
  type SeedUser,
  TOKEN_SYNTAX,
} from "./seed.ts";

/** Who a request acts as, once its credential has been accepted. */
export type Caller =
  | { type: "anonymous" }
  | { type: "user"; id: string; privileges: readonly string[] }
  | { type: "provider"; id: string };

/** What a request presented, in Onezone's priority order (see ./credential.ts). */
export type Credential =
  | { type: "none" }
  | { type: "token"; token: string }
  | { type: "basic"; username: string; password: string }
  | { type: "malformedBasic" };

/** The fake's mutable state, built from a seed that it never modifies. */
export class FakeStore {
  private readonly usersById: Map<string, SeedUser>;
  private readonly usersByName: Map<string, SeedUser>;
  private readonly providersById: Map<string, SeedProvider>;
  private readonly namedTokensById: Map<string, SeedNamedToken>;
  private readonly namedTokensBySerialized: Map<string, SeedNamedToken>;
  private readonly temporaryTokens: Map<string, { userId: string; generation: number }>;
  /** Keyed by any user id: Onezone keeps a generation even for ids it has no user for. */
  private readonly generations = new Map<string, number>();

  constructor(seed: FakeSeed) {
    const copy = structuredClone(seed);
    this.usersById = new Map(copy.users.map((user) => [user.id, user]));
    this.usersByName = new Map(copy.users.map((user) => [user.username, user]));
    this.providersById = new Map(copy.providers.map((provider) => [provider.id, provider]));
    this.namedTokensById = new Map(copy.namedTokens.map((token) => [token.id, token]));
    this.namedTokensBySerialized = new Map(copy.namedTokens.map((token) => [token.token, token]));
    this.temporaryTokens = new Map(
      copy.temporaryTokens.map(({ token, userId, generation }) => [token, { userId, generation }]),
    );
    for (const user of copy.users) {
      if (user.temporaryTokenGeneration !== undefined) {
        this.generations.set(user.id, user.temporaryTokenGeneration);
      }
    }
  }

  authenticate(credential: Credential): Caller | AuthErrorId {
    switch (credential.type) {
      case "none":
        return { type: "anonymous" };
      case "malformedBasic":
        return "badBasicCredentials";
      case "basic": {
        const user = this.usersByName.get(credential.username);
        if (user === undefined || user.password !== credential.password) {
          return "badBasicCredentials";
        }
        return this.userCaller(user);
      }
      case "token":
        return this.authenticateToken(credential.token);
    }
  }

  private authenticateToken(token: string): Caller | AuthErrorId {
    if (!TOKEN_SYNTAX.test(token)) return "badToken";
    const named = this.namedTokensBySerialized.get(token);
    if (named !== undefined) {
      if (named.revoked) return "tokenRevoked";
      if (named.subject.type === "provider") return { type: "provider", id: named.subject.id };
      return this.userCaller(this.usersById.get(named.subject.id));
    }
    const temporary = this.temporaryTokens.get(token);
    if (temporary !== undefined) {
      if (temporary.generation < this.generation(temporary.userId)) return "tokenRevoked";
      return this.userCaller(this.usersById.get(temporary.userId));
    }
    return "tokenInvalid";
  }

  private userCaller(user: SeedUser | undefined): Caller | AuthErrorId {
    if (user === undefined) return "tokenInvalid";
    return { type: "user", id: user.id, privileges: user.privileges };
  }

  /** The user's temporary token generation; 1 until the first revoke-all. */
  generation(userId: string): number {
    return this.generations.get(userId) ?? 1;
  }

  revokeAllTemporaryTokens(userId: string): void {
    this.generations.set(userId, this.generation(userId) + 1);
  }

  namedToken(id: string): SeedNamedToken | undefined {
    return this.namedTokensById.get(id);
  }

  /** The user's named (access) tokens, serialized and sorted by token name; revoked ones too. */
  clientTokens(userId: string): string[] {
    const tokens = [...this.namedTokensById.values()].filter(
      ({ subject }) => subject.type === "user" && subject.id === userId,
    );
    return sortBy(tokens, ({ name }) => name).map(({ token }) => token);
  }

  supports(providerId: string, userId: string): boolean {
    return this.providersById.get(providerId)?.supportedUsers.includes(userId) ?? false;
  }

  isClusterMember(providerId: string, userId: string): boolean {
    return this.providersById.get(providerId)?.clusterMembers.includes(userId) ?? false;
  }
}
