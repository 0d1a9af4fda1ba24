// The operations of a spec as the fake serves them: their routes, parameters, bodies, security and
// the first documented 2xx answer. Nodes keep their JSON pointers, which the schema validators
// compile from.
import type { SpecDocument } from "./load-spec.ts";

type Node = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A node of the document and its JSON pointer, after following `$ref`s. */
export interface Located {
  node: Node;
  pointer: string;
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface SpecParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: string;
  explode: boolean;
  /** The value's schema; absent when the parameter has `content` with a JSON media type. */
  schema: Located | undefined;
  /** True when the parameter is given as `content: {application/json: …}`: its value is JSON. */
  json: boolean;
}

export interface SpecMediaType {
  /** e.g. `application/json`, lower-case. */
  type: string;
  schema: Located | undefined;
  node: Node;
}

export interface SpecRequestBody {
  required: boolean;
  media: SpecMediaType[];
}

export interface SpecResponse {
  status: number;
  media: SpecMediaType[];
  /** Declared headers, in the spec's order. */
  headers: { name: string; node: Node; schema: Located | undefined }[];
}

export interface SpecOperation {
  /** The operationId; `METHOD path` for an operation without one. */
  id: string;
  method: string;
  /** The path template, e.g. `/users/{id}/tokens/temporary`. */
  template: string;
  parameters: SpecParameter[];
  requestBody: SpecRequestBody | undefined;
  /** No security requirement, or an empty (optional) one among them. */
  anonymousAllowed: boolean;
  /** The first documented 2xx response (document order); undefined when there is none. */
  success: SpecResponse | undefined;
}

/** The path the spec's first server puts every operation under, e.g. `/api/v3/onezone`. */
export function basePathOf(document: SpecDocument): string {
  const server = (document.servers as Node[] | undefined)?.[0];
  if (server === undefined) return "";
  const variables = (server.variables ?? {}) as Record<string, { default?: unknown }>;
  const url = String(server.url ?? "").replace(/\{([^}]+)\}/g, (_, name: string) =>
    String(variables[name]?.default ?? name),
  );
  const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
  return decodeURI(pathname).replace(/\/+$/, "");
}

export function operationsOf(document: SpecDocument): SpecOperation[] {
  const paths = (document.paths ?? {}) as Record<string, Node>;
  return Object.entries(paths).flatMap(([template, item]) => {
    const itemAt = resolve(document, { node: item, pointer: pointer("paths", template) });
    return METHODS.filter((method) => itemAt.node[method] !== undefined).map((method) =>
      operation(document, template, method, itemAt),
    );
  });
}

function operation(
  document: SpecDocument,
  template: string,
  method: string,
  item: Located,
): SpecOperation {
  const at = `${item.pointer}/${method}`;
  const node = item.node[method] as Node;
  const shared = located(document, item.node.parameters, `${item.pointer}/parameters`);
  const own = located(document, node.parameters, `${at}/parameters`);
  const byKey = new Map<string, SpecParameter>();
  for (const p of [...shared, ...own]) {
    const parameter = specParameter(document, p);
    byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const security = (node.security ?? document.security) as Node[] | undefined;
  return {
    id:
      typeof node.operationId === "string"
        ? node.operationId
        : `${method.toUpperCase()} ${template}`,
    method,
    template,
    parameters: [...byKey.values()],
    requestBody: requestBody(document, node.requestBody, `${at}/requestBody`),
    anonymousAllowed:
      security === undefined ||
      security.length === 0 ||
      security.some((r) => Object.keys(r).length === 0),
    success: success(document, (node.responses ?? {}) as Node, `${at}/responses`),
  };
}

function specParameter(document: SpecDocument, { node, pointer: at }: Located): SpecParameter {
  const place = node.in as ParameterLocation;
  const content = node.content as Node | undefined;
  const jsonType = content ? Object.keys(content).find(isJsonMediaType) : undefined;
  const schemaAt =
    content && jsonType !== undefined
      ? { node: content[jsonType] as Node, pointer: pointer(at, "content", jsonType) }
      : { node, pointer: at };
  const style = String(node.style ?? (place === "query" || place === "cookie" ? "form" : "simple"));
  return {
    name: String(node.name),
    in: place,
    required: node.required === true,
    style,
    explode: typeof node.explode === "boolean" ? node.explode : style === "form",
    schema: schemaOf(document, schemaAt),
    json: jsonType !== undefined,
  };
}

function requestBody(document: SpecDocument, value: unknown, at: string) {
  if (value === undefined) return undefined;
  const body = resolve(document, { node: value as Node, pointer: at });
  return { required: body.node.required === true, media: mediaTypes(document, body) };
}

function success(document: SpecDocument, responses: Node, at: string): SpecResponse | undefined {
  const code = Object.keys(responses).find((status) => /^2(\d\d|XX)$/i.test(status));
  if (code === undefined) return undefined;
  const response = resolve(document, { node: responses[code] as Node, pointer: pointer(at, code) });
  const headers = Object.entries((response.node.headers ?? {}) as Record<string, Node>).map(
    ([name, header]) => {
      const headerAt = resolve(document, {
        node: header,
        pointer: pointer(response.pointer, "headers", name),
      });
      return { name, node: headerAt.node, schema: schemaOf(document, headerAt) };
    },
  );
  return {
    status: /^\d+$/.test(code) ? Number(code) : 200,
    media: mediaTypes(document, response),
    headers,
  };
}

function mediaTypes(document: SpecDocument, owner: Located): SpecMediaType[] {
  const content = (owner.node.content ?? {}) as Record<string, Node>;
  return Object.entries(content).map(([type, node]) => ({
    type: type.toLowerCase(),
    node,
    schema: schemaOf(document, { node, pointer: pointer(owner.pointer, "content", type) }),
  }));
}

function schemaOf(document: SpecDocument, owner: Located): Located | undefined {
  if (owner.node.schema === undefined) return undefined;
  return resolve(document, {
    node: owner.node.schema as Node,
    pointer: `${owner.pointer}/schema`,
  });
}

function located(document: SpecDocument, list: unknown, at: string): Located[] {
  if (!Array.isArray(list)) return [];
  return list.map((node, i) => resolve(document, { node: node as Node, pointer: `${at}/${i}` }));
}

/** Follows internal `$ref`s (the loader leaves no others) to the node they point at. */
export function resolve(document: SpecDocument, start: Located): Located {
  let current = start;
  for (let hops = 0; typeof current.node.$ref === "string" && hops < 32; hops += 1) {
    const ref = current.node.$ref as string;
    current = { node: nodeAt(document, ref) as Node, pointer: ref };
  }
  return current;
}

export function nodeAt(document: SpecDocument, ref: string): unknown {
  return ref
    .replace(/^#\/?/, "")
    .split("/")
    .filter((part) => part !== "")
    .map((part) => safeDecode(part).replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Node | undefined)?.[key], document);
}

/** A pointer's part, percent-decoded when it was encoded (`%7Bid%7D`); a bare `%` stays. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** A JSON pointer from a base pointer (or none) and keys: `pointer("paths", "/a")` → `#/paths/~1a`. */
export function pointer(base: string, ...keys: string[]): string {
  const escaped = keys.map((key) => key.replaceAll("~", "~0").replaceAll("/", "~1"));
  return base.startsWith("#") ? [base, ...escaped].join("/") : `#/${[base, ...escaped].join("/")}`;
}

export function isJsonMediaType(type: string): boolean {
  return /^application\/([\w.-]+\+)?json$/i.test(type.split(";")[0]?.trim() ?? "");
}
