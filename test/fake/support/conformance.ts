// Checks every response the fake sends against what the spec documents for its request.
import { afterAll, afterEach, expect } from "vitest";
import { loadSpec, PROJECT_SPEC, pointerTo, type Spec } from "./spec.ts";

export interface ResponseRecord {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
  /** The response headers' names, lower-case; absent when not recorded. */
  headers?: string[];
}

type Node = Record<string, unknown>;

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
  const responses = route.node.responses as Record<string, Node>;
  const status = String(response.status);
  const code = [status, `${status[0]}XX`, "default"].find((c) => responses[c] !== undefined);
  const documented = code === undefined ? undefined : responses[code];
  if (documented === undefined) {
    return [`${where}: ${route.id} documents no ${response.status} response.`];
  }
  const required = Object.entries((documented.headers ?? {}) as Record<string, Node>)
    .filter(([, header]) => header.required === true)
    .map(([name]) => name);
  const sent = response.headers;
  const missingHeaders = (sent === undefined ? [] : required)
    .filter((name) => !sent?.includes(name.toLowerCase()))
    .map((name) => `${where}: the required header ${name} is missing.`);
  const content = documented.content as Record<string, Node> | undefined;
  if (content === undefined) {
    if (response.body !== "")
      return [...missingHeaders, `${where}: the spec documents no body, got one.`];
    return missingHeaders;
  }
  const declared = Object.keys(content);
  const essence = response.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const mediaType = declared.find((type) => type.toLowerCase() === essence);
  if (mediaType === undefined) {
    return [`${where}: content-type ${response.contentType} is not ${declared.join(" or ")}.`];
  }
  const schema = `${pointerTo("paths", route.path, route.method, "responses", code ?? status, "content", mediaType)}/schema`;
  if (/^application\/([\w.-]+\+)?json$/.test(essence)) {
    return [...missingHeaders, ...jsonViolations(spec, where, response, schema)];
  }
  if (essence.startsWith("text/")) {
    return [...missingHeaders, ...valueViolations(spec, where, response.body, schema)];
  }
  return missingHeaders; // bytes: the media type is all the spec says about them
}

function jsonViolations(spec: Spec, where: string, response: ResponseRecord, pointer: string) {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return [`${where}: body is not JSON: ${JSON.stringify(response.body.slice(0, 200))}`];
  }
  return valueViolations(spec, where, body, pointer);
}

function valueViolations(spec: Spec, where: string, value: unknown, pointer: string) {
  const validate = spec.validator(pointer);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${where}: body${error.instancePath} ${error.message} (schema ${pointer})`,
  );
}

/**
 * A `fetch` that records whether each response conforms to the spec it is given (the project's
 * by default), and vitest hooks that fail the test when one does not. Call it at the top level
 * of a test file.
 */
export function useSpecConformance() {
  const found: string[] = [];
  let checked = 0;
  const checkedFetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
    specPath: string = PROJECT_SPEC,
  ) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const record: ResponseRecord = {
      method: request.method,
      url: request.url,
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: request.method === "HEAD" ? "" : await response.clone().text(),
      headers: [...response.headers.keys()],
    };
    checked += 1;
    found.push(...violations(await loadSpec(specPath), record));
    return response;
  };
  afterEach(() => {
    const reported = found.splice(0);
    expect(reported, "responses that depart from the spec").toEqual([]);
  });
  afterAll(() => {
    expect(checked, "responses checked against the spec").toBeGreaterThan(0);
  });
  return { fetch: checkedFetch };
}
