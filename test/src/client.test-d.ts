import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/schema.js";
import { createOnezoneClient, type OperationResult } from "../../src/client.ts";
import type { OnedataError } from "../../src/errors.ts";

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
