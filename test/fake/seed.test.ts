import { describe, expect, it } from "vitest";
import {
  defaultSeed,
  defaultSeedValues,
  type FakeSeed,
  parseSeed,
  SeedError,
} from "../../src/fake/index.ts";

const valid: FakeSeed = {
  users: [
    { id: "u1", username: "ann", password: "pw", privileges: ["oz_tokens_manage"] },
    { id: "u2", username: "ben", password: "pw", privileges: [], temporaryTokenGeneration: 2 },
  ],
  providers: [{ id: "p1", name: "P", supportedUsers: ["u2"], clusterMembers: ["u1"] }],
  namedTokens: [
    { id: "t1", name: "a", token: "MDAxa", subject: { type: "user", id: "u1" }, revoked: false },
    { id: "t2", name: "b", token: "MDAxb", subject: { type: "provider", id: "p1" }, revoked: true },
  ],
  temporaryTokens: [{ token: "MDAxc", userId: "u2", generation: 1 }],
};

/** A copy of `valid` with the field at `path` (e.g. `users[1].password`) set, or removed. */
function withField(path: string, value?: unknown): unknown {
  const copy: unknown = structuredClone(valid);
  const keys = path.split(/[.[\]]+/).filter(Boolean);
  const last = keys.pop() ?? "";
  const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], copy);
  const fields = parent as Record<string, unknown>;
  if (value === undefined) delete fields[last];
  else fields[last] = value;
  return copy;
}

describe("parseSeed", () => {
  it("accepts the default seed and a valid one unchanged", () => {
    expect(parseSeed(defaultSeed)).toEqual(defaultSeed);
    expect(parseSeed(valid)).toEqual(valid);
  });

  it.each<[string, unknown, string]>([
    ["a seed that is not an object", [], "the seed must be an object."],
    ["a missing list", withField("providers"), "providers must be an array."],
    [
      "a user without a password",
      withField("users[1].password"),
      "users[1].password must be a non-empty string.",
    ],
    [
      "an empty username",
      withField("users[0].username", ""),
      "users[0].username must be a non-empty string.",
    ],
    [
      "a privilege that is not a string",
      withField("users[0].privileges", [1]),
      "users[0].privileges[0] must be a non-empty string.",
    ],
    [
      "a generation of 0",
      withField("users[1].temporaryTokenGeneration", 0),
      "users[1].temporaryTokenGeneration must be an integer of at least 1.",
    ],
    [
      "a fractional generation",
      withField("temporaryTokens[0].generation", 1.5),
      "temporaryTokens[0].generation must be an integer of at least 1.",
    ],
    [
      "a token subject of an unknown type",
      withField("namedTokens[0].subject.type", "group"),
      'namedTokens[0].subject.type must be "user" or "provider".',
    ],
    [
      "revoked given as a string",
      withField("namedTokens[1].revoked", "yes"),
      "namedTokens[1].revoked must be true or false.",
    ],
    [
      "a token outside base62",
      withField("namedTokens[0].token", "abc-def"),
      "namedTokens[0].token must contain only the base62 characters A-Z, a-z and 0-9.",
    ],
    ["a duplicate user id", withField("users[1].id", "u1"), "users[1].id is not unique."],
    [
      "a duplicate username",
      withField("users[1].username", "ann"),
      "users[1].username is not unique.",
    ],
    [
      "a token used twice",
      withField("temporaryTokens[0].token", "MDAxa"),
      "temporaryTokens[0].token is used by another token too.",
    ],
    [
      "a supported user that does not exist",
      withField("providers[0].supportedUsers", ["u2", "u9"]),
      'providers[0].supportedUsers[1] names no user of the seed ("u9").',
    ],
    [
      "a token of an unknown provider",
      withField("namedTokens[1].subject.id", "p9"),
      'namedTokens[1].subject.id names no provider of the seed ("p9").',
    ],
    [
      "a temporary token of an unknown user",
      withField("temporaryTokens[0].userId", "u9"),
      'temporaryTokens[0].userId names no user of the seed ("u9").',
    ],
    [
      "a temporary token from a future generation",
      withField("temporaryTokens[0].generation", 3),
      "temporaryTokens[0].generation is 3, above its user's 2.",
    ],
  ])("rejects %s", (_, seed, message) => {
    expect(() => parseSeed(seed)).toThrow(new SeedError(message));
  });
});

describe("defaultSeed", () => {
  const { user } = defaultSeedValues;
  const documented = defaultSeed.users.find((u) => u.username === "username");

  it("has the user the spec's examples use", () => {
    expect(documented).toMatchObject({
      id: user.id,
      password: "password",
      temporaryTokenGeneration: 3,
    });
  });

  it("gives that user exactly one named token, not revoked, serialized as in the listClientTokens example", () => {
    const owned = defaultSeed.namedTokens.filter((t) => t.subject.id === user.id);
    expect(owned).toEqual([
      expect.objectContaining({
        id: user.namedTokenId,
        token: "12da582337ff25cc86db30580b20d3cd",
        revoked: false,
      }),
    ]);
  });

  it("has an admin with oz_tokens_manage and a provider supporting the documented user", () => {
    expect(defaultSeed.users.filter((u) => u.privileges.includes("oz_tokens_manage"))).toHaveLength(
      1,
    );
    expect(defaultSeed.providers[0]?.supportedUsers).toEqual([user.id]);
  });
});
