// Checks every response the fake sends against what the spec documents for its request.
import { afterAll, afterEach, expect } from "vitest";
import { loadSpec, pointerTo, type Spec } from "./spec.ts";

export interface ResponseRecord {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

/** The ways a response departs from the spec; empty when it conforms. */
export function violations(spec: Spec, response: ResponseRecord): string[] {
  const { pathname } = new URL(response.url);
  const where = `${response.method} ${pathname} → ${response.status}`;
  const route = spec.route(response.method, pathname);
  if (route === undefined || route === "method") {
    const expected = route === undefined ? 404 : 405;
    if (response.status !== expected) return [`${where}: expected ${expected} for this request.`];
    return jsonViolations(spec, where, response, pointerTo("components", "schemas", "Error"));
  }
  const responses = route.node.responses as Record<string, { content?: Record<string, unknown> }>;
  const documented = responses[String(response.status)];
  if (documented === undefined) {
    return [`${where}: ${route.id} documents no ${response.status} response.`];
  }
  if (documented.content === undefined) {
    return response.body === "" ? [] : [`${where}: the spec documents no body, got one.`];
  }
  const mediaType = Object.keys(documented.content)[0] ?? "";
  if (!response.contentType?.startsWith(mediaType)) {
    return [`${where}: content-type ${response.contentType} is not ${mediaType}.`];
  }
  const schema = pointerTo("paths", route.path, route.method, "responses");
  return jsonViolations(
    spec,
    where,
    response,
    `${schema}/${response.status}/content/${mediaType.replace("/", "~1")}/schema`,
  );
}

function jsonViolations(spec: Spec, where: string, response: ResponseRecord, pointer: string) {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return [`${where}: body is not JSON: ${JSON.stringify(response.body.slice(0, 200))}`];
  }
  const validate = spec.validator(pointer);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${where}: body${error.instancePath} ${error.message} (schema ${pointer})`,
  );
}

/**
 * A `fetch` that records whether each response conforms to the spec, and vitest hooks that fail
 * the test when one does not. Call it at the top level of a test file.
 */
export function useSpecConformance() {
  const found: string[] = [];
  let checked = 0;
  const checkedFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const record: ResponseRecord = {
      method: request.method,
      url: request.url,
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: request.method === "HEAD" ? "" : await response.clone().text(),
    };
    checked += 1;
    found.push(...violations(await loadSpec(), record));
    return response;
  };
  afterEach(() => {
    const reported = found.splice(0);
    expect(reported, "responses that depart from spec/onezone.yaml").toEqual([]);
  });
  afterAll(() => {
    expect(checked, "responses checked against the spec").toBeGreaterThan(0);
  });
  return { fetch: checkedFetch };
}
