// What an operation's request body is, for the rules that check what samples send: whether there is
// one, whether it is required, its media types, and its top-level fields when the schema says.
import { isObject, resolveNode } from "./operations.js";

const MULTIPART = "multipart/form-data";

/**
 * The operation's request body: `{ required, mediaTypes, fields, multipart }`, or undefined when it
 * takes none. OpenAPI 3: its `requestBody`. Swagger 2.0: its `in: body` parameter, or its
 * `in: formData` ones (each a field), with the media types of `consumes` (the operation's, else
 * `documentConsumes`). `fields` is the set of top-level field names, or undefined when the schema
 * does not tell them all (no `properties`, or more allowed by `additionalProperties`).
 */
export function requestBodyOf(operation, parameters, ctx, documentConsumes = []) {
  if (ctx.specVersion === "oas2") return swaggerBody(operation, parameters, ctx, documentConsumes);
  const body = resolveNode(operation.requestBody, ctx);
  if (!isObject(body)) return undefined;
  const content = isObject(body.content) ? body.content : {};
  const mediaTypes = Object.keys(content);
  const schemas = mediaTypes.map((type) => resolveNode(content[type], ctx)?.schema);
  return {
    required: body.required === true,
    mediaTypes,
    fields: unionOfFields(schemas, ctx),
    multipart: mediaTypes.some((type) => type.toLowerCase().startsWith(MULTIPART)),
  };
}

function swaggerBody(operation, parameters, ctx, documentConsumes) {
  const consumes = Array.isArray(operation.consumes) ? operation.consumes : documentConsumes;
  const inBody = parameters.find((p) => p.in === "body");
  if (inBody !== undefined) {
    return {
      required: inBody.required === true,
      mediaTypes: consumes,
      fields: unionOfFields([inBody.schema], ctx),
      multipart: false,
    };
  }
  const form = parameters.filter((p) => p.in === "formData");
  if (form.length === 0) return undefined;
  return {
    required: form.some((p) => p.required === true),
    mediaTypes: consumes,
    fields: new Set(form.map((p) => p.name)),
    multipart:
      form.some((p) => p.type === "file") ||
      consumes.some((type) => String(type).toLowerCase().startsWith(MULTIPART)),
  };
}

/** Every field any of the schemas has; undefined when one of them does not tell its fields. */
function unionOfFields(schemas, ctx) {
  const fields = new Set();
  for (const schema of schemas) {
    const own = topLevelFields(schema, ctx, 0);
    if (own === undefined) return undefined;
    for (const field of own) fields.add(field);
  }
  return fields.size > 0 ? fields : undefined;
}

/** The fields of an object schema, through `$ref`, `allOf`, `oneOf` and `anyOf`. */
function topLevelFields(raw, ctx, depth) {
  const schema = resolveNode(raw, ctx);
  if (!isObject(schema) || depth > 10) return undefined;
  const open =
    (schema.additionalProperties !== undefined && schema.additionalProperties !== false) ||
    schema.patternProperties !== undefined;
  if (open) return undefined;
  const fields = new Set(isObject(schema.properties) ? Object.keys(schema.properties) : []);
  let told = isObject(schema.properties);
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (!Array.isArray(schema[key])) continue;
    for (const part of schema[key]) {
      const own = topLevelFields(part, ctx, depth + 1);
      if (own === undefined) return undefined;
      for (const field of own) fields.add(field);
      told = true;
    }
  }
  return told ? fields : undefined;
}
