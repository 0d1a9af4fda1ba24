// What makes a request one its operation takes: its required query and header parameters are
// there, every parameter's value fits its schema, and its body is there when required, absent when
// the operation takes none, of a media type the operation declares, and accepted by its schema
// (JSON as sent; form and multipart fields, which are text, coerced to the schema's types).
import { Ajv2020 } from "ajv/dist/2020.js";
import type { SpecOperation } from "../fake/support/spec.ts";
import type { RecordedRequest } from "../helpers/recording-server.ts";

type Node = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, validateFormats: false });
const coercing = new Ajv2020({ strict: false, validateFormats: false, coerceTypes: "array" });

function schemaProblems(validator: Ajv2020, schema: unknown, value: unknown, what: string) {
  const validate = validator.compile(schema as Node);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message}`);
}

/** Form fields by name; a repeated field is an array. */
function fieldsOf(entries: Iterable<[string, unknown]>): Node {
  const fields: Node = {};
  for (const [name, value] of entries) {
    const before = fields[name];
    fields[name] =
      before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return fields;
}

/** The ways a request departs from what its operation takes; empty when it is one it takes. */
export async function requestProblems(operation: SpecOperation, request: RecordedRequest) {
  const problems: string[] = [];
  const url = new URL(request.target, "http://host");
  // Path parameters are the route's; cookies are not checked.
  const parameters = ((operation.node.parameters ?? []) as Node[]).filter(
    (p) => p.in === "query" || p.in === "header",
  );
  for (const parameter of parameters) {
    const name = String(parameter.name);
    const values =
      parameter.in === "query"
        ? url.searchParams.getAll(name)
        : [request.headers[name.toLowerCase()]].flat().filter((v) => v !== undefined);
    if (values.length === 0) {
      if (parameter.required === true)
        problems.push(`the required ${parameter.in} ${name} is missing`);
      continue;
    }
    const value = (parameter.schema as Node | undefined)?.type === "array" ? values : values[0];
    problems.push(
      ...schemaProblems(coercing, parameter.schema ?? {}, value, `${parameter.in} ${name}`),
    );
  }

  const body = operation.node.requestBody as Node | undefined;
  if (body === undefined) {
    if (request.bytes.length > 0) problems.push("it sends a body, but the operation takes none");
    return problems;
  }
  if (request.bytes.length === 0) {
    if (body.required === true) problems.push("it sends no body, which the operation requires");
    return problems;
  }
  const contentType = String(request.headers["content-type"] ?? "");
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const content = body.content as Record<string, Node>;
  const mediaType = Object.keys(content).find((type) => type.toLowerCase() === essence);
  if (mediaType === undefined) {
    problems.push(
      `its body is ${contentType || "untyped"}, not ${Object.keys(content).join(" or ")}`,
    );
    return problems;
  }
  const schema = content[mediaType]?.schema ?? {};
  if (/^application\/([\w.-]+\+)?json$/.test(essence)) {
    let value: unknown;
    try {
      value = JSON.parse(request.body);
    } catch {
      return [...problems, `its ${essence} body is not JSON: ${request.body}`];
    }
    problems.push(...schemaProblems(ajv, schema, value, "body"));
  } else if (essence === "application/x-www-form-urlencoded") {
    const fields = fieldsOf(new URLSearchParams(request.body));
    problems.push(...schemaProblems(coercing, schema, fields, "body"));
  } else if (essence === "multipart/form-data") {
    const form = await new Response(new Uint8Array(request.bytes), {
      headers: { "content-type": contentType },
    }).formData();
    // A file part stands for the binary string the schema declares.
    const entries = [...form].map(([name, part]): [string, unknown] => [
      name,
      typeof part === "string" ? part : part.name,
    ]);
    problems.push(...schemaProblems(coercing, schema, fieldsOf(entries), "body"));
  }
  return problems;
}
