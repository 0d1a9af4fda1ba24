// Onedata's 400 answers for bad request data (../../README.md lists them): ids, details and
// descriptions as Onezone words them, and how a JSON Schema failure maps onto them.
import type { FakeError } from "./errors.ts";

/** Every validation error id the fake can answer with, in the README's order. */
export const VALIDATION_ERROR_IDS = [
  "malformedData",
  "missingRequiredValue",
  "badValueString",
  "badValueInteger",
  "badValueFloat",
  "badValueBoolean",
  "badValueJSON",
  "badValueListOfStrings",
  "badValueEmpty",
  "badValueTooLow",
  "badValueTooHigh",
  "badValueNotInRange",
  "badValueNotAllowed",
  "badValueListNotAllowed",
  "badValueTextTooLarge",
  "badData",
] as const;

export type ValidationErrorId = (typeof VALIDATION_ERROR_IDS)[number];

/** The type errors, by the JSON Schema type that was expected. */
const typeErrors: Record<string, ValidationErrorId> = {
  string: "badValueString",
  integer: "badValueInteger",
  number: "badValueFloat",
  boolean: "badValueBoolean",
  object: "badValueJSON",
};

const typeDescriptions: Record<string, string> = {
  badValueString: "must be a string",
  badValueInteger: "must be an integer",
  badValueFloat: "must be a floating point number",
  badValueBoolean: "must be a boolean",
  badValueJSON: "must be a valid JSON",
  badValueListOfStrings: "must be a list of strings",
  badValueEmpty: "must not be empty",
};

function badRequest(
  id: ValidationErrorId,
  description: string,
  details?: Record<string, unknown>,
): FakeError {
  return {
    status: 400,
    body: { error: { id, ...(details ? { details } : {}), description } },
  };
}

export const malformedData: FakeError = badRequest(
  "malformedData",
  "Provided data could not be understood by the server.",
);

export function missingRequiredValue(key: string): FakeError {
  return badRequest("missingRequiredValue", `Missing required value: ${key}.`, { key });
}

/** A value of the wrong type, named by the type the spec expects. */
export function badType(key: string, expected: string): FakeError {
  const id = typeErrors[expected] ?? "badData";
  if (id === "badData") return badData(key, `must be of type ${expected}`);
  return badValue(id, key);
}

/** One of the errors whose description is `Bad value: provided "K" <what>.` and details `{key}`. */
function badValue(id: ValidationErrorId, key: string): FakeError {
  return badRequest(id, `Bad value: provided "${key}" ${typeDescriptions[id]}.`, { key });
}

export const badValueListOfStrings = (key: string) => badValue("badValueListOfStrings", key);
export const badValueJSON = (key: string) => badValue("badValueJSON", key);
export const badValueEmpty = (key: string) => badValue("badValueEmpty", key);

export function badValueTooLow(key: string, limit: number): FakeError {
  return badRequest("badValueTooLow", `Bad value: provided "${key}" must be at least ${limit}.`, {
    key,
    limit,
  });
}

export function badValueTooHigh(key: string, limit: number): FakeError {
  return badRequest("badValueTooHigh", `Bad value: provided "${key}" must not exceed ${limit}.`, {
    key,
    limit,
  });
}

export function badValueNotInRange(key: string, low: number, high: number): FakeError {
  return badRequest(
    "badValueNotInRange",
    `Bad value: provided "${key}" must be between <${low}, ${high}>.`,
    { key, low, high },
  );
}

export function badValueNotAllowed(key: string, allowed: unknown[]): FakeError {
  return badRequest(
    "badValueNotAllowed",
    `Bad value: provided "${key}" must be one of: ${allowed.map(text).join(", ")}.`,
    { key, allowed },
  );
}

export function badValueListNotAllowed(key: string, allowed: unknown[]): FakeError {
  return badRequest(
    "badValueListNotAllowed",
    `Bad value: provided "${key}" must be a list containing zero or more following values: ${allowed.map(text).join(", ")}.`,
    { key, allowed },
  );
}

export function badValueTextTooLarge(key: string, limit: number): FakeError {
  return badRequest(
    "badValueTextTooLarge",
    `Bad value: the text provided in "${key}" cannot be larger than ${limit} characters.`,
    { key, limit },
  );
}

/** Anything else the spec refuses (a pattern, a list too long, …); `hint` says what. */
export function badData(key: string, hint: string): FakeError {
  return badRequest(
    "badData",
    `Bad value: provided "${key}" has an invalid format or is incomprehensible in the context of this operation.`,
    { key, hint },
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
