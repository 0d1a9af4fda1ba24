// Turns a bundled OpenAPI 3.x document into the plain, sorted model every emitter reads.
import { resolveLocalRef } from "./json-pointer.ts";
import { sortBy } from "./sort.ts";

export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description: string;
  /** The parameter's schema, as the bundled spec gives it (local `$ref`s kept). */
  schema: unknown;
}

/** One media type of a request body: its name and schema, as the bundled spec gives it. */
export interface MediaContent {
  mediaType: string;
  schema: unknown;
}

export interface RequestBody {
  required: boolean;
  description: string;
  /** Sorted by media type. */
  contentTypes: string[];
  /** Each media type with its schema, in the same order as `contentTypes`. */
  contents: MediaContent[];
}

/** A header a response declares, e.g. `Location` on a 201. */
export interface ResponseHeader {
  name: string;
  required: boolean;
  description: string;
  schema: unknown;
}

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface Response {
  status: string;
  description: string;
  contentTypes: string[];
  /** The `application/json` schema, as the bundled spec gives it (local `$ref`s kept). */
  schema: unknown;
  /** Sorted by name. */
  headers: ResponseHeader[];
}

export interface Operation {
  /** The spec's operationId, or one derived from method and path when it has none. */
  id: string;
  /** A valid, unique JavaScript identifier for the operation. */
  name: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  tags: string[];
  parameters: Parameter[];
  requestBody: RequestBody | undefined;
  responses: Response[];
  codeSamples: CodeSample[];
}

export interface ApiModel {
  title: string;
  version: string;
  servers: string[];
  operations: Operation[];
}

type Node = Record<string, unknown>;

export function buildModel(document: Node): ApiModel {
  const info = asNode(document.info);
  const operations: Omit<Operation, "name">[] = [];
  for (const [path, rawItem] of Object.entries(asNode(document.paths))) {
    const item = deref(document, rawItem);
    const shared = asArray(item.parameters);
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      operations.push(readOperation(document, path, method, asNode(item[method]), shared));
    }
  }
  sortBy(
    operations,
    (op) => op.path,
    (op) => HTTP_METHODS.indexOf(op.method),
  );
  return {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    servers: asArray(document.servers).map((server) => String(asNode(server).url ?? "")),
    operations: assignNames(operations),
  };
}

function readOperation(
  document: Node,
  path: string,
  method: HttpMethod,
  op: Node,
  shared: unknown[],
): Omit<Operation, "name"> {
  const body = op.requestBody === undefined ? undefined : deref(document, op.requestBody);
  return {
    id: typeof op.operationId === "string" ? op.operationId : deriveId(method, path),
    method,
    path,
    summary: String(op.summary ?? ""),
    description: String(op.description ?? ""),
    deprecated: op.deprecated === true,
    tags: asArray(op.tags).map(String),
    parameters: mergeParameters(document, shared, asArray(op.parameters)),
    requestBody: body && readRequestBody(body),
    responses: sortBy(
      Object.entries(asNode(op.responses)).map(([status, raw]) => {
        const response = deref(document, raw);
        const content = asNode(response.content);
        return {
          status,
          description: String(response.description ?? ""),
          contentTypes: sortBy(Object.keys(content), String),
          schema: jsonSchemaOf(content),
          headers: readHeaders(document, asNode(response.headers)),
        };
      }),
      (response) => response.status,
    ),
    codeSamples: asArray(op["x-codeSamples"] ?? op["x-code-samples"]).map((raw) => {
      const sample = asNode(raw);
      return {
        lang: String(sample.lang ?? ""),
        label: String(sample.label ?? sample.lang ?? ""),
        source: String(sample.source ?? ""),
      };
    }),
  };
}

function readRequestBody(body: Node): RequestBody {
  const content = asNode(body.content);
  const contentTypes = sortBy(Object.keys(content), String);
  return {
    required: body.required === true,
    description: String(body.description ?? ""),
    contentTypes,
    contents: contentTypes.map((mediaType) => ({
      mediaType,
      schema: asNode(content[mediaType]).schema,
    })),
  };
}

function readHeaders(document: Node, headers: Node): ResponseHeader[] {
  const read = Object.entries(headers).map(([name, raw]) => {
    const header = deref(document, raw);
    return {
      name,
      required: header.required === true,
      description: String(header.description ?? ""),
      schema: header.schema,
    };
  });
  return sortBy(read, (header) => header.name.toLowerCase());
}

/** The schema of the JSON media type (`application/json` or any `+json`), if there is one. */
function jsonSchemaOf(content: Node): unknown {
  const type = Object.keys(content).find(isJsonMediaType);
  return type === undefined ? undefined : asNode(content[type]).schema;
}

/** Whether a media type is JSON: `application/json` or any `application/…+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(.+\+)?json(;|$)/.test(mediaType);
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(document: Node, shared: unknown[], own: unknown[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const raw of [...shared, ...own]) {
    const p = deref(document, raw);
    const location = String(p.in) as Parameter["in"];
    byKey.set(`${location}:${String(p.name)}`, {
      name: String(p.name),
      in: location,
      required: location === "path" || p.required === true,
      description: String(p.description ?? ""),
      schema: p.schema,
    });
  }
  return [...byKey.values()];
}

/** `GET /users/{id}/tokens` → `getUsersIdTokens`. */
export function deriveId(method: HttpMethod, path: string): string {
  return camelCase(`${method} ${path}`);
}

/** Names an operation gets with a `_` after: JavaScript's reserved words, then the client's own. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined " +
    // The client's own properties (src/client.ts): they would hide a method of the same name.
    "raw withResponse"
  ).split(" "),
);

/** Lower-case words joined by underscores, as Onedata spells operationIds: `get_named_token_status`. */
const SNAKE_CASE = /^[a-z][a-z\d]*(_[a-z\d]+)+$/;

/**
 * Makes a valid JavaScript identifier from arbitrary spec text. snake_case becomes camelCase
 * (`get_named_token_status` → `getNamedTokenStatus`), the spelling of Onedata's own CLI and docs.
 */
export function toIdentifier(text: string): string {
  const plain = /^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u.test(text) && !SNAKE_CASE.test(text);
  let name = plain ? text : camelCase(text);
  if (name === "") name = "operation";
  if (/^\d/.test(name)) name = `_${name}`;
  return RESERVED.has(name) ? `${name}_` : name;
}

function camelCase(text: string): string {
  const words = text
    .normalize("NFC")
    .replace(/[^\p{ID_Continue}$]+|_+/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((word, i) => (i === 0 ? word[0]?.toLowerCase() : word[0]?.toUpperCase()) + word.slice(1))
    .join("");
}

/** Two operations that would get the same name: neither is renamed behind the user's back. */
export class NameCollisionError extends Error {
  override name = "NameCollisionError";
  /** The operation named first (in path, then method order), and the one that collides with it. */
  readonly operations: [Omit<Operation, "name">, Omit<Operation, "name">];

  constructor(name: string, first: Omit<Operation, "name">, second: Omit<Operation, "name">) {
    const describe = (op: Omit<Operation, "name">) =>
      `"${op.id}" (${op.method.toUpperCase()} ${op.path})`;
    super(
      `operationIds ${describe(first)} and ${describe(second)} both become the name ${name}; rename one of them.`,
    );
    this.operations = [first, second];
  }
}

/** Gives every operation its identifier; two that would share one are refused. */
function assignNames(operations: Omit<Operation, "name">[]): Operation[] {
  const taken = new Map<string, Omit<Operation, "name">>();
  return operations.map((op) => {
    const name = toIdentifier(op.id);
    const first = taken.get(name);
    if (first) throw new NameCollisionError(name, first, op);
    taken.set(name, op);
    return { ...op, name };
  });
}

/** The node `value` is, past its `$ref`s; one that leads nowhere is named, not read as empty. */
function deref(document: Node, value: unknown): Node {
  let node = asNode(value);
  const followed: string[] = [];
  while (typeof node.$ref === "string") {
    const ref = node.$ref;
    if (followed.includes(ref)) throw new Error(`the $refs ${[...followed, ref].join(" → ")} loop`);
    followed.push(ref);
    const target = resolveLocalRef(document, ref);
    if (target === undefined) throw new Error(`the $ref ${ref} points at nothing`);
    node = asNode(target);
  }
  return node;
}

function asNode(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Node)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
