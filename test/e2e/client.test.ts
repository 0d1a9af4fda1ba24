import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import {
  type ApiResponse,
  createApiClient,
  createOnezoneClient,
  type OnezoneAuth,
  type OnezoneClient,
  OnezoneError,
} from "../../src/index.ts";
import { useSpecConformance } from "../fake/support/conformance.ts";
import { seededId } from "../helpers/seeded-ids.ts";
import { generatedApi, PROJECT_SPEC, SPECS } from "../helpers/specs.ts";
import { bodiesOf, callOf, needsCredential, readingOf, readSpec } from "../src/spec-calls.ts";

// The typed client against the fake over real HTTP; every response is checked against the spec.
const { admin, user, otherUser, provider } = defaultSeedValues;
const conformance = useSpecConformance();

let fake: FakeOnezone;
beforeAll(async () => {
  fake = await startFakeOnezone();
});
afterAll(() => fake.close());

function clientFor(auth?: OnezoneAuth, target: FakeOnezone = fake): OnezoneClient {
  return createOnezoneClient({
    baseUrl: target.baseUrl,
    fetch: conformance.fetch,
    ...(auth ? { auth } : {}),
  });
}

/** The OnezoneError a call rejects with. */
async function failure(call: Promise<unknown>): Promise<OnezoneError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OnezoneError);
  return error as OnezoneError;
}

const credentialKinds: [string, OnezoneAuth][] = [
  ["token (X-Auth-Token)", { token: user.temporaryToken }],
  ["bearer", { bearer: user.namedToken }],
  ["basic", { username: user.username, password: user.password }],
];

describe.each(credentialKinds)("with a %s credential", (_, auth) => {
  it("reads the temporary token generation", async () => {
    expect(await clientFor(auth).getTemporaryTokenGenerationOfUser({ id: user.id })).toEqual({
      generation: user.generation,
    });
  });

  it("lists the client tokens", async () => {
    expect(await clientFor(auth).listClientTokens()).toEqual({ tokens: [user.namedToken] });
  });

  it("reads a named token's status", async () => {
    expect(await clientFor(auth).getNamedTokenStatus({ id: user.namedTokenId })).toEqual({
      revoked: false,
    });
  });

  it("revokes all temporary tokens (204, resolving to undefined)", async () => {
    const own = await startFakeOnezone();
    try {
      const client = clientFor(auth, own);
      expect(await client.revokeAllTemporaryTokensOfUser({ id: user.id })).toBeUndefined();
      const asAdmin = clientFor({ username: admin.username, password: admin.password }, own);
      expect(await asAdmin.getTemporaryTokenGenerationOfUser({ id: user.id })).toEqual({
        generation: user.generation + 1,
      });
    } finally {
      await own.close();
    }
  });
});

describe("refusals", async () => {
  // Every operation that needs a credential, called on a resource the seed holds (the user, their
  // named token), so that only the credential decides; other parameters from the spec's examples.
  const project = await readSpec(PROJECT_SPEC);
  const everyOperation = project.operations
    .filter((op) => needsCredential(project, op))
    .map((op): [string, (client: OnezoneClient) => Promise<unknown>] => {
      const { path, options } = callOf(project, op);
      const id = seededId(op.path, "id");
      const args = path ? [id ? { ...path, id } : path, options] : [options];
      const method = (client: OnezoneClient) =>
        (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[op.name];
      return [op.name, (c) => method(c)?.(...args) ?? Promise.resolve()];
    });

  it("covers the spec's operations", () => {
    expect(everyOperation.length).toBeGreaterThan(0);
  });

  it.each(everyOperation)("%s: 401 unauthorized for an anonymous caller", async (id, call) => {
    const error = await failure(call(clientFor()));
    expect(error).toMatchObject({ operationId: id, status: 401 });
    expect(error.error).toEqual({
      id: "unauthorized",
      description: "You must authenticate yourself to perform this operation.",
    });
  });

  const badCredentials: [string, OnezoneAuth, string][] = [
    ["badToken", { token: "not a token" }, "a token that cannot be decoded"],
    ["tokenInvalid", { bearer: "MDAxnobodyissuedthis" }, "an unknown token"],
    ["tokenRevoked", { token: otherUser.revokedNamedToken }, "a revoked named token"],
    ["tokenRevoked", { token: user.staleTemporaryToken }, "a temporary token of an old generation"],
    ["badBasicCredentials", { username: user.username, password: "wrong" }, "a wrong password"],
  ];

  it.each(
    everyOperation.flatMap(([id, call]) =>
      badCredentials.map(([authError, auth, what]) => [id, what, authError, auth, call] as const),
    ),
  )("%s: 401 for %s (authError %s)", async (id, _, authError, auth, call) => {
    const error = await failure(call(clientFor(auth)));
    expect(error).toMatchObject({ operationId: id, status: 401 });
    expect(error.error?.id).toBe("unauthorized");
    expect(error.error?.details).toMatchObject({ authError: { id: authError } });
    const secret = "token" in auth ? auth.token : "bearer" in auth ? auth.bearer : auth.password;
    expect(error.message).not.toContain(secret);
  });

  it.each<[string, OnezoneAuth, (client: OnezoneClient) => Promise<unknown>]>([
    [
      "another user reading the generation",
      { username: otherUser.username, password: otherUser.password },
      (c) => c.getTemporaryTokenGenerationOfUser({ id: user.id }),
    ],
    [
      "a supporting provider revoking",
      { token: provider.namedToken },
      (c) => c.revokeAllTemporaryTokensOfUser({ id: user.id }),
    ],
    [
      "another user reading a token's status",
      { token: user.temporaryToken },
      (c) => c.getNamedTokenStatus({ id: otherUser.namedTokenId }),
    ],
  ])("403 forbidden for %s", async (_, auth, call) => {
    const error = await failure(call(clientFor(auth)));
    expect(error.status).toBe(403);
    expect(error.error).toEqual({
      id: "forbidden",
      description: "You are not authorized to perform this operation.",
    });
  });

  it.each<[string, OnezoneAuth | undefined, (client: OnezoneClient) => Promise<unknown>]>([
    [
      "an unknown named token, even for an admin",
      { username: admin.username, password: admin.password },
      (c) => c.getNamedTokenStatus({ id: "no-such-token" }),
    ],
    [
      "an unknown named token, even for an anonymous caller",
      undefined,
      (c) => c.getNamedTokenStatus({ id: "no-such-token" }),
    ],
    [
      "a provider listing client tokens",
      { bearer: provider.namedToken },
      (c) => c.listClientTokens(),
    ],
  ])("404 notFound for %s", async (_, auth, call) => {
    const error = await failure(call(clientFor(auth)));
    expect(error.status).toBe(404);
    expect(error.error).toEqual({
      id: "notFound",
      description: "The resource could not be found.",
    });
  });
});

describe("revoking all temporary tokens", () => {
  it("raises the generation by one and rejects the old temporary tokens with tokenRevoked", async () => {
    const own = await startFakeOnezone();
    try {
      const withTemporary = clientFor({ token: user.temporaryToken }, own);
      const asAdmin = clientFor({ username: admin.username, password: admin.password }, own);

      const { generation } = await withTemporary.getTemporaryTokenGenerationOfUser({ id: user.id });
      expect(await withTemporary.listClientTokens()).toEqual({ tokens: [user.namedToken] });

      await withTemporary.revokeAllTemporaryTokensOfUser({ id: user.id });

      expect(await asAdmin.getTemporaryTokenGenerationOfUser({ id: user.id })).toEqual({
        generation: generation + 1,
      });
      const error = await failure(withTemporary.getTemporaryTokenGenerationOfUser({ id: user.id }));
      expect(error.status).toBe(401);
      expect(error.error?.details).toEqual({
        authError: { id: "tokenRevoked", description: "Provided token has been revoked." },
      });
      // Named tokens are not temporary: they keep working.
      const withNamed = clientFor({ token: user.namedToken }, own);
      expect(await withNamed.listClientTokens()).toEqual({ tokens: [user.namedToken] });
    } finally {
      await own.close();
    }
  });
});

describe.each(SPECS)("$name: every operation against the fake serving its spec", async (spec) => {
  // The fake answers each operation by its spec (its examples, or its state); whatever it
  // answers, the client resolves to what the spec documents or throws the documented error.
  const read = await readSpec(spec.path);
  const { operationIndex } = await generatedApi(spec.path);
  let served: FakeOnezone;
  beforeAll(async () => {
    served = await startFakeOnezone({ spec: spec.path });
  });
  afterAll(() => served.close());

  const calls = read.operations.map((op) => ({ name: op.name, op }));
  it.each(calls)("$name", async ({ op }) => {
    const client = createApiClient(operationIndex, {
      baseUrl: served.baseUrl,
      auth: { token: user.namedToken },
    });
    const { path, options } = callOf(read, op);
    const [body] = bodiesOf(read, op);
    const withBody = body ? { ...options, body: body.body, contentType: body.mediaType } : options;
    const method = client.withResponse[op.name];
    const answer = await method?.(...(path ? [path, withBody] : [withBody])).catch(
      (error: unknown) => error,
    );
    if (answer instanceof OnezoneError) {
      expect(op.responses.map((response) => response.status)).toContain(String(answer.status));
      return;
    }
    const { status, data, headers } = answer as ApiResponse;
    const documented = op.responses.find((response) => response.status === String(status));
    expect(documented, `HTTP ${status}`).toBeDefined();
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
    if (documented?.contentTypes.length === 0) {
      expect(data).toBeUndefined();
    } else {
      const reading = readingOf(op);
      if (reading === "blob") expect(data).toBeInstanceOf(Blob);
      else if (reading === "text") expect(data).toBeTypeOf("string");
      else expect(data).not.toBeInstanceOf(Blob);
    }
    for (const header of documented?.headers.filter((h) => h.required) ?? []) {
      expect(headers).toHaveProperty([header.name.toLowerCase()]);
    }
  });
});
