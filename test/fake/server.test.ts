import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { basic, bearer, xAuthToken } from "./support/credentials.ts";

const { admin, user, otherUser, provider } = defaultSeedValues;
const unknownUserId = "00000000000000000000000000000000";

const anonymousBody = {
  error: {
    id: "unauthorized",
    description: "You must authenticate yourself to perform this operation.",
  },
};
const forbiddenBody = {
  error: { id: "forbidden", description: "You are not authorized to perform this operation." },
};
const notFoundBody = {
  error: { id: "notFound", description: "The resource could not be found." },
};
const authErrorBodies = {
  badToken: "Provided token could not be understood by the server.",
  tokenInvalid: "Provided token is not valid.",
  tokenRevoked: "Provided token has been revoked.",
  badBasicCredentials: "Invalid username or password.",
};
function badCredentialBody(id: keyof typeof authErrorBodies) {
  return {
    error: {
      id: "unauthorized",
      details: { authError: { id, description: authErrorBodies[id] } },
      description: "Provided authentication is not valid (see details).",
    },
  };
}

const conformance = useSpecConformance();
let fake: FakeOnezone;
beforeAll(async () => {
  fake = await startFakeOnezone();
});
afterAll(() => fake.close());

interface Want {
  status: number;
  body?: unknown;
}

async function send(
  target: FakeOnezone,
  method: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const response = await conformance.fetch(`${target.baseUrl}${path}`, { method, headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

async function expectResponse(
  method: string,
  path: string,
  headers: Record<string, string>,
  want: Want,
) {
  const got = await send(fake, method, path, headers);
  expect({ status: got.status, body: got.body }).toEqual({ status: want.status, body: want.body });
}

const generationOf = (id: string) => `/users/${id}/tokens/temporary`;
const statusOf = (tokenId: string) => `/tokens/named/${tokenId}/status`;

describe("credentials", () => {
  const path = generationOf(user.id);
  const ok = { status: 200, body: { generation: user.generation } };
  it.each<[string, Record<string, string>, Want]>([
    ["a temporary token in X-Auth-Token", xAuthToken(user.temporaryToken), ok],
    ["a named token in X-Auth-Token", xAuthToken(user.namedToken), ok],
    ["a named token as Bearer", bearer(user.namedToken), ok],
    ["username and password as Basic", basic(user.username, user.password), ok],
    ["no credential", {}, { status: 401, body: anonymousBody }],
    [
      "a lowercase bearer prefix (not a credential)",
      { Authorization: `bearer ${user.namedToken}` },
      { status: 401, body: anonymousBody },
    ],
    [
      "an unknown authorization scheme",
      { Authorization: `Token ${user.namedToken}` },
      { status: 401, body: anonymousBody },
    ],
    [
      "an empty X-Auth-Token",
      { "X-Auth-Token": "" },
      { status: 401, body: badCredentialBody("badToken") },
    ],
    [
      "an empty bearer token",
      { Authorization: "Bearer " },
      { status: 401, body: badCredentialBody("badToken") },
    ],
    [
      "a token with characters outside base62",
      xAuthToken("not a token!"),
      { status: 401, body: badCredentialBody("badToken") },
    ],
    [
      "a well-formed unknown token",
      bearer("MDAxnobodyissuedthis"),
      { status: 401, body: badCredentialBody("tokenInvalid") },
    ],
    [
      "a revoked named token",
      xAuthToken(otherUser.revokedNamedToken),
      { status: 401, body: badCredentialBody("tokenRevoked") },
    ],
    [
      "a temporary token of an older generation",
      xAuthToken(user.staleTemporaryToken),
      { status: 401, body: badCredentialBody("tokenRevoked") },
    ],
    [
      "a wrong password",
      basic(user.username, "wrong"),
      { status: 401, body: badCredentialBody("badBasicCredentials") },
    ],
    [
      "an unknown username",
      basic("nobody", user.password),
      { status: 401, body: badCredentialBody("badBasicCredentials") },
    ],
    [
      "Basic without a colon",
      { Authorization: `Basic ${btoa("username")}` },
      { status: 401, body: badCredentialBody("badBasicCredentials") },
    ],
  ])("%s", (_, headers, want) => expectResponse("GET", path, headers, want));

  it("uses X-Auth-Token before Authorization", async () => {
    await expectResponse(
      "GET",
      path,
      { ...xAuthToken("MDAxunknown"), ...bearer(user.namedToken) },
      {
        status: 401,
        body: badCredentialBody("tokenInvalid"),
      },
    );
    await expectResponse(
      "GET",
      path,
      { ...xAuthToken(user.namedToken), ...bearer("MDAxunknown") },
      ok,
    );
  });

  it("uses Basic only when no token header is present", async () => {
    await expectResponse(
      "GET",
      path,
      { ...xAuthToken("MDAxunknown"), ...basic(user.username, user.password) },
      {
        status: 401,
        body: badCredentialBody("tokenInvalid"),
      },
    );
    await expectResponse(
      "GET",
      path,
      { ...xAuthToken(user.namedToken), ...basic(user.username, "wrong") },
      ok,
    );
  });
});

describe("GET /users/{id}/tokens/temporary", () => {
  it.each<[string, string, Record<string, string>, Want]>([
    [
      "the user themselves",
      user.id,
      basic(user.username, user.password),
      { status: 200, body: { generation: 3 } },
    ],
    [
      "an admin with oz_tokens_manage",
      user.id,
      basic(admin.username, admin.password),
      { status: 200, body: { generation: 3 } },
    ],
    [
      "a provider supporting the user",
      user.id,
      xAuthToken(provider.namedToken),
      { status: 200, body: { generation: 3 } },
    ],
    [
      "a user never revoked (generation 1)",
      otherUser.id,
      basic(otherUser.username, otherUser.password),
      { status: 200, body: { generation: 1 } },
    ],
    [
      "another user",
      user.id,
      basic(otherUser.username, otherUser.password),
      { status: 403, body: forbiddenBody },
    ],
    [
      "a provider not supporting the user",
      otherUser.id,
      xAuthToken(provider.namedToken),
      { status: 403, body: forbiddenBody },
    ],
    ["an anonymous caller", user.id, {}, { status: 401, body: anonymousBody }],
    [
      "an admin, for an unknown user id",
      unknownUserId,
      basic(admin.username, admin.password),
      { status: 200, body: { generation: 1 } },
    ],
    [
      "a user, for an unknown user id",
      unknownUserId,
      basic(user.username, user.password),
      { status: 403, body: forbiddenBody },
    ],
    [
      "a provider, for an unknown user id",
      unknownUserId,
      xAuthToken(provider.namedToken),
      { status: 403, body: forbiddenBody },
    ],
  ])("%s", (_, id, headers, want) => expectResponse("GET", generationOf(id), headers, want));
});

describe("DELETE /users/{id}/tokens/temporary", () => {
  it.each<[string, string, Record<string, string>, Want]>([
    [
      "a provider supporting the user",
      user.id,
      xAuthToken(provider.namedToken),
      { status: 403, body: forbiddenBody },
    ],
    [
      "another user",
      user.id,
      basic(otherUser.username, otherUser.password),
      { status: 403, body: forbiddenBody },
    ],
    ["an anonymous caller", user.id, {}, { status: 401, body: anonymousBody }],
    [
      "a user, for an unknown user id",
      unknownUserId,
      basic(user.username, user.password),
      { status: 403, body: forbiddenBody },
    ],
  ])("refuses %s", (_, id, headers, want) =>
    expectResponse("DELETE", generationOf(id), headers, want),
  );

  it.each<[string, Record<string, string>]>([
    ["the user themselves", xAuthToken(user.temporaryToken)],
    ["an admin with oz_tokens_manage", basic(admin.username, admin.password)],
  ])("lets %s revoke all, raising the generation by one", async (_, headers) => {
    const own = await startFakeOnezone();
    try {
      const revoked = await send(own, "DELETE", generationOf(user.id), headers);
      expect(revoked).toMatchObject({ status: 204, body: undefined });
      const after = await send(
        own,
        "GET",
        generationOf(user.id),
        basic(user.username, user.password),
      );
      expect(after.body).toEqual({ generation: user.generation + 1 });
      const old = await send(own, "GET", generationOf(user.id), xAuthToken(user.temporaryToken));
      expect(old.body).toEqual(badCredentialBody("tokenRevoked"));
    } finally {
      await own.close();
    }
  });

  it("keeps a generation for an unknown user id that an admin revokes", async () => {
    const own = await startFakeOnezone();
    try {
      const asAdmin = basic(admin.username, admin.password);
      expect((await send(own, "DELETE", generationOf(unknownUserId), asAdmin)).status).toBe(204);
      expect((await send(own, "GET", generationOf(unknownUserId), asAdmin)).body).toEqual({
        generation: 2,
      });
    } finally {
      await own.close();
    }
  });
});

describe("GET /user/client_tokens", () => {
  it.each<[string, Record<string, string>, Want]>([
    [
      "the documented user's only named token",
      basic(user.username, user.password),
      { status: 200, body: { tokens: [user.namedToken] } },
    ],
    [
      "named tokens only, when called with a temporary token",
      xAuthToken(user.temporaryToken),
      { status: 200, body: { tokens: [user.namedToken] } },
    ],
    // "2019 backup script" sorts before "laptop"; the seed lists them the other way round.
    [
      "tokens sorted by name, revoked ones included",
      basic(otherUser.username, otherUser.password),
      { status: 200, body: { tokens: [otherUser.revokedNamedToken, otherUser.namedToken] } },
    ],
    [
      "the admin's own tokens only",
      bearer(admin.namedToken),
      { status: 200, body: { tokens: [admin.namedToken] } },
    ],
    ["404 for a provider", xAuthToken(provider.namedToken), { status: 404, body: notFoundBody }],
    ["401 for an anonymous caller", {}, { status: 401, body: anonymousBody }],
  ])("%s", (_, headers, want) => expectResponse("GET", "/user/client_tokens", headers, want));
});

describe("GET /tokens/named/{id}/status", () => {
  it.each<[string, string, Record<string, string>, Want]>([
    [
      "the owner",
      user.namedTokenId,
      basic(user.username, user.password),
      { status: 200, body: { revoked: false } },
    ],
    [
      "the owner of a revoked token",
      otherUser.revokedNamedTokenId,
      basic(otherUser.username, otherUser.password),
      { status: 200, body: { revoked: true } },
    ],
    [
      "a provider supporting the owner",
      user.namedTokenId,
      xAuthToken(provider.namedToken),
      { status: 200, body: { revoked: false } },
    ],
    [
      "a provider, for its own token",
      provider.namedTokenId,
      bearer(provider.namedToken),
      { status: 200, body: { revoked: false } },
    ],
    [
      "a member of the provider's cluster",
      provider.namedTokenId,
      basic(otherUser.username, otherUser.password),
      { status: 200, body: { revoked: false } },
    ],
    [
      "an admin with oz_tokens_manage",
      otherUser.revokedNamedTokenId,
      basic(admin.username, admin.password),
      { status: 200, body: { revoked: true } },
    ],
    [
      "another user",
      otherUser.namedTokenId,
      basic(user.username, user.password),
      { status: 403, body: forbiddenBody },
    ],
    [
      "a provider not supporting the owner",
      otherUser.namedTokenId,
      xAuthToken(provider.namedToken),
      { status: 403, body: forbiddenBody },
    ],
    [
      "a user outside the provider's cluster",
      provider.namedTokenId,
      basic(user.username, user.password),
      { status: 403, body: forbiddenBody },
    ],
    ["an anonymous caller", user.namedTokenId, {}, { status: 401, body: anonymousBody }],
    [
      "an anonymous caller, for an unknown token (404 first)",
      "no-such-token",
      {},
      { status: 404, body: notFoundBody },
    ],
    [
      "a user, for an unknown token",
      "no-such-token",
      basic(user.username, user.password),
      { status: 404, body: notFoundBody },
    ],
    [
      "an admin, for an unknown token",
      "no-such-token",
      basic(admin.username, admin.password),
      { status: 404, body: notFoundBody },
    ],
    [
      "a bad credential, for an unknown token (401 first)",
      "no-such-token",
      xAuthToken("MDAxunknown"),
      { status: 401, body: badCredentialBody("tokenInvalid") },
    ],
  ])("%s", (_, id, headers, want) => expectResponse("GET", statusOf(id), headers, want));
});

describe("routing", () => {
  const asUser = basic(user.username, user.password);
  it("accepts a trailing slash", () =>
    expectResponse("GET", `${statusOf(user.namedTokenId)}/`, asUser, {
      status: 200,
      body: { revoked: false },
    }));

  it.each([["/no/such/route"], ["/users"], ["/tokens/named/x/status/extra"]])(
    "answers 404 notFound for %s",
    (path) => expectResponse("GET", path, asUser, { status: 404, body: notFoundBody }),
  );

  it("answers 404 notFound outside the API base path", async () => {
    const response = await conformance.fetch(`${fake.url}/api/v2/onezone/user/client_tokens`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(notFoundBody);
  });

  it.each([
    ["DELETE", "/user/client_tokens", "GET"],
    ["POST", generationOf(user.id), "GET, DELETE"],
    ["PUT", statusOf(user.namedTokenId), "GET"],
  ])("answers %s %s with 405 and Allow: %s, before authenticating", async (method, path, allow) => {
    const got = await send(fake, method, path, xAuthToken("MDAxunknown"));
    expect(got.status).toBe(405);
    expect(got.headers.get("allow")).toBe(allow);
    expect(got.body).toEqual({
      error: { id: "notSupported", description: "This operation is not supported." },
    });
  });
});
