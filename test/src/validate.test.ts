import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOnezoneClient } from "../../src/client.ts";
import { OnezoneError, OnezoneValidationError } from "../../src/errors.ts";
import { validateResponses } from "../../src/validate.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const validating = () =>
  createOnezoneClient({ baseUrl: server.baseUrl, middleware: [validateResponses()] });

describe("validateResponses()", () => {
  it("a 200 body that does not match the schema throws, naming what is wrong", async () => {
    server.reply({ status: 200, body: '{"revoked":"no"}' });
    const error = await validating()
      .getNamedTokenStatus({ id: "t" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnezoneValidationError);
    expect(error).toBeInstanceOf(OnezoneError);
    expect(error).toMatchObject({
      status: 200,
      operationId: "getNamedTokenStatus",
      body: '{"revoked":"no"}',
      message:
        "getNamedTokenStatus: the HTTP 200 body does not match the spec: /revoked must be boolean",
    });
  });

  it.each([
    ["a missing required property", "{}", "(body) must have required property 'generation'"],
    ["a wrong item type", '{"generation":1.5}', "/generation must be integer"],
  ])("%s", async (_, body, problem) => {
    server.reply({ status: 200, body });
    await expect(validating().getTemporaryTokenGenerationOfUser({ id: "u" })).rejects.toThrow(
      problem,
    );
  });

  it("a body that matches resolves as usual", async () => {
    server.reply({ status: 200, body: '{"tokens":["a"]}' });
    await expect(validating().listClientTokens()).resolves.toEqual({ tokens: ["a"] });
  });

  it("204 has nothing to validate", async () => {
    server.reply({ status: 204 });
    await expect(validating().revokeAllTemporaryTokensOfUser({ id: "u" })).resolves.toBeUndefined();
  });

  it("without the option, a mismatching body is returned as it came", async () => {
    server.reply({ status: 200, body: '{"revoked":"no"}' });
    const onezone = createOnezoneClient({ baseUrl: server.baseUrl });
    await expect(onezone.getNamedTokenStatus({ id: "t" })).resolves.toEqual({ revoked: "no" });
  });
});
