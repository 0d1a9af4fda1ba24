import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/schema.js";
import type { ApiResponse } from "../../src/call.ts";
import {
  type ApiClient,
  createApiClient,
  createOnezoneClient,
  type OperationResult,
} from "../../src/client.ts";
import type { OnedataError } from "../../src/errors.ts";
import type {
  ClientMethods as GrowthMethods,
  ResponseMethods as GrowthResponses,
} from "../fixtures/growth/expected/client-types.gen.ts";
import type {
  components as GrowthComponents,
  paths as GrowthPaths,
} from "../fixtures/growth/expected/schema.js";

const onezone = createOnezoneClient({ host: "onezone.example.com", auth: { token: "t" } });

describe("client types come from the spec", () => {
  it("results have the spec's types", () => {
    expectTypeOf(onezone.getTemporaryTokenGenerationOfUser({ id: "u" })).resolves.toEqualTypeOf<{
      generation: number;
    }>();
    expectTypeOf(onezone.getNamedTokenStatus({ id: "t" })).resolves.toEqualTypeOf<
      components["schemas"]["NamedTokenStatus"]
    >();
    expectTypeOf(onezone.listClientTokens()).resolves.toEqualTypeOf<{ tokens: string[] }>();
    expectTypeOf<OperationResult<"revokeAllTemporaryTokensOfUser">>().toEqualTypeOf<undefined>();
  });

  it("the error details are an open object", () => {
    expectTypeOf<NonNullable<OnedataError["details"]>>().toEqualTypeOf<{
      [key: string]: unknown;
    }>();
  });

  it("a missing or mistyped id does not compile", () => {
    // @ts-expect-error the path parameters are required
    onezone.getNamedTokenStatus();
    // @ts-expect-error id is required
    onezone.getNamedTokenStatus({});
    // @ts-expect-error id is a string
    onezone.getNamedTokenStatus({ id: 42 });
    // @ts-expect-error the parameter is called id
    onezone.getTemporaryTokenGenerationOfUser({ userId: "u" });
  });

  it("an operation the spec does not have does not compile", () => {
    // @ts-expect-error no such operation
    onezone.listNamedTokens();
    // @ts-expect-error no such path on the raw client
    onezone.raw.GET("/tokens/named");
  });

  it("each call takes its own timeout and signal", () => {
    onezone.getNamedTokenStatus({ id: "t" }, { timeout: 1_000 });
    onezone.listClientTokens({ timeout: false, signal: AbortSignal.timeout(10) });
    // @ts-expect-error timeout is a number of milliseconds
    onezone.listClientTokens({ timeout: "5s" });
    // @ts-expect-error the call options come after the path parameters
    onezone.getNamedTokenStatus({ timeout: 1_000 });
  });

  it("auth takes exactly one credential shape", () => {
    // @ts-expect-error a password needs a username
    createOnezoneClient({ host: "h", auth: { password: "p" } });
  });
});

// The growth fixture's client, typed by its generated client types (kept current by
// test/scripts/emit/client-types.test.ts): bodies of each media type, answers that are not JSON,
// two 2xx codes, response headers.
declare const growth: ApiClient<GrowthMethods, GrowthResponses, GrowthPaths>;
type Schemas = GrowthComponents["schemas"];

describe("bodies, answers and headers come from the spec too", () => {
  it("a JSON body has its schema's type; a required one must be given", () => {
    growth.createNamedTokenForCurrentUser({
      body: { name: "n", caveats: [{ type: "time", validUntil: 1 }] },
    });
    growth.createTemporaryTokenForCurrentUser({
      body: { type: "invite", inviteType: "userJoinGroup", targetId: "g", caveats: [] },
    });
    growth.updateNamedToken({ id: "t" });
    // @ts-expect-error the body is required
    growth.createNamedTokenForCurrentUser({});
    // @ts-expect-error name is required
    growth.createNamedTokenForCurrentUser({ body: {} });
    // @ts-expect-error an invite token needs its target
    growth.createTemporaryTokenForCurrentUser({ body: { type: "invite", caveats: [] } });
    // @ts-expect-error an operation without a body takes none
    growth.listClientTokens({ body: {} });
  });

  it("a form body has its schema's fields; a multipart one takes files", () => {
    growth.createTemporaryTokenWithPassword({ body: { username: "u", password: "p", ttl: 60 } });
    growth.uploadUserAvatar({ body: { file: new File([], "a.png"), caption: "c" } });
    growth.uploadUserAvatar({ body: { file: new Blob([]) } });
    // @ts-expect-error the file is required
    growth.uploadUserAvatar({ body: { caption: "c" } });
    // @ts-expect-error ttl is a number
    growth.createTemporaryTokenWithPassword({ body: { username: "u", password: "p", ttl: "1h" } });
  });

  it("contentType is one of the media types the spec declares for the body", () => {
    growth.createNamedTokenForCurrentUser({ body: { name: "n" }, contentType: "application/json" });
    // @ts-expect-error not a media type the spec declares
    growth.createNamedTokenForCurrentUser({ body: { name: "n" }, contentType: "text/plain" });
  });

  it("header, query and cookie parameters are typed; a required one must be given", () => {
    growth.getUserDataExportLog({ id: "e" }, { params: { header: { "X-Request-Id": "r" } } });
    growth.listNamedTokensOfCurrentUser({ params: { query: { limit: 10, type: ["access"] } } });
    growth.getUserAvatar({ id: "u" }, { params: { cookie: { SID: "s" } } });
    // @ts-expect-error X-Request-Id is required
    growth.getUserDataExportLog({ id: "e" });
    // @ts-expect-error not a token type
    growth.listNamedTokensOfCurrentUser({ params: { query: { type: ["nope"] } } });
    // @ts-expect-error no such option
    growth.listClientTokens({ nope: true });
  });

  it("each method resolves to what its answers hold: JSON typed, text a string, binary a Blob", () => {
    expectTypeOf(
      growth.getUserDataExportLog({ id: "e" }, { params: { header: { "X-Request-Id": "r" } } }),
    ).resolves.toEqualTypeOf<string>();
    expectTypeOf(growth.getUserAvatar({ id: "u" })).resolves.toEqualTypeOf<Blob>();
    expectTypeOf(growth.downloadUserDataExport({ id: "e" })).resolves.toEqualTypeOf<Blob>();
    expectTypeOf(growth.updateNamedToken({ id: "t" })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(growth.uploadUserAvatar({ body: { file: new Blob([]) } })).resolves.toEqualTypeOf<
      Schemas["Avatar"]
    >();
    expectTypeOf(
      growth.createNamedTokenForCurrentUser({ body: { name: "n" } }),
    ).resolves.toEqualTypeOf<Schemas["CreatedToken"]>();
  });

  it("parseAs changes what a method resolves to", () => {
    expectTypeOf(
      growth.getUserAvatar({ id: "u" }, { parseAs: "arrayBuffer" }),
    ).resolves.toEqualTypeOf<ArrayBuffer>();
    expectTypeOf(growth.getUserAvatar({ id: "u" }, { parseAs: "stream" })).resolves.toEqualTypeOf<
      ReadableStream<Uint8Array>
    >();
    expectTypeOf(
      growth.getNamedTokenStatus({ id: "t" }, { parseAs: "text" }),
    ).resolves.toEqualTypeOf<string>();
    expectTypeOf(
      growth.getNamedTokenStatus({ id: "t" }, { parseAs: "json" }),
    ).resolves.toEqualTypeOf<Schemas["NamedTokenStatus"]>();
    expectTypeOf(
      growth.updateNamedToken({ id: "t" }, { parseAs: "blob" }),
    ).resolves.toEqualTypeOf<undefined>();
    // @ts-expect-error not a way to read a body
    growth.getUserAvatar({ id: "u" }, { parseAs: "formData" });
  });

  it("withResponse gives each documented status with its data and declared headers", async () => {
    const created = await growth.withResponse.createNamedTokenForCurrentUser({
      body: { name: "n" },
    });
    expectTypeOf(created.status).toEqualTypeOf<201>();
    expectTypeOf(created.data).toEqualTypeOf<Schemas["CreatedToken"]>();
    expectTypeOf(created.headers.location).toEqualTypeOf<string | undefined>();
    expectTypeOf(created.response).toEqualTypeOf<Response>();
    const avatar = await growth.withResponse.uploadUserAvatar({ body: { file: new Blob([]) } });
    expectTypeOf(avatar.status).toEqualTypeOf<200 | 201>();
    if (avatar.status === 201)
      expectTypeOf(avatar.headers.location).toEqualTypeOf<string | undefined>();
    // @ts-expect-error the 200 answer declares no Location
    if (avatar.status === 200) avatar.headers.location;
    const archive = await growth.withResponse.downloadUserDataExport({ id: "e" });
    expectTypeOf(archive.data).toEqualTypeOf<Blob>();
    expectTypeOf(archive.headers["content-disposition"]).toEqualTypeOf<string | undefined>();
    const revoked = await growth.withResponse.revokeAllTemporaryTokensOfUser({ id: "u" });
    expectTypeOf(revoked.status).toEqualTypeOf<204>();
    expectTypeOf(revoked.data).toEqualTypeOf<undefined>();
    expectTypeOf<keyof typeof revoked.headers>().toEqualTypeOf<never>();
  });

  it("an untyped client takes anything and resolves to unknown", () => {
    const untyped = createApiClient({}, { host: "h" });
    expectTypeOf(untyped.anything).toEqualTypeOf<
      ((...args: unknown[]) => Promise<unknown>) | undefined
    >();
    expectTypeOf(untyped.withResponse.anything).toEqualTypeOf<
      ((...args: unknown[]) => Promise<ApiResponse>) | undefined
    >();
  });
});
