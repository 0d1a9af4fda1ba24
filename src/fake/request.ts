// Reads a request's parameters and body as the spec describes them (styles, media types), turns
// their text into the types the schemas ask for, and checks them: the first problem is Onedata's
// 400 answer for it, naming the parameter or body field.
import type { Context } from "hono";
import type { FakeError } from "./errors.ts";
import type { SpecOperation } from "./operations.ts";
import { RawParameters } from "./parameters.ts";
import { readBody } from "./request-body.ts";
import type { SchemaChecker } from "./schemas.ts";
import { MALFORMED, parseJson, typed } from "./text-values.ts";
import { badValueJSON, missingRequiredValue } from "./validation-errors.ts";

/** A request's values, typed as the spec says, once they passed the checks. */
export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  cookie: Record<string, unknown>;
  /** The parsed body (JSON value, form fields, text, or bytes); undefined when there is none. */
  body: unknown;
}

/** OpenAPI ignores header parameters with these names: they are HTTP's own. */
const RESERVED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/**
 * The request's parameters and body, checked; the first problem is Onedata's 400 answer for it.
 * Without a body to read, the answer comes at once rather than as a promise.
 */
export function readRequest(
  operation: SpecOperation,
  checker: SchemaChecker,
  c: Context,
  pathValues: Record<string, string>,
): RequestValues | FakeError | Promise<RequestValues | FakeError> {
  const values = readParameters(operation, checker, c, pathValues);
  if (!operation.requestBody || "status" in values) return values;
  return readBody(operation.requestBody, checker, c).then((body) => {
    if (!("value" in body)) return body;
    values.body = body.value;
    return values;
  });
}

function readParameters(
  operation: SpecOperation,
  checker: SchemaChecker,
  c: Context,
  pathValues: Record<string, string>,
): RequestValues | FakeError {
  const values: RequestValues = { path: {}, query: {}, header: {}, cookie: {}, body: undefined };
  const raw = new RawParameters(c, pathValues);
  for (const parameter of operation.parameters) {
    if (parameter.in === "header" && RESERVED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const text = raw.read(parameter);
    if (text === undefined) {
      if (parameter.required) return missingRequiredValue(parameter.name);
      continue;
    }
    const value = parameter.json ? parseJson(text) : typed(text, parameter.schema?.node, checker);
    if (value === MALFORMED) return badValueJSON(parameter.name);
    if (parameter.schema) {
      const problem = checker.check(parameter.schema.pointer, value, [parameter.name]);
      if (problem) return problem;
    }
    values[parameter.in][parameter.name] = value;
  }
  return values;
}
