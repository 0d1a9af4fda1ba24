// Request text (parameters, form fields) turned into the values their schemas describe.
import type { SchemaChecker } from "./schemas.ts";

type Node = Record<string, unknown>;

/** A parameter's text as sent: one string, several (a list), or named parts (an object). */
export type RawValue = string | string[] | Record<string, string>;

/** A schema's `type` as a list (3.1 allows one or several), read once per schema: a hot path. */
const typeLists = new WeakMap<Node, unknown[]>();
function typesOf(schema: Node): unknown[] {
  let types = typeLists.get(schema);
  if (types === undefined) {
    types = [schema.type].flat();
    typeLists.set(schema, types);
  }
  return types;
}

/** The kind of value a schema describes, by `type` or, without one, by its keywords. */
export function shapeOf(schema: Node | undefined): "string" | "array" | "object" {
  if (schema === undefined) return "string";
  const types = typesOf(schema);
  if (types.includes("array") || schema.items !== undefined) return "array";
  if (types.includes("object") || schema.properties !== undefined) return "object";
  return "string";
}

/**
 * Text turned into the type its schema asks for, where it reads as one; text that does not stays
 * text, and the schema check then names the type it should have had.
 */
export function typed(raw: RawValue, schema: Node | undefined, checker: SchemaChecker): unknown {
  const node = checker.resolved(schema);
  if (Array.isArray(raw)) return raw.map((item) => typed(item, node.items as Node, checker));
  if (typeof raw === "object") {
    const properties = (node.properties ?? {}) as Record<string, Node>;
    return Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, typed(value, properties[key], checker)]),
    );
  }
  for (const type of typesOf(node)) {
    if (type === "integer" && /^-?\d+$/.test(raw)) return Number(raw);
    if (type === "number" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
    if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
    if (type === "null" && raw === "") return null;
    if (type === "string") return raw;
  }
  return raw;
}

/** What a body or a JSON parameter that does not parse reads as. */
export const MALFORMED = Symbol("malformed");

export function parseJson(raw: RawValue): unknown {
  try {
    return JSON.parse(String(raw));
  } catch {
    return MALFORMED;
  }
}
