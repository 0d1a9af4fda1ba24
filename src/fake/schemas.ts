// Checks request values against the spec's schemas with Ajv (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1, which the loader upgrades every spec to) and words the first failure as Onedata
// does, with `details.key` naming the field: `name`, `caveats[0].validUntil`.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { FakeError } from "./errors.ts";
import type { SpecDocument } from "./load-spec.ts";
import { resolve } from "./operations.ts";
import {
  badData,
  badType,
  badValueEmpty,
  badValueListNotAllowed,
  badValueListOfStrings,
  badValueNotAllowed,
  badValueNotInRange,
  badValueTextTooLarge,
  badValueTooHigh,
  badValueTooLow,
  malformedData,
  missingRequiredValue,
} from "./validation-errors.ts";

type Node = Record<string, unknown>;

/** Where a value sits: property names and array indices from the parameter or the body's root. */
export type FieldPath = (string | number)[];

const SPEC_ID = "fake-spec";

/** `["caveats", 0, "validUntil"]` → `caveats[0].validUntil`; the body as a whole is `body`. */
export function formatKey(path: FieldPath): string {
  if (path.length === 0) return "body";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

export class SchemaChecker {
  private readonly document: SpecDocument;
  private readonly ajv: Ajv2020;
  private lenientAjv: Ajv2020 | undefined;
  private readonly log: ((line: string) => void) | undefined;
  /** Why the last compilation failed, for the log. */
  private lastProblem = "";
  private readonly compiled = new Map<string, ValidateFunction>();
  /** What each schema node with a `$ref` points at, looked up once. */
  private readonly targets = new WeakMap<object, Node>();

  constructor(document: SpecDocument, log?: (line: string) => void) {
    this.document = document;
    this.log = log;
    this.ajv = SchemaChecker.ajvFor(document, true);
  }

  private static ajvFor(document: SpecDocument, discriminator: boolean): Ajv2020 {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      verbose: true,
      discriminator,
      validateFormats: false,
    });
    ajv.addSchema({ ...forAjv(structuredClone(document)), $id: SPEC_ID });
    return ajv;
  }

  /**
   * Compiles the schema at `pointer` once, on first use. Ajv's `discriminator` support has
   * preconditions (each `oneOf` branch names its tag with `const` or `enum`); a schema that misses
   * them is compiled without it, as plain `oneOf`. One Ajv cannot compile at all is not checked
   * (`log` says so once): the fake answers rather than fail on the spec it was given.
   */
  compile(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (validate === undefined) {
      validate = this.compileWith(this.ajv, pointer) ?? this.compileLeniently(pointer);
      this.compiled.set(pointer, validate);
    }
    return validate;
  }

  private compileWith(ajv: Ajv2020, pointer: string): ValidateFunction | undefined {
    try {
      return ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    } catch (error) {
      this.lastProblem = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  }

  private compileLeniently(pointer: string): ValidateFunction {
    this.lenientAjv ??= SchemaChecker.ajvFor(this.document, false);
    const validate = this.compileWith(this.lenientAjv, pointer);
    if (validate) return validate;
    this.log?.(`the schema at ${pointer} is not checked: ${this.lastProblem}`);
    return Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
  }

  /** The Onedata error for `value` against the schema at `pointer`; undefined when it is valid. */
  check(pointer: string, value: unknown, at: FieldPath): FakeError | undefined {
    const validate = this.compile(pointer);
    if (validate(value)) return undefined;
    const error = validate.errors?.[0];
    return error ? this.onedataError(error, value, at) : malformedData;
  }

  private onedataError(error: ErrorObject, value: unknown, at: FieldPath): FakeError {
    const path = [...at, ...fieldPath(error.instancePath, value)];
    const key = formatKey(path);
    const parentKey = formatKey(path.slice(0, -1));
    const schema = (error.parentSchema ?? {}) as Node;
    const params = error.params as Record<string, unknown>;
    const itemOfList = typeof path.at(-1) === "number";
    switch (error.keyword) {
      case "required":
        return missingRequiredValue(formatKey([...path, String(params.missingProperty)]));
      case "type": {
        if (path.length === 0) return malformedData;
        const expected =
          String(params.type)
            .split(",")
            .find((t) => t !== "null") ?? "null";
        if (itemOfList && expected === "string") return badValueListOfStrings(parentKey);
        if (expected === "array") {
          const items = this.resolved(schema.items);
          return items.type === "string"
            ? badValueListOfStrings(key)
            : badData(key, "must be a list");
        }
        return badType(key, expected);
      }
      case "enum":
      case "const": {
        const allowed =
          error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
        return itemOfList
          ? badValueListNotAllowed(parentKey, allowed)
          : badValueNotAllowed(key, allowed);
      }
      case "minimum":
      case "exclusiveMinimum":
      case "maximum":
      case "exclusiveMaximum":
        return outOfRange(key, schema, String(error.message));
      case "maxLength":
        return badValueTextTooLarge(key, Number(params.limit));
      case "minLength":
      case "minItems":
        return isEmpty(value, path.slice(at.length))
          ? badValueEmpty(key)
          : badData(key, String(error.message));
      case "additionalProperties":
        return badData(formatKey([...path, String(params.additionalProperty)]), "is not allowed");
      case "discriminator":
        return this.discriminatorError(path, schema, params);
      default:
        return path.length === 0 ? malformedData : badData(key, String(error.message));
    }
  }

  /** A `oneOf` with a discriminator whose tag is missing, not a string, or not one it maps. */
  private discriminatorError(path: FieldPath, schema: Node, params: Record<string, unknown>) {
    const tag = formatKey([...path, String(params.tag)]);
    if (params.tagValue === undefined) return missingRequiredValue(tag);
    if (params.error === "tag") return badType(tag, "string");
    const allowed = ((schema.oneOf ?? []) as Node[]).flatMap((branch) => {
      const properties = this.resolved(this.resolved(branch).properties);
      const tagSchema = this.resolved(properties[String(params.tag)]);
      return tagSchema.const !== undefined
        ? [tagSchema.const]
        : ((tagSchema.enum ?? []) as unknown[]);
    });
    return badValueNotAllowed(tag, allowed);
  }

  /** A schema node with its `$ref`s followed; `{}` for none. */
  resolved(node: unknown): Node {
    if (node === undefined || node === null || typeof node !== "object") return {};
    let target = this.targets.get(node);
    if (target === undefined) {
      target = resolve(this.document, { node: node as Node, pointer: "" }).node ?? {};
      this.targets.set(node, target);
    }
    return target;
  }
}

/**
 * The document as Ajv needs it. `discriminator`: without `mapping`, which Ajv refuses (the tags it
 * maps are the branches' own `const`/`enum`), and with `type: object`, without which Ajv lets
 * anything that is not an object pass. No OpenAPI 3.0 `nullable` beside no `type` (the upgrade to
 * 3.1 leaves those), which Ajv refuses.
 */
function forAjv(node: unknown): Node {
  if (typeof node === "object" && node !== null) {
    const schema = node as Node;
    if (typeof schema.nullable === "boolean" && schema.type === undefined) delete schema.nullable;
    const discriminator = schema.discriminator as Node | undefined;
    if (
      typeof discriminator === "object" &&
      discriminator !== null &&
      Array.isArray(schema.oneOf)
    ) {
      delete discriminator.mapping;
      schema.type ??= "object";
    }
    for (const value of Object.values(schema)) forAjv(value);
  }
  return node as Node;
}

/**
 * Onedata's range errors, whose bounds are inclusive: both bounds give `badValueNotInRange`, one
 * `badValueTooLow` or `badValueTooHigh`. An exclusive bound of a number that is not an integer
 * has no inclusive equivalent: `badData` says it.
 */
function outOfRange(key: string, schema: Node, message: string): FakeError {
  const [low, high] = inclusiveBounds(schema);
  if (Number.isNaN(low) || Number.isNaN(high)) return badData(key, message);
  if (low !== undefined && high !== undefined) return badValueNotInRange(key, low, high);
  return low !== undefined ? badValueTooLow(key, low) : badValueTooHigh(key, high ?? 0);
}

/**
 * The inclusive bounds of a number schema: an integer's exclusive bound (nullable or not) moves
 * one step in; a non-integer's gives NaN.
 */
export function inclusiveBounds(schema: Node): [low: number | undefined, high: number | undefined] {
  const integer = [schema.type].flat().includes("integer");
  const inclusive = (exclusive: unknown, bound: unknown, step: number) =>
    typeof exclusive !== "number"
      ? (bound as number | undefined)
      : integer
        ? exclusive + step
        : NaN;
  return [
    inclusive(schema.exclusiveMinimum, schema.minimum, 1),
    inclusive(schema.exclusiveMaximum, schema.maximum, -1),
  ];
}

/** Ajv's instance path (`/caveats/0/type`) as property names and indices, reading the value. */
function fieldPath(instancePath: string, value: unknown): FieldPath {
  const path: FieldPath = [];
  let node = value;
  for (const raw of instancePath.split("/").slice(1)) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const index = Array.isArray(node) ? Number(part) : undefined;
    path.push(index ?? part);
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return path;
}

/** Whether the value at `path` (from the checked value) is an empty string or list. */
function isEmpty(value: unknown, path: FieldPath): boolean {
  const inner = path.reduce<unknown>(
    (node, part) => (node as Record<string, unknown> | undefined)?.[part as string],
    value,
  );
  return inner === "" || (Array.isArray(inner) && inner.length === 0);
}
