// Checks a request body against the operation's JSON Schema (request-schemas.json) before it is
// sent; loaded only when there is a body to check, since ajv is heavy. A problem names the JSON
// pointer, what the schema expects and what was given: the value itself only for a field the
// spec lists and does not mark secret, its JSON type otherwise.
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { CliBodyField } from "../../generated/cli-table.gen.ts";
import type { BodyPlan } from "./body.ts";
import type { RequestSchemas } from "./generated.ts";
import { isJson } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";

const SCHEMAS_ID = "onezone-request-schemas";
/** Problems listed at most; the rest are counted. */
const MAX_PROBLEMS = 5;

/** What is wrong with the body, one problem a line; empty when it matches (or has no schema). */
export async function bodyProblems(
  op: CliCommand,
  body: BodyPlan,
  schemas: RequestSchemas,
): Promise<string[]> {
  const schema = schemas.requests[op.name]?.[body.mediaType];
  if (schema === undefined || body.raw !== undefined) return [];
  // A form's values are text on the wire: the schema's types are read into them, as a server does.
  const form = !isJson(body.mediaType);
  const data = form ? formData(body) : body.value;
  const validate = await validator(schemas, op.name, body.mediaType, form);
  if (validate(data)) return [];
  const fields = op.requestBody?.fields ?? [];
  const errors = relevant(validate.errors ?? []);
  const problems = errors.slice(0, MAX_PROBLEMS).map((error) => problem(error, data, fields, form));
  if (errors.length > MAX_PROBLEMS) problems.push(`and ${errors.length - MAX_PROBLEMS} more`);
  return problems;
}

async function validator(
  schemas: RequestSchemas,
  name: string,
  mediaType: string,
  coerce: boolean,
): Promise<ValidateFunction> {
  // Imported here, not above: the bundled CLI (npm run build) would load ajv on every start.
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
    discriminator: true,
    coerceTypes: coerce,
  });
  ajv.addSchema({ ...schemas, $id: SCHEMAS_ID });
  const pointer = ["requests", name, mediaType].map(escapeToken).join("/");
  return ajv.compile({ $ref: `${SCHEMAS_ID}#/${pointer}` });
}

/** A copy of a form's fields, file parts as empty strings (their bytes are not checked). */
function formData(body: BodyPlan): unknown {
  const data = structuredClone({ ...(body.value as object) }) as Record<string, unknown>;
  for (const file of body.files) data[file.name] = "";
  return data;
}

/** A `oneOf` that failed says less than the errors of its branches, when there are some. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf");
  return specific.length > 0 ? specific : errors;
}

function problem(
  error: ErrorObject,
  data: unknown,
  fields: readonly CliBodyField[],
  form: boolean,
): string {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  if (error.keyword === "required") {
    return `${shown(`${at}/${escapeToken(String(params.missingProperty))}`)} is required but missing`;
  }
  if (error.keyword === "additionalProperties") {
    return `${shown(`${at}/${escapeToken(String(params.additionalProperty))}`)} is not a field the spec allows here`;
  }
  if (error.keyword === "discriminator") {
    const pointer = `${at}/${escapeToken(String(params.tag))}`;
    const values = fields.find((f) => f.name === fieldName(pointer))?.enum ?? [];
    const expected =
      values.length > 0
        ? `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`
        : "must name one of the variants";
    return `${shown(pointer)} ${expected} (given ${given(pointer, data, fields)})`;
  }
  const expected =
    error.keyword === "enum"
      ? `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
      : (error.message ?? "is not valid");
  // `name==3` gives the string "3"; `name:=3` the number.
  const hint =
    !form &&
    error.keyword === "type" &&
    typeof valueAt(data, at) === "string" &&
    !fieldName(at).includes("[]")
      ? `; ${fieldName(at)}:=VALUE gives a JSON value`
      : "";
  return `${shown(at)} ${expected} (given ${given(at, data, fields)}${hint})`;
}

/** The value at `pointer`, shown only when the spec lists its field and does not mark it secret. */
function given(pointer: string, data: unknown, fields: readonly CliBodyField[]): string {
  const value = valueAt(data, pointer);
  if (value === undefined) return "nothing";
  const name = fieldName(pointer);
  const field = fields.find((f) => f.name === name);
  const secretAbove = fields.some(
    (f) => f.secret && (name.startsWith(`${f.name}.`) || name.startsWith(`${f.name}[]`)),
  );
  const scalar = value === null || typeof value !== "object";
  if (field && !field.secret && !secretAbove && scalar) {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }
  return typeName(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function shown(pointer: string): string {
  return pointer === "" ? "the body" : pointer;
}

/** `/caveats/0/type` → `caveats[].type`: the table's name for the field at a pointer. */
function fieldName(pointer: string): string {
  return tokens(pointer).reduce(
    (name, token) => (/^\d+$/.test(token) ? `${name}[]` : name === "" ? token : `${name}.${token}`),
    "",
  );
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function tokens(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
