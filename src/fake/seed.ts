/**
 * The state a fake Onezone starts from. Every named token is an access token; temporary tokens
 * belong to users and are valid while their generation is the user's current one.
 */
export interface FakeSeed {
  users: SeedUser[];
  providers: SeedProvider[];
  namedTokens: SeedNamedToken[];
  temporaryTokens: SeedTemporaryToken[];
}

export interface SeedUser {
  id: string;
  username: string;
  password: string;
  /** Admin privileges, e.g. `oz_tokens_manage`. */
  privileges: string[];
  /** The current generation of the user's temporary tokens (1 when absent). */
  temporaryTokenGeneration?: number;
}

export interface SeedProvider {
  id: string;
  name: string;
  /** Ids of the users this provider supports. */
  supportedUsers: string[];
  /** Ids of the users who are members of this provider's cluster. */
  clusterMembers: string[];
}

export interface SeedNamedToken {
  id: string;
  name: string;
  /** The serialized token, as sent in `X-Auth-Token` (base62 characters only). */
  token: string;
  subject: { type: "user" | "provider"; id: string };
  revoked: boolean;
}

export interface SeedTemporaryToken {
  /** The serialized token (base62 characters only). */
  token: string;
  userId: string;
  generation: number;
}

/** Base62, the alphabet of serialized Onezone tokens; anything else cannot be a token. */
export const TOKEN_SYNTAX = /^[A-Za-z0-9]+$/;

/**
 * The values of the default seed. `user` is the one the spec's examples use: `-u
 * username:password`, `$USER_ID`, `$TOKEN_ID` (its only named token) and `$TOKEN`.
 */
export const defaultSeedValues = {
  admin: {
    id: "57c058d0ec9146c4019bbb4ba9fba5b1",
    username: "admin",
    password: "admin-password",
    namedTokenId: "942495f3a64355f9794536b10222e81c",
    namedToken: "MDAxadmin0accesstoken4f1c2e",
  },
  user: {
    id: "c26bab23d12f7389c3c311caf9c15902",
    username: "username",
    password: "password",
    generation: 3,
    namedTokenId: "c48ef0a369db17771ad7254e4e410094",
    namedToken: "12da582337ff25cc86db30580b20d3cd",
    temporaryToken: "MDAxusername0temporary0gen3",
    /** Issued under generation 2, so already revoked by the seed's generation 3. */
    staleTemporaryToken: "MDAxusername0temporary0gen2",
  },
  otherUser: {
    id: "30a76c674b4867af4763782936effb85",
    username: "alice",
    password: "alice-password",
    namedTokenId: "ac27962a4b6a78de81f8d0bfc48eaa9e",
    namedToken: "MDAxalice0laptop0accesstoken",
    revokedNamedTokenId: "186897f6801cd072c4205e8131a0a42a",
    revokedNamedToken: "MDAxalice0old0revokedtoken",
    temporaryToken: "MDAxalice0temporary0gen1",
  },
  provider: {
    id: "913b7bc1aa8b7907554555a7cbb25a08",
    name: "Krakow provider",
    namedTokenId: "b4c6901dc7cba692bef4963b681e7780",
    namedToken: "MDAxprovider0krakow0token",
  },
} as const;

const { admin, user, otherUser, provider } = defaultSeedValues;

/**
 * An admin with `oz_tokens_manage`, the documented user `username` (supported by the provider)
 * and `alice` (a member of the provider's cluster, with a revoked and a live named token).
 */
export const defaultSeed: FakeSeed = {
  users: [
    {
      id: admin.id,
      username: admin.username,
      password: admin.password,
      privileges: ["oz_tokens_manage"],
    },
    {
      id: user.id,
      username: user.username,
      password: user.password,
      privileges: [],
      temporaryTokenGeneration: user.generation,
    },
    {
      id: otherUser.id,
      username: otherUser.username,
      password: otherUser.password,
      privileges: [],
    },
  ],
  providers: [
    {
      id: provider.id,
      name: provider.name,
      supportedUsers: [user.id],
      clusterMembers: [otherUser.id],
    },
  ],
  namedTokens: [
    {
      id: admin.namedTokenId,
      name: "admin console",
      token: admin.namedToken,
      subject: { type: "user", id: admin.id },
      revoked: false,
    },
    {
      id: user.namedTokenId,
      name: "cli access",
      token: user.namedToken,
      subject: { type: "user", id: user.id },
      revoked: false,
    },
    {
      id: otherUser.namedTokenId,
      name: "laptop",
      token: otherUser.namedToken,
      subject: { type: "user", id: otherUser.id },
      revoked: false,
    },
    {
      id: otherUser.revokedNamedTokenId,
      name: "2019 backup script",
      token: otherUser.revokedNamedToken,
      subject: { type: "user", id: otherUser.id },
      revoked: true,
    },
    {
      id: provider.namedTokenId,
      name: "provider registration",
      token: provider.namedToken,
      subject: { type: "provider", id: provider.id },
      revoked: false,
    },
  ],
  temporaryTokens: [
    { token: user.temporaryToken, userId: user.id, generation: 3 },
    { token: user.staleTemporaryToken, userId: user.id, generation: 2 },
    { token: otherUser.temporaryToken, userId: otherUser.id, generation: 1 },
  ],
};
