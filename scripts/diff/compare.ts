// What changed between two versions of a bundled spec, in the terms of a TypeScript consumer of
// the generated client: its methods (operations, by method and path, named as the client names
// them), their parameters, what they send and what they resolve to. Each change carries the
// semver bump it calls for; "major" means it breaks consumers. What the client sends may widen
// and what it receives may narrow without breaking anyone; the reverse breaks code that compiled
// (a required field to fill in, a `switch` on a response field that misses the new case).
import { resolveLocalRef } from "../json-pointer.ts";
import { buildModel, type Operation } from "../model.ts";
import { sortBy } from "../sort.ts";

export type Bump = "major" | "minor" | "patch";

export interface Change {
  /** The class of change, e.g. `parameter-added`. */
  kind: string;
  bump: Bump;
  /** One line, naming what changed and where. */
  text: string;
  /** The client methods it concerns, when the text does not name them itself. */
  operations: string[];
}

type Node = Record<string, unknown>;
type Direction = "request" | "response";

/** What the client sends may widen, what it resolves to may narrow, without breaking anyone. */
const WIDENED: Record<Direction, Bump> = { request: "minor", response: "major" };
const NARROWED: Record<Direction, Bump> = { request: "major", response: "minor" };
const DIRECTION_LABEL: Record<Direction, string> = { request: "Request", response: "Response" };

export function compareSpecs(base: Node, head: Node): Change[] {
  const changes = new Changes();
  const before = operationsByEndpoint(base);
  const after = operationsByEndpoint(head);
  for (const [endpoint, old] of before) {
    const current = after.get(endpoint);
    if (current === undefined) {
      changes.add("operation-removed", "major", `Operation removed: ${nameAndEndpoint(old)}`);
    } else {
      compareOperation({ base, head, changes, visited: new Set() }, old, current);
    }
  }
  for (const [endpoint, current] of after) {
    if (!before.has(endpoint)) {
      changes.add("operation-added", "minor", `Operation added: ${nameAndEndpoint(current)}`);
    }
  }
  if (changes.list().length === 0 && JSON.stringify(base) !== JSON.stringify(head)) {
    changes.add(
      "details-changed",
      "patch",
      "Descriptions, examples or other details changed; the types did not.",
    );
  }
  return changes.list();
}

/** The bump the changes call for together: the largest of theirs, or none for no change. */
export function bumpFor(changes: Change[]): Bump | undefined {
  for (const bump of ["major", "minor", "patch"] as const) {
    if (changes.some((change) => change.bump === bump)) return bump;
  }
  return undefined;
}

/** Same change reached from several operations (a shared schema) is one change naming them all. */
class Changes {
  readonly #byKey = new Map<string, Change>();

  add(kind: string, bump: Bump, text: string, operation?: string): void {
    const key = `${kind}\n${text}`;
    const change = this.#byKey.get(key) ?? { kind, bump, text, operations: [] };
    if (operation !== undefined && !change.operations.includes(operation)) {
      change.operations.push(operation);
    }
    this.#byKey.set(key, change);
  }

  list(): Change[] {
    return [...this.#byKey.values()];
  }
}

interface Context {
  base: Node;
  head: Node;
  changes: Changes;
  /** Pairs of `$ref`s already compared, so that recursive schemas end. */
  visited: Set<string>;
}

/** `GET /items/{}`: path parameters renamed in the template are still the same endpoint. */
function operationsByEndpoint(document: Node): Map<string, Operation> {
  const byEndpoint = new Map<string, Operation>();
  for (const operation of buildModel(document).operations) {
    const path = operation.path.replace(/\{[^}]*\}/g, "{}");
    byEndpoint.set(`${operation.method.toUpperCase()} ${path}`, operation);
  }
  return byEndpoint;
}

function nameAndEndpoint(operation: Operation): string {
  return `${operation.name} (${operation.method.toUpperCase()} ${operation.path})`;
}

function compareOperation(context: Context, old: Operation, current: Operation) {
  const { changes } = context;
  const name = current.name;
  if (old.name !== name) {
    changes.add(
      "operation-renamed",
      "major",
      `Operation renamed: ${old.name} → ${nameAndEndpoint(current)}; the client's ${old.name}() is gone`,
    );
  }
  if (old.deprecated !== current.deprecated) {
    const text = current.deprecated ? "Operation deprecated" : "Operation no longer deprecated";
    changes.add("operation-deprecated", "minor", `${text}: ${nameAndEndpoint(current)}`);
  }
  const rawOld = rawOperation(context.base, old);
  const rawCurrent = rawOperation(context.head, current);
  compareParameters(
    context,
    name,
    parametersOf(context.base, old),
    parametersOf(context.head, current),
  );
  compareRequestBody(context, name, rawOld.requestBody, rawCurrent.requestBody);
  compareResponses(context, name, asNode(rawOld.responses), asNode(rawCurrent.responses));
}

function rawOperation(document: Node, operation: Operation): Node {
  const item = deref(document, asNode(document.paths)[operation.path]).schema;
  return asNode(item[operation.method]);
}

/** Path-level and operation-level parameters by `in:name`, the operation's overriding. */
function parametersOf(document: Node, operation: Operation): Map<string, Node> {
  const item = deref(document, asNode(document.paths)[operation.path]).schema;
  const own = asNode(item[operation.method]).parameters;
  const byKey = new Map<string, Node>();
  for (const raw of [...asArray(item.parameters), ...asArray(own)]) {
    const parameter = deref(document, raw).schema;
    const location = String(parameter.in);
    // Header names are case-insensitive.
    const name =
      location === "header" ? String(parameter.name).toLowerCase() : String(parameter.name);
    byKey.set(`${location}:${name}`, parameter);
  }
  return byKey;
}

function compareParameters(
  context: Context,
  operation: string,
  before: Map<string, Node>,
  after: Map<string, Node>,
): void {
  const { changes } = context;
  const label = (p: Node) => `${String(p.name)} (${String(p.in)})`;
  const required = (p: Node) => p.in === "path" || p.required === true;
  for (const key of allKeys(before.keys(), after.keys())) {
    const old = before.get(key);
    const current = after.get(key);
    if (current === undefined && old !== undefined) {
      changes.add("parameter-removed", "major", `Parameter removed: ${label(old)}`, operation);
    } else if (old === undefined && current !== undefined) {
      if (required(current)) {
        changes.add(
          "parameter-added",
          "major",
          `Required parameter added: ${label(current)}`,
          operation,
        );
      } else {
        changes.add(
          "parameter-added",
          "minor",
          `Optional parameter added: ${label(current)}`,
          operation,
        );
      }
    } else if (old !== undefined && current !== undefined) {
      if (required(old) !== required(current)) {
        const [bump, text] = required(current)
          ? (["major", "Parameter now required"] as const)
          : (["minor", "Parameter now optional"] as const);
        changes.add("parameter-required", bump, `${text}: ${label(current)}`, operation);
      }
      if ((old.deprecated === true) !== (current.deprecated === true)) {
        const text =
          current.deprecated === true ? "Parameter deprecated" : "Parameter no longer deprecated";
        changes.add("parameter-deprecated", "minor", `${text}: ${label(current)}`, operation);
      }
      compareSchemas(
        { ...context, direction: "request", operation },
        old.schema,
        current.schema,
        `parameter ${label(current)}`,
      );
    }
  }
}

function compareRequestBody(
  context: Context,
  operation: string,
  rawOld: unknown,
  rawCurrent: unknown,
) {
  const { changes } = context;
  if (rawOld === undefined && rawCurrent === undefined) return;
  const old = rawOld === undefined ? undefined : deref(context.base, rawOld).schema;
  const current = rawCurrent === undefined ? undefined : deref(context.head, rawCurrent).schema;
  if (old === undefined && current !== undefined) {
    const [bump, text] =
      current.required === true
        ? (["major", "Required request body added"] as const)
        : (["minor", "Optional request body added"] as const);
    changes.add("request-body-added", bump, text, operation);
    return;
  }
  if (current === undefined || old === undefined) {
    changes.add("request-body-removed", "major", "Request body removed", operation);
    return;
  }
  if ((old.required === true) !== (current.required === true)) {
    const [bump, text] =
      current.required === true
        ? (["major", "Request body now required"] as const)
        : (["minor", "Request body now optional"] as const);
    changes.add("request-body-required", bump, text, operation);
  }
  compareContent(
    { ...context, direction: "request", operation },
    asNode(old.content),
    asNode(current.content),
    "request body",
  );
}

function compareResponses(context: Context, operation: string, before: Node, after: Node): void {
  const { changes } = context;
  for (const status of allKeys(Object.keys(before), Object.keys(after))) {
    // A success response is what a call resolves to; any other is thrown as an OnezoneError.
    const success = /^2/.test(status);
    if (!(status in after)) {
      changes.add(
        "response-removed",
        success ? "minor" : "patch",
        `Response removed: ${status}`,
        operation,
      );
    } else if (!(status in before)) {
      // A new success response widens what the call resolves to.
      changes.add(
        "response-added",
        success ? "major" : "patch",
        `Response added: ${status}`,
        operation,
      );
    } else {
      const old = deref(context.base, before[status]).schema;
      const current = deref(context.head, after[status]).schema;
      compareContent(
        { ...context, direction: "response", operation, success },
        asNode(old.content),
        asNode(current.content),
        `${status} response`,
      );
    }
  }
}

interface SchemaContext extends Context {
  direction: Direction;
  operation: string;
  /** For a response: whether it is a success response, which calls resolve to. */
  success?: boolean;
}

function compareContent(context: SchemaContext, before: Node, after: Node, where: string): void {
  const { changes, direction, operation } = context;
  const label = DIRECTION_LABEL[direction];
  // A media type the client may send is added freely; one it may receive widens the result.
  const addedBump: Bump = direction === "request" ? "minor" : context.success ? "major" : "patch";
  const removedBump: Bump = direction === "request" ? "major" : context.success ? "minor" : "patch";
  for (const type of allKeys(Object.keys(before), Object.keys(after))) {
    if (!(type in after)) {
      changes.add(
        "media-type-removed",
        removedBump,
        `${label} media type removed: ${type} (${where})`,
        operation,
      );
    } else if (!(type in before)) {
      changes.add(
        "media-type-added",
        addedBump,
        `${label} media type added: ${type} (${where})`,
        operation,
      );
    } else {
      compareSchemas(context, asNode(before[type]).schema, asNode(after[type]).schema, where);
    }
  }
}

/** A schema as the TypeScript type generated from it sees it. */
interface SchemaView {
  /** TypeScript's kinds of value (`number` for `integer` too); undefined for any. */
  types: Set<string> | undefined;
  /** The allowed values, as JSON, or undefined when not limited to a list. */
  values: Set<string> | undefined;
  properties: Node;
  required: Set<string>;
  items: unknown;
  /** `oneOf`/`anyOf` members. */
  variants: unknown[];
}

function compareSchemas(context: SchemaContext, rawBefore: unknown, rawAfter: unknown, at: string) {
  if (rawBefore === undefined || rawAfter === undefined) return;
  const before = deref(context.base, rawBefore);
  const after = deref(context.head, rawAfter);
  // Both sides naming the same component: changes are told by its name, once for all operations.
  let where = at;
  if (before.name !== undefined && before.name === after.name) where = before.name;
  if (before.ref !== undefined || after.ref !== undefined) {
    const pair = `${context.direction}|${before.ref}|${after.ref}`;
    if (context.visited.has(pair)) return;
    context.visited.add(pair);
  }
  const old = view(context.base, before.schema);
  const current = view(context.head, after.schema);
  const { changes, direction, operation } = context;
  const label = DIRECTION_LABEL[direction];
  const widened = (text: string) =>
    changes.add(
      "type-widened",
      WIDENED[direction],
      `${label} type widened: ${where} ${text}`,
      operation,
    );
  const narrowed = (text: string) =>
    changes.add(
      "type-narrowed",
      NARROWED[direction],
      `${label} type narrowed: ${where} ${text}`,
      operation,
    );

  if (old.types && current.types) {
    const added = [...current.types].filter((type) => !old.types?.has(type));
    const removed = [...old.types].filter((type) => !current.types?.has(type));
    if (added.length > 0) widened(`can now be ${added.join(" or ")}`);
    if (removed.length > 0) narrowed(`can no longer be ${removed.join(" or ")}`);
  } else if (old.types && !current.types && current.variants.length === 0) {
    widened("can now be any type");
  } else if (!old.types && current.types && old.variants.length === 0) {
    narrowed(`can now only be ${[...current.types].join(" or ")}`);
  }

  if (old.values && current.values) {
    const added = [...current.values].filter((value) => !old.values?.has(value));
    const removed = [...old.values].filter((value) => !current.values?.has(value));
    if (added.length > 0) widened(`gains ${added.join(", ")}`);
    if (removed.length > 0) narrowed(`loses ${removed.join(", ")}`);
  } else if (old.values && !current.values) {
    widened("is no longer limited to a list of values");
  } else if (!old.values && current.values) {
    narrowed(`is now limited to ${[...current.values].join(", ")}`);
  }

  const names = allKeys(Object.keys(old.properties), Object.keys(current.properties));
  for (const name of names) {
    const field = `${where}.${name}`;
    if (!(name in current.properties)) {
      // Gone from a response: code reading it breaks; from a request: object literals setting it.
      changes.add("field-removed", "major", `${label} field removed: ${field}`, operation);
    } else if (!(name in old.properties)) {
      const required = current.required.has(name);
      const bump: Bump = direction === "request" && required ? "major" : "minor";
      const text = `${required ? "Required" : "Optional"} ${label.toLowerCase()} field added: ${field}`;
      changes.add("field-added", bump, text, operation);
    } else {
      const wasRequired = old.required.has(name);
      const isRequired = current.required.has(name);
      if (wasRequired !== isRequired) {
        // Required narrows a response field (never undefined) and narrows what a request accepts.
        const bump = isRequired ? NARROWED[direction] : WIDENED[direction];
        const text = `${label} field now ${isRequired ? "required" : "optional"}: ${field}`;
        changes.add("field-required", bump, text, operation);
      }
      const deprecated = deref(context.head, current.properties[name]).schema.deprecated === true;
      if ((deref(context.base, old.properties[name]).schema.deprecated === true) !== deprecated) {
        const text = `${label} field ${deprecated ? "deprecated" : "no longer deprecated"}: ${field}`;
        changes.add("field-deprecated", "minor", text, operation);
      }
      compareSchemas(context, old.properties[name], current.properties[name], field);
    }
  }

  compareSchemas(context, old.items, current.items, `${where}[]`);

  // A union on one side only: the other side is a union of one, itself.
  const oldVariants =
    old.variants.length > 0 || current.variants.length === 0 ? old.variants : [rawBefore];
  const currentVariants =
    current.variants.length > 0 || old.variants.length === 0 ? current.variants : [rawAfter];
  const { pairs, added, removed } = matchVariants(context, oldVariants, currentVariants);
  for (const [oldVariant, currentVariant] of pairs) {
    compareSchemas(context, oldVariant, currentVariant, where);
  }
  for (const variant of added) widened(`can now be ${variantLabel(context.head, variant)}`);
  for (const variant of removed)
    narrowed(`can no longer be ${variantLabel(context.base, variant)}`);
}

/**
 * Pairs the members of two unions: the same component or the same schema, then, among the rest,
 * members of the same kind (`string`, `object`), whose differences are compared in turn.
 */
function matchVariants(context: SchemaContext, before: unknown[], after: unknown[]) {
  const pairs: [unknown, unknown][] = [];
  let removed = [...before];
  let added = [...after];
  const keys: ((document: Node, variant: unknown) => string)[] = [variantKey, variantLabel];
  for (const key of keys) {
    for (const variant of [...added]) {
      const label = key(context.head, variant);
      const match = removed.find((old) => key(context.base, old) === label);
      if (match === undefined) continue;
      pairs.push([match, variant]);
      removed = removed.filter((old) => old !== match);
      added = added.filter((current) => current !== variant);
    }
  }
  return { pairs, added, removed };
}

/** A union member: its component's name, or its JSON. */
function variantKey(document: Node, variant: unknown): string {
  const { name, schema } = deref(document, variant);
  return name ?? JSON.stringify(schema);
}

/** A union member as a reader knows it: its component's name, or its kind of value. */
function variantLabel(document: Node, variant: unknown): string {
  const { name, schema } = deref(document, variant);
  const types = view(document, schema).types;
  return name ?? (types ? [...types].join(" or ") : "any value");
}

function view(document: Node, schema: Node): SchemaView {
  // allOf's members are one object together: their properties and required lists add up.
  const parts = [schema, ...asArray(schema.allOf).map((part) => deref(document, part).schema)];
  const properties: Node = {};
  const required = new Set<string>();
  for (const part of parts) {
    Object.assign(properties, asNode(part.properties));
    for (const name of asArray(part.required)) required.add(String(name));
  }
  const typed = parts.find((part) => part.type !== undefined);
  const listed = parts.find((part) => Array.isArray(part.enum) || "const" in part);
  return {
    types: tsTypes(typed ?? schema, Object.keys(properties).length > 0),
    values:
      listed &&
      new Set(
        (Array.isArray(listed.enum) ? listed.enum : [listed.const]).map((v) => JSON.stringify(v)),
      ),
    properties,
    required,
    items: parts.find((part) => part.items !== undefined)?.items,
    variants: [...asArray(schema.oneOf), ...asArray(schema.anyOf)],
  };
}

function tsTypes(schema: Node, hasProperties: boolean): Set<string> | undefined {
  let types: string[];
  if (schema.type !== undefined) types = [schema.type].flat().map(String);
  else if (hasProperties) types = ["object"];
  else if (schema.items !== undefined) types = ["array"];
  else return undefined;
  const kinds = new Set(types.map((type) => (type === "integer" ? "number" : type)));
  if (schema.nullable === true) kinds.add("null");
  return kinds;
}

/**
 * Follows `$ref`s (at most a few deep, so a cycle of bare refs ends) to the schema they lead to,
 * named by the first component on the way: the name the spec uses where the `$ref` is.
 */
function deref(document: Node, value: unknown): { schema: Node; ref?: string; name?: string } {
  let node = value;
  let ref: string | undefined;
  let name: string | undefined;
  for (let hops = 0; hops < 16 && isRef(node); hops++) {
    ref = node.$ref;
    name ??= /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    node = resolveLocalRef(document, ref);
  }
  return { schema: asNode(node), ...(ref && { ref }), ...(name && { name }) };
}

/** The keys of either side, once each, in code-unit order. */
function allKeys(before: Iterable<string>, after: Iterable<string>): string[] {
  return sortBy([...new Set([...before, ...after])], String);
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof asNode(value).$ref === "string";
}

function asNode(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Node)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
