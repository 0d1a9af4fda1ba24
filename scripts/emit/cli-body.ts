// What onezone-rest-cli shows and checks of a request body, worked out from its schema: the
// fields (dotted for nested objects, `[]` for array items), and an example command line.
import { resolveLocalRef } from "../json-pointer.ts";

type Node = Record<string, unknown>;
export type Json = string | number | boolean | null | readonly Json[] | { [key: string]: Json };

export interface BodyField {
  /** `name`, `owner.id` (a nested object's field), `caveats[].type` (a field of each item). */
  name: string;
  type: string;
  /** Required whenever its parent object is sent. */
  required: boolean;
  description: string;
  enum: Json[];
  /** May hold a secret: onezone-rest-cli shows its value nowhere. */
  secret: boolean;
  /** A file part of a multipart body, given as `name@path`. */
  file: boolean;
  /** A file part's media type, as the spec gives it (`contentMediaType`); empty otherwise. */
  mediaType: string;
  /** The variants of a `oneOf` that have the field, e.g. `type=invite`; empty when all do. */
  when: string;
}

/** Nested objects deeper than this are shown as one field, set whole with `name:=JSON`. */
const MAX_DEPTH = 4;
/** The last word of a field name that marks a secret: `password`, `apiKey`, `refreshToken`. */
const SECRET_WORDS = new Set(["password", "passwd", "passphrase", "secret", "token", "key"]);

export function bodyFields(document: Node, schema: unknown, multipart: boolean): BodyField[] {
  return objectFields({ document, multipart }, schema, "", 0, new Set());
}

interface Walk {
  document: Node;
  multipart: boolean;
}

function objectFields(
  walk: Walk,
  schema: unknown,
  prefix: string,
  depth: number,
  expanding: Set<string>,
): BodyField[] {
  const ref = refOf(schema);
  if (depth > MAX_DEPTH || (ref !== undefined && expanding.has(ref))) return [];
  const inner = ref === undefined ? expanding : new Set([...expanding, ref]);
  const node = resolve(walk.document, schema);
  const variants = asArray(node.oneOf ?? node.anyOf);
  if (variants.length > 0) {
    const propertyName = asNode(node.discriminator).propertyName;
    const perVariant = variants.map((variant) => {
      const value = typeof propertyName === "string" ? tagOf(walk, variant, propertyName) : "";
      const label =
        value === undefined || value === ""
          ? nameOf(walk.document, variant)
          : `${propertyName}=${value}`;
      return { label, fields: objectFields(walk, variant, prefix, depth, inner) };
    });
    return mergeVariants(perVariant);
  }
  const required = new Set(requiredOf(walk.document, node));
  return Object.entries(properties(walk.document, node)).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    const resolved = resolve(walk.document, property);
    const field: BodyField = {
      name,
      type: typeText(walk.document, property),
      required: required.has(key),
      description: String(resolved.description ?? "").trim(),
      enum: enumOf(walk.document, property),
      secret: isSecret(key, resolved),
      file: walk.multipart && isBinary(resolved),
      mediaType:
        walk.multipart && isBinary(resolved) ? String(resolved.contentMediaType ?? "") : "",
      when: "",
    };
    const items = resolved.type === "array" ? resolved.items : undefined;
    const children =
      items === undefined
        ? objectFields(walk, property, `${name}.`, depth + 1, inner)
        : objectFields(walk, items, `${name}[].`, depth + 1, inner);
    return [field, ...children];
  });
}

/**
 * One field per name: unconditional only when every variant has it unconditionally (otherwise
 * `when` names the variants that have it), required when each of those variants requires it.
 */
function mergeVariants(perVariant: { label: string; fields: BodyField[] }[]): BodyField[] {
  const byName = new Map<string, BodyField[]>();
  for (const { label, fields } of perVariant) {
    for (const field of fields) {
      const tagged = { ...field, when: field.when || label };
      byName.set(field.name, [...(byName.get(field.name) ?? []), tagged]);
    }
  }
  return [...byName.values()].map((group) => {
    const [first] = group as [BodyField, ...BodyField[]];
    const labels = new Set(perVariant.map((v) => v.label));
    const everywhere = group.length === perVariant.length && group.every((f) => labels.has(f.when));
    return {
      ...first,
      type: unique(group.map((f) => f.type)).join(" or "),
      required: group.every((f) => f.required),
      description: group.find((f) => f.description !== "")?.description ?? "",
      enum: unique(group.flatMap((f) => f.enum)),
      secret: group.some((f) => f.secret),
      file: group.some((f) => f.file),
      mediaType: group.find((f) => f.mediaType !== "")?.mediaType ?? "",
      when: everywhere ? "" : unique(group.map((f) => f.when)).join(" or "),
    };
  });
}

/** A variant's value of the discriminator property: its `const`, or its one `enum` value. */
function tagOf(walk: Walk, variant: unknown, propertyName: string): string | undefined {
  const property = resolve(
    walk.document,
    properties(walk.document, resolve(walk.document, variant))[propertyName],
  );
  const values = property.const !== undefined ? [property.const] : asArray(property.enum);
  return values.length === 1 ? String(values[0]) : undefined;
}

/** The properties of an object schema, those of its `allOf` parts included. */
function properties(document: Node, node: Node, depth = 0): Node {
  const merged: Node = {};
  if (depth < MAX_DEPTH) {
    for (const part of asArray(node.allOf)) {
      Object.assign(merged, properties(document, resolve(document, part), depth + 1));
    }
  }
  return Object.assign(merged, asNode(node.properties));
}

/** The required properties of an object schema, those of its `allOf` parts included. */
function requiredOf(document: Node, node: Node, depth = 0): string[] {
  const parts = depth < MAX_DEPTH ? asArray(node.allOf) : [];
  return [
    ...parts.flatMap((part) => requiredOf(document, resolve(document, part), depth + 1)),
    ...asArray(node.required).map(String),
  ];
}

function isSecret(key: string, schema: Node): boolean {
  if (schema.format === "password" || schema.writeOnly === true) return true;
  const words = key.split(/[_\-\s]+|(?<=[a-z\d])(?=[A-Z])/).filter(Boolean);
  return SECRET_WORDS.has(words.at(-1)?.toLowerCase() ?? "");
}

function isBinary(schema: Node): boolean {
  return (
    schema.type === "string" &&
    (schema.format === "binary" ||
      schema.format === "byte" ||
      schema.contentMediaType !== undefined)
  );
}

/** A short type for help: `string`, `integer`, `array of Caveat`, `one of TimeCaveat, IpCaveat`. */
export function typeText(document: Node, schema: unknown): string {
  const node = resolve(document, schema);
  const variants = asArray(node.oneOf ?? node.anyOf);
  if (variants.length > 0) return `one of ${variants.map((v) => nameOf(document, v)).join(", ")}`;
  const types = typesOf(node);
  if (node.nullable === true) types.push("null");
  return types
    .map((type) => (type === "array" ? `array of ${nameOf(document, node.items)}` : type))
    .join(" or ");
}

function typesOf(node: Node): string[] {
  if (typeof node.type === "string") return [node.type];
  if (Array.isArray(node.type)) return node.type.map(String);
  const values = node.const !== undefined ? [node.const] : asArray(node.enum);
  if (values.length > 0) return unique(values.map((v) => (v === null ? "null" : typeof v)));
  if (node.properties !== undefined || node.allOf !== undefined) return ["object"];
  return ["any"];
}

/** A component's name for a `$ref`, else the schema's type. */
function nameOf(document: Node, schema: unknown): string {
  const ref = refOf(schema);
  return ref === undefined ? typeText(document, schema) : (ref.split("/").at(-1) ?? ref);
}

function enumOf(document: Node, schema: unknown): Json[] {
  const node = resolve(document, schema);
  const items = node.type === "array" ? resolve(document, node.items) : node;
  return asArray(items.enum) as Json[];
}

/**
 * An example body: the media type's own `example` (or its first `examples` entry), else one
 * made from the schema (its examples and defaults, the first enum value, the first variant).
 */
export function exampleBody(document: Node, mediaType: Node): Json {
  if (mediaType.example !== undefined) return mediaType.example as Json;
  const [first] = Object.values(asNode(mediaType.examples));
  const named = resolve(document, first);
  if (named.value !== undefined) return named.value as Json;
  return exampleOf(document, mediaType.schema, 0);
}

function exampleOf(document: Node, schema: unknown, depth: number): Json {
  const node = resolve(document, schema);
  const own = node.example ?? asArray(node.examples)[0] ?? node.default ?? node.const;
  if (own !== undefined) return own as Json;
  if (asArray(node.enum).length > 0) return asArray(node.enum)[0] as Json;
  const variants = asArray(node.oneOf ?? node.anyOf);
  if (variants.length > 0) return exampleOf(document, variants[0], depth);
  const [type] = typesOf(node);
  if (type === "object" && depth < MAX_DEPTH) {
    const required = requiredOf(document, node);
    const fields = Object.entries(properties(document, node)).filter(([key]) =>
      required.includes(key),
    );
    return Object.fromEntries(
      fields.map(([key, property]) => [key, exampleOf(document, property, depth + 1)]),
    );
  }
  if (type === "array") {
    return Number(node.minItems ?? 0) > 0 && depth < MAX_DEPTH
      ? [exampleOf(document, node.items, depth + 1)]
      : [];
  }
  if (type === "integer" || type === "number") return lowest(node);
  if (type === "boolean") return true;
  if (type === "object") return {};
  return "VALUE";
}

/** The smallest number the schema takes, or 1. */
function lowest(node: Node): number {
  if (typeof node.minimum === "number") return node.minimum;
  if (typeof node.exclusiveMinimum === "number") return Math.floor(node.exclusiveMinimum) + 1;
  return typeof node.maximum === "number" ? Math.min(1, node.maximum) : 1;
}

/**
 * The words that send `body` with onezone-rest-cli: `name==text` for strings (every value of a
 * form), `name:=JSON` otherwise, `a.b==x` into an object whose fields are listed, `file@PATH` for
 * a file part; a body that is not an object goes on standard input (`-`).
 */
export function exampleWords(
  body: Json,
  fields: BodyField[],
  form: boolean,
): { words: string[]; stdin: string | null } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { words: ["-"], stdin: JSON.stringify(body) };
  }
  return { words: objectWords(body as { [key: string]: Json }, "", fields, form), stdin: null };
}

function objectWords(
  body: { [key: string]: Json },
  prefix: string,
  fields: BodyField[],
  form: boolean,
): string[] {
  return Object.entries(body).flatMap(([key, value]) => {
    const name = `${prefix}${key}`;
    if (fields.some((f) => f.name === name && f.file)) return [`${name}@PATH`];
    if (typeof value === "string") return [`${name}==${value}`];
    if (form && (typeof value === "number" || typeof value === "boolean"))
      return [`${name}==${value}`];
    const nested = value !== null && typeof value === "object" && !Array.isArray(value);
    if (
      nested &&
      Object.keys(value).length > 0 &&
      fields.some((f) => f.name.startsWith(`${name}.`))
    ) {
      return objectWords(value as { [key: string]: Json }, `${name}.`, fields, form);
    }
    return [`${name}:=${JSON.stringify(value)}`];
  });
}

/** The node a (chain of) local `$ref` points at, or the node itself. */
export function resolve(document: Node, schema: unknown): Node {
  let node = asNode(schema);
  for (let hops = 0; typeof node.$ref === "string" && hops < 32; hops++) {
    node = asNode(resolveLocalRef(document, node.$ref));
  }
  return node;
}

function refOf(schema: unknown): string | undefined {
  const ref = asNode(schema).$ref;
  return typeof ref === "string" ? ref : undefined;
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function asNode(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Node)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
