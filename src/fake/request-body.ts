// A request's body, read by its media type (JSON, form fields, text, bytes) and checked against
// the schema the spec gives that media type.
import type { Context } from "hono";
import type { FakeError } from "./errors.ts";
import { isJsonMediaType, type SpecMediaType, type SpecOperation } from "./operations.ts";
import type { SchemaChecker } from "./schemas.ts";
import { MALFORMED, parseJson, shapeOf, typed } from "./text-values.ts";
import { badValueNotAllowed, malformedData, missingRequiredValue } from "./validation-errors.ts";

type Node = Record<string, unknown>;

/** The header naming the body's media type, as `details.key` when it is not one the spec takes. */
const CONTENT_TYPE = "Content-Type";

export async function readBody(
  body: NonNullable<SpecOperation["requestBody"]>,
  checker: SchemaChecker,
  c: Context,
): Promise<{ value: unknown } | FakeError> {
  const bytes = new Uint8Array(await c.req.arrayBuffer()) as Uint8Array<ArrayBuffer>;
  const contentType = c.req.header("content-type");
  const media = mediaTypeFor(body.media, contentType);
  if (media === undefined) {
    if (bytes.length === 0 && !body.required) return { value: undefined };
    return badValueNotAllowed(
      CONTENT_TYPE,
      body.media.map((m) => m.type),
    );
  }
  const value =
    bytes.length === 0
      ? emptyBody(media, contentType !== undefined)
      : await parseBody(media, bytes, contentType, checker);
  if (value === MALFORMED) return malformedData;
  if (value === undefined) return body.required ? missingRequiredValue("body") : { value };
  if (media.schema && !isBinary(media.type)) {
    const problem = checker.check(media.schema.pointer, value, []);
    if (problem) return problem;
  }
  return { value };
}

/** The declared media type a request's Content-Type names; the first one when it names none. */
function mediaTypeFor(media: SpecMediaType[], contentType: string | undefined) {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!essence) return media[0];
  return media.find(
    ({ type }) =>
      type === essence ||
      type === "*/*" ||
      (type.endsWith("/*") && essence.startsWith(type.slice(0, -1))),
  );
}

/**
 * Onezone reads an empty JSON or form body as no fields at all. Empty text or bytes are a body
 * when a Content-Type says so, and no body otherwise.
 */
function emptyBody(media: SpecMediaType, typed: boolean): unknown {
  if (isJsonMediaType(media.type) || isForm(media.type)) return {};
  if (!typed) return undefined;
  return media.type.startsWith("text/") ? "" : new Uint8Array();
}

async function parseBody(
  media: SpecMediaType,
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string | undefined,
  checker: SchemaChecker,
): Promise<unknown> {
  if (isJsonMediaType(media.type)) return parseJson(new TextDecoder().decode(bytes));
  if (media.type === "application/x-www-form-urlencoded") {
    const fields = new URLSearchParams(new TextDecoder().decode(bytes));
    return formValues(fields, media.schema?.node, checker);
  }
  if (media.type === "multipart/form-data") {
    const request = new Request("http://fake/", {
      method: "POST",
      body: bytes,
      headers: { "content-type": contentType ?? media.type },
    });
    const form = await request.formData().catch(() => undefined);
    return form ? formValues(form, media.schema?.node, checker) : MALFORMED;
  }
  if (media.type.startsWith("text/")) return new TextDecoder().decode(bytes);
  return bytes;
}

/**
 * Form fields typed by the body schema's properties: a list from repeated fields, a file part as
 * its file name (the schema says `format: binary`, a string), JSON for an object property.
 */
function formValues(
  form: URLSearchParams | FormData,
  schema: Node | undefined,
  checker: SchemaChecker,
): Record<string, unknown> {
  const properties = (checker.resolved(schema).properties ?? {}) as Record<string, Node>;
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const property = checker.resolved(properties[key]);
    const texts = form
      .getAll(key)
      .map((part) => (typeof part === "string" ? part : part.name || "file"));
    const shape = shapeOf(property);
    if (shape === "object") {
      const parsed = parseJson(texts[0] ?? "");
      fields[key] = parsed === MALFORMED ? texts[0] : parsed;
    } else {
      fields[key] = typed(shape === "array" ? texts : (texts[0] ?? ""), property, checker);
    }
  }
  return fields;
}

function isForm(type: string): boolean {
  return type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
}

/** Media types whose body the fake takes as bytes, without a schema check. */
function isBinary(type: string): boolean {
  return !isJsonMediaType(type) && !isForm(type) && !type.startsWith("text/");
}
