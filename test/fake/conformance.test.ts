import { beforeAll, describe, expect, it } from "vitest";
import { type ResponseRecord, violations } from "./support/conformance.ts";
import { loadSpec, type Spec } from "./support/spec.ts";

// The checker every fake test relies on must itself catch a response that departs from the spec.
const base = "http://127.0.0.1:1/api/v3/onezone";
const json = "application/json";
const errorBody = JSON.stringify({ error: { id: "notFound", description: "Not found." } });

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec();
});

function record(method: string, path: string, status: number, body: string, contentType = json) {
  return { method, url: `${base}${path}`, status, contentType, body } satisfies ResponseRecord;
}

describe("violations", () => {
  it.each<[string, ResponseRecord, string]>([
    [
      "a field of the wrong type",
      record("GET", "/users/u/tokens/temporary", 200, '{"generation":"3"}'),
      "must be integer",
    ],
    [
      "a missing required field",
      record("GET", "/user/client_tokens", 200, "{}"),
      "must have required property 'tokens'",
    ],
    [
      "a status the operation does not document",
      record("GET", "/tokens/named/t/status", 418, errorBody),
      "documents no 418 response",
    ],
    [
      "a body on a 204",
      record("DELETE", "/users/u/tokens/temporary", 204, "{}"),
      "documents no body",
    ],
    [
      "an error body without a description",
      record("GET", "/user/client_tokens", 401, '{"error":{"id":"x"}}'),
      "must have required property 'description'",
    ],
    [
      "a body that is not JSON",
      record("GET", "/user/client_tokens", 500, "Internal Server Error"),
      "body is not JSON",
    ],
    [
      "a content type other than JSON",
      record("GET", "/user/client_tokens", 200, '{"tokens":[]}', "text/plain"),
      "is not application/json",
    ],
    ["an unknown route not answered with 404", record("GET", "/nope", 200, "{}"), "expected 404"],
    [
      "a wrong method not answered with 405",
      record("POST", "/user/client_tokens", 404, errorBody),
      "expected 405",
    ],
  ])("reports %s", (_, response, message) => {
    expect(violations(spec, response).join("\n")).toContain(message);
  });

  it.each<[string, ResponseRecord]>([
    ["a documented 200", record("GET", "/users/u/tokens/temporary/", 200, '{"generation":3}')],
    ["an empty 204", record("DELETE", "/users/u/tokens/temporary", 204, "", "")],
    [
      "an Onedata error with details",
      record(
        "GET",
        "/tokens/named/t/status",
        401,
        '{"error":{"id":"unauthorized","details":{"authError":{}},"description":"d"}}',
      ),
    ],
    ["a 404 for an unknown route", record("GET", "/nope", 404, errorBody)],
    ["a 405 for a wrong method", record("PATCH", "/user/client_tokens", 405, errorBody)],
  ])("accepts %s", (_, response) => {
    expect(violations(spec, response)).toEqual([]);
  });
});
