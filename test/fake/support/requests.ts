// Requests built from a spec: valid ones (fast-check arbitraries from the schemas), each way of
// breaking one of them in one place with the Onedata error that must answer it, and the fetch
// arguments that send one. Everything is derived from the (dereferenced) spec; nothing here names
// an operation.
import fc from "fast-check";
import { inclusiveBounds } from "../../../src/fake/schemas.ts";
import type { Spec, SpecOperation } from "./spec.ts";

type Node = Record<string, unknown>;
type Place = "path" | "query" | "header" | "cookie";
export type FieldPath = (string | number)[];

export interface Parameter {
  name: string;
  in: Place;
  required: boolean;
  style: string;
  explode: boolean;
  schema: Node;
  /** Given as `content: {application/json: …}`: sent as JSON text. */
  json: boolean;
}

type Body =
  | { mediaType: string; schema: Node; value: unknown }
  | { mediaType: string; raw: string };

/** A request as values; `fetchArgs` serializes it the way the spec says. */
export interface SpecRequest {
  operation: SpecOperation;
  parameters: Parameter[];
  values: Record<Place, Record<string, unknown>>;
  body?: Body;
}

/** The error the fake must answer with: its id and `details` (a `badData` hint is free text). */
export interface ExpectedError {
  id: string;
  details?: Record<string, unknown>;
}

export interface Breakage {
  /** What was broken, for test titles: `query limit: above the maximum`. */
  title: string;
  request: SpecRequest;
  expected: ExpectedError;
}

/** `["caveats", 0, "validUntil"]` → `caveats[0].validUntil`, as the fake names fields. */
export function formatKey(path: FieldPath): string {
  if (path.length === 0) return "body";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

export function parametersOf(spec: Spec, operation: SpecOperation): Parameter[] {
  const item = (spec.document.paths as Record<string, Node>)[operation.path] ?? {};
  const nodes = [
    ...((item.parameters ?? []) as Node[]),
    ...((operation.node.parameters ?? []) as Node[]),
  ];
  const byKey = new Map<string, Parameter>();
  for (const node of nodes) {
    const place = node.in as Place;
    const content = node.content as Record<string, Node> | undefined;
    const style = String(
      node.style ?? (place === "query" || place === "cookie" ? "form" : "simple"),
    );
    byKey.set(`${place} ${node.name}`, {
      name: String(node.name),
      in: place,
      required: node.required === true,
      style,
      explode: typeof node.explode === "boolean" ? node.explode : style === "form",
      schema: ((content ? Object.values(content)[0]?.schema : node.schema) ?? {}) as Node,
      json: content !== undefined,
    });
  }
  // OpenAPI ignores header parameters named like HTTP's own headers.
  return [...byKey.values()].filter(
    (p) => !(p.in === "header" && /^(accept|content-type|authorization)$/i.test(p.name)),
  );
}

export function mediaTypesOf(operation: SpecOperation): Record<string, Node> {
  const body = operation.node.requestBody as Node | undefined;
  return (body?.content ?? {}) as Record<string, Node>;
}

export function typeOf(schema: Node): string | undefined {
  const type = [schema.type].flat().find((t) => t !== "null");
  if (typeof type === "string") return type;
  if (schema.properties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

const isJson = (type: string) => /^application\/([\w.-]+\+)?json$/.test(type);
const isForm = (type: string) =>
  type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
const isBinary = (schema: Node) =>
  schema.format === "binary" ||
  schema.contentMediaType !== undefined ||
  schema.contentEncoding !== undefined;

// ---- valid values -------------------------------------------------------------------------------

interface ValueOptions {
  /** Text of letters and digits only, safe in any place (a path segment, a header, a cookie). */
  plain?: boolean;
  /** Every optional property and list item too, so that each can be broken. */
  full?: boolean;
}

/** Values the schema accepts. */
export function arbitraryOf(
  schema: Node,
  options: ValueOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const { plain = false, full = false } = options;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.oneOf)) {
    return fc.oneof(
      ...(schema.oneOf as Node[]).map((branch) => arbitraryOf(branch, options, depth)),
    );
  }
  if (Array.isArray(schema.anyOf))
    return arbitraryOf((schema.anyOf as Node[])[0] ?? {}, options, depth);
  switch (typeOf(schema)) {
    case "integer": {
      const [low, high] = inclusiveBounds(schema);
      return fc.integer({ min: low ?? -1_000_000, max: high ?? 1_000_000 });
    }
    case "number":
      return fc.double({
        min: (schema.minimum ?? schema.exclusiveMinimum ?? -1e6) as number,
        max: (schema.maximum ?? schema.exclusiveMaximum ?? 1e6) as number,
        minExcluded: typeof schema.exclusiveMinimum === "number",
        maxExcluded: typeof schema.exclusiveMaximum === "number",
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "array": {
      const items = arbitraryOf((schema.items ?? {}) as Node, options, depth + 1);
      const constraints = {
        minLength: Math.max((schema.minItems as number | undefined) ?? 0, full ? 1 : 0),
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, 3),
      };
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Node>;
      const required = (schema.required ?? []) as string[];
      const fields = Object.fromEntries(
        Object.entries(properties)
          .filter(([name]) => depth < 3 || required.includes(name))
          .map(([name, property]) => [name, arbitraryOf(property, options, depth + 1)]),
      );
      const requiredKeys = full ? Object.keys(fields) : required.filter((name) => name in fields);
      return fc.record(fields, { requiredKeys });
    }
    default: {
      if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern));
      const minLength = (schema.minLength as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxLength as number | undefined) ?? 16, 16);
      if (!plain) return fc.string({ minLength, maxLength });
      return fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${Math.max(minLength, 1)},${maxLength}}$`));
    }
  }
}

/**
 * A valid request for the operation: every required part, and any of the optional ones (`full`:
 * all of them, with every optional property and a list item in each list).
 */
export function requestOf(
  spec: Spec,
  operation: SpecOperation,
  full = false,
): fc.Arbitrary<SpecRequest> {
  const parameters = parametersOf(spec, operation);
  const parameterValues = parameters.map((p) => {
    const value = arbitraryOf(p.schema, { plain: true, full });
    return p.required || full ? value : fc.option(value, { nil: undefined });
  });
  const media = Object.entries(mediaTypesOf(operation));
  const bodies: fc.Arbitrary<Body | undefined> =
    media.length === 0
      ? fc.constant(undefined)
      : fc.oneof(
          ...media.map(([mediaType, node]) => {
            const schema = (node.schema ?? {}) as Node;
            return arbitraryOf(schema, { full }).map(
              (value): Body => ({ mediaType, schema, value }),
            );
          }),
        );
  const required = (operation.node.requestBody as Node | undefined)?.required === true;
  const body = required || full ? bodies : fc.option(bodies, { nil: undefined });
  return fc.tuple(fc.tuple(...parameterValues), body).map(([values, chosen]) => {
    const request: SpecRequest = {
      operation,
      parameters,
      values: { path: {}, query: {}, header: {}, cookie: {} },
    };
    parameters.forEach((p, i) => {
      if (values[i] !== undefined) request.values[p.in][p.name] = values[i];
    });
    if (chosen) request.body = chosen;
    return request;
  });
}

// ---- breaking a request in one place ------------------------------------------------------------

const REMOVE = Symbol("remove");
/** A parameter value sent as this text, not serialized. */
class RawText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

interface Site {
  /** From the parameter's name, or from the body's root. */
  path: FieldPath;
  what: string;
  /** The broken value; REMOVE leaves the field out. */
  value: unknown;
  expected: ExpectedError;
}

/** Every way to break the request in one place, each with the error that must answer it. */
export function breakagesOf(request: SpecRequest): Breakage[] {
  const found: Breakage[] = [];
  for (const p of request.parameters) {
    const withValue = (value: unknown): SpecRequest => {
      const values = structuredClone(request.values);
      if (value === REMOVE) delete values[p.in][p.name];
      else values[p.in][p.name] = value;
      return { ...request, values };
    };
    if (p.required && p.in !== "path") {
      found.push({
        title: `${p.in} ${p.name}: left out`,
        request: withValue(REMOVE),
        expected: { id: "missingRequiredValue", details: { key: p.name } },
      });
    }
    const value = request.values[p.in][p.name];
    if (value === undefined) continue;
    if (p.json) {
      found.push({
        title: `${p.in} ${p.name}: not JSON`,
        request: withValue(new RawText("{not json")),
        expected: { id: "badValueJSON", details: { key: p.name } },
      });
    }
    for (const site of sitesOf(value, p.schema, [p.name], p.json ? "json" : "text")) {
      if (p.in === "path" && (site.value === "" || site.value === REMOVE)) continue;
      const broken = replaceAt(value, site.path.slice(1), site.value);
      if (!p.json && isEmpty(broken)) continue; // an empty list or object is sent as nothing
      found.push({
        title: `${p.in} ${formatKey(site.path)}: ${site.what}`,
        request: withValue(broken),
        expected: site.expected,
      });
    }
  }
  const body = request.body;
  if (body === undefined || !("value" in body)) return found;
  const declared = Object.keys(mediaTypesOf(request.operation));
  found.push({
    title: "body: a media type the operation does not take",
    request: { ...request, body: { mediaType: "application/x-unknown", raw: "x" } },
    expected: { id: "badValueNotAllowed", details: { key: "Content-Type", allowed: declared } },
  });
  if (isJson(body.mediaType)) {
    found.push({
      title: "body: not JSON",
      request: { ...request, body: { mediaType: body.mediaType, raw: '{"unfinished":' } },
      expected: { id: "malformedData" },
    });
  }
  const kind = isJson(body.mediaType) ? "json" : isForm(body.mediaType) ? "form" : undefined;
  if (kind === undefined) return found;
  for (const site of sitesOf(body.value, body.schema, [], kind === "json" ? "json" : "text")) {
    if (kind === "form" && site.path.length > 1) continue; // form fields are one level deep
    found.push({
      title: `body ${formatKey(site.path)}: ${site.what}`,
      request: {
        ...request,
        body: { ...body, value: replaceAt(body.value, site.path, site.value) },
      },
      expected: site.expected,
    });
  }
  return found;
}

/**
 * The places of a value where one change breaks it, and how. `kind` is how the value travels:
 * `json` keeps types; `text` (parameters, form fields) sends everything as text.
 */
function sitesOf(value: unknown, schema: Node, path: FieldPath, kind: "json" | "text"): Site[] {
  const key = formatKey(path);
  const site = (what: string, broken: unknown, id: string, details: Node = { key }): Site => ({
    path,
    what,
    value: broken,
    expected: { id, details },
  });
  const tag = (schema.discriminator as Node | undefined)?.propertyName;
  if (Array.isArray(schema.oneOf)) {
    return typeof tag === "string" && isObject(value)
      ? taggedSites(value, schema, path, tag, kind)
      : [];
  }
  const type = typeOf(schema);
  if (Array.isArray(schema.enum) && type !== "array" && type !== "object") {
    return [
      site("not an allowed value", "not-allowed", "badValueNotAllowed", {
        key,
        allowed: schema.enum,
      }),
    ];
  }
  if (type === "integer" || type === "number") {
    const sites = [
      site(
        "not a number",
        "not-a-number",
        type === "integer" ? "badValueInteger" : "badValueFloat",
      ),
    ];
    const [low, high] = inclusiveBounds(schema);
    if (Number.isNaN(low))
      sites.push(site("at the exclusive minimum", schema.exclusiveMinimum, "badData"));
    else if (Number.isNaN(high))
      sites.push(site("at the exclusive maximum", schema.exclusiveMaximum, "badData"));
    else if (low !== undefined && high !== undefined) {
      sites.push(site("above the maximum", high + 1, "badValueNotInRange", { key, low, high }));
    } else if (low !== undefined)
      sites.push(site("below the minimum", low - 1, "badValueTooLow", { key, limit: low }));
    else if (high !== undefined)
      sites.push(site("above the maximum", high + 1, "badValueTooHigh", { key, limit: high }));
    return sites;
  }
  if (type === "boolean") return [site("not a boolean", "maybe", "badValueBoolean")];
  if (type === "string" || type === undefined) {
    const sites: Site[] = [];
    if (kind === "json" && type === "string")
      sites.push(site("not a string", 12345, "badValueString"));
    if (typeof schema.pattern === "string") return sites;
    if (typeof schema.maxLength === "number") {
      const limit = schema.maxLength;
      sites.push(site("too long", "x".repeat(limit + 1), "badValueTextTooLarge", { key, limit }));
    }
    if (typeof schema.minLength === "number" && schema.minLength > 0) {
      sites.push(site("empty", "", "badValueEmpty"));
    }
    return sites;
  }
  if (type === "object" && isObject(value)) {
    const sites: Site[] = [];
    if (kind === "json" && path.length === 0) {
      sites.push({ path, what: "not an object", value: "text", expected: { id: "malformedData" } });
    } else if (kind === "json") sites.push(site("not an object", "text", "badValueJSON"));
    const properties = (schema.properties ?? {}) as Record<string, Node>;
    for (const name of (schema.required ?? []) as string[]) {
      const at = [...path, name];
      sites.push({
        path: at,
        what: "left out",
        value: REMOVE,
        expected: { id: "missingRequiredValue", details: { key: formatKey(at) } },
      });
    }
    for (const [name, field] of Object.entries(value)) {
      const property = properties[name];
      if (property && !isBinary(property))
        sites.push(...sitesOf(field, property, [...path, name], kind));
    }
    return sites;
  }
  if (type === "array" && Array.isArray(value)) {
    const items = (schema.items ?? {}) as Node;
    const sites: Site[] = [];
    const withLast = (item: unknown) => [...value.slice(0, -1), item];
    if (kind === "json") {
      sites.push(
        typeOf(items) === "string"
          ? site("not a list", "text", "badValueListOfStrings")
          : site("not a list", "text", "badData"),
      );
      if (typeof schema.minItems === "number" && schema.minItems > 0)
        sites.push(site("empty", [], "badValueEmpty"));
    }
    if (Array.isArray(items.enum)) {
      sites.push(
        site("a value the list does not allow", withLast("not-allowed"), "badValueListNotAllowed", {
          key,
          allowed: items.enum,
        }),
      );
    } else if (kind === "json" && typeOf(items) === "string") {
      sites.push(site("an item that is not a string", withLast(12345), "badValueListOfStrings"));
    }
    if (typeof schema.maxItems === "number" && value.length > 0) {
      sites.push(
        site(
          "too many items",
          Array.from({ length: schema.maxItems + 1 }, () => value[0]),
          "badData",
        ),
      );
    }
    if (!Array.isArray(items.enum)) {
      // An item of a list of strings that is not one: the list is named (badValueListOfStrings).
      const itemSites = value.flatMap((item, i) => sitesOf(item, items, [...path, i], kind));
      sites.push(
        ...itemSites.filter(
          (s) => s.expected.id !== "badValueString" || s.path.length > path.length + 1,
        ),
      );
    }
    return sites;
  }
  return [];
}

/** A `oneOf` with a discriminator: its tag, then the fields of the branch the tag picks. */
function taggedSites(
  value: Node,
  schema: Node,
  path: FieldPath,
  tag: string,
  kind: "json" | "text",
) {
  const branches = schema.oneOf as Node[];
  const tagsOf = (branch: Node) => {
    const tagSchema = ((branch.properties ?? {}) as Record<string, Node>)[tag] ?? {};
    return tagSchema.const !== undefined
      ? [tagSchema.const]
      : ((tagSchema.enum ?? []) as unknown[]);
  };
  const at = [...path, tag];
  const sites: Site[] = [
    {
      path: at,
      what: "left out",
      value: REMOVE,
      expected: { id: "missingRequiredValue", details: { key: formatKey(at) } },
    },
    {
      path: at,
      what: "a tag the discriminator does not know",
      value: "not-a-tag",
      expected: {
        id: "badValueNotAllowed",
        details: { key: formatKey(at), allowed: branches.flatMap(tagsOf) },
      },
    },
  ];
  const branch = branches.find((b) => tagsOf(b).includes(value[tag]));
  if (branch === undefined) return sites;
  const { [tag]: _, ...properties } = (branch.properties ?? {}) as Record<string, Node>;
  const required = ((branch.required ?? []) as string[]).filter((name) => name !== tag);
  return [...sites, ...sitesOf(value, { ...branch, properties, required }, path, kind)];
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) || isObject(value)) && Object.keys(value).length === 0;
}

function isObject(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A copy of `value` with the part at `path` replaced (or removed, for REMOVE). */
function replaceAt(value: unknown, path: FieldPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (next === REMOVE) delete parent[last];
  else parent[last] = next;
  return copy;
}

// ---- sending ------------------------------------------------------------------------------------

/** A 1×1 PNG, for file parts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** `fetch`'s arguments for the request, under `baseUrl`, with the given extra headers. */
export function fetchArgs(
  baseUrl: string,
  request: SpecRequest,
  extraHeaders: Record<string, string> = {},
): [string, RequestInit] {
  const { operation, parameters, values } = request;
  const byName = (place: Place, name: string) =>
    parameters.find((p) => p.in === place && p.name === name);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(text(values.path[name], byName("path", name))),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values.query)) {
    const p = byName("query", name);
    if (p === undefined) continue;
    appendQuery(query, p, value);
  }
  const headers = new Headers(extraHeaders);
  for (const [name, value] of Object.entries(values.header)) {
    headers.set(name, text(value, byName("header", name)));
  }
  const cookies = Object.entries(values.cookie).map(
    ([name, value]) => `${name}=${text(value, byName("cookie", name))}`,
  );
  if (cookies.length > 0) headers.set("Cookie", cookies.join("; "));
  const init: RequestInit = { method: operation.method.toUpperCase(), headers };
  if (request.body) {
    const { mediaType } = request.body;
    if ("raw" in request.body) {
      headers.set("Content-Type", mediaType);
      init.body = request.body.raw;
    } else if (mediaType === "multipart/form-data") {
      init.body = formData(request.body.value, request.body.schema);
    } else if (mediaType === "application/x-www-form-urlencoded") {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(request.body.value as Node)) {
        for (const item of [value].flat())
          form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
      }
      headers.set("Content-Type", mediaType);
      init.body = form.toString();
    } else {
      headers.set("Content-Type", mediaType);
      const { value } = request.body;
      init.body = isJson(mediaType)
        ? JSON.stringify(value)
        : typeof value === "string"
          ? value
          : JSON.stringify(value);
    }
  }
  const search = query.toString();
  return [`${baseUrl}${path}${search ? `?${search}` : ""}`, init];
}

/** A parameter value as the text of the simple/form styles: lists and objects comma-separated. */
function text(value: unknown, p: Parameter | undefined): string {
  if (value instanceof RawText) return value.text;
  if (p?.json) return JSON.stringify(value);
  if (Array.isArray(value)) return value.join(",");
  if (isObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => (p?.explode ? `${k}=${v}` : `${k},${v}`))
      .join(",");
  }
  return String(value);
}

function appendQuery(query: URLSearchParams, p: Parameter, value: unknown): void {
  if (value instanceof RawText || p.json) {
    query.append(p.name, text(value, p));
    return;
  }
  if (Array.isArray(value)) {
    if (p.explode) for (const item of value) query.append(p.name, String(item));
    else {
      const separator =
        p.style === "spaceDelimited" ? " " : p.style === "pipeDelimited" ? "|" : ",";
      query.append(p.name, value.join(separator));
    }
    return;
  }
  if (isObject(value)) {
    for (const [key, field] of Object.entries(value)) {
      if (p.style === "deepObject") query.append(`${p.name}[${key}]`, String(field));
      else if (p.explode) query.append(key, String(field));
    }
    if (p.style !== "deepObject" && !p.explode) query.append(p.name, text(value, p));
    return;
  }
  query.append(p.name, String(value));
}

function formData(value: unknown, schema: Node): FormData {
  const form = new FormData();
  const properties = (schema.properties ?? {}) as Record<string, Node>;
  for (const [name, field] of Object.entries(value as Node)) {
    const property = properties[name] ?? {};
    if (isBinary(property) && typeof field === "string") {
      form.append(
        name,
        new Blob([PNG], { type: String(property.contentMediaType ?? "image/png") }),
        `${name}.png`,
      );
    } else {
      for (const item of [field].flat())
        form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}
