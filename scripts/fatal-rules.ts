// What stops generation from a spec that is not the project's own: only the problems that make
// generated code impossible or wrong. Everything else Redocly's `minimal` ruleset finds is a
// warning, which generate counts in one line. (Unparsable files, documents that are not OpenAPI
// and `$ref`s that lead back to themselves are refused outside lint: load.ts, inline-refs.ts.)
import {
  isRef,
  type Location,
  type Plugin,
  type RawUniversalConfig,
  type UserContext,
} from "@redocly/openapi-core";
import { HTTP_METHODS } from "./model.ts";

/** The rules whose problems stop generation, each with why. README lists the same. */
export const FATAL_RULES = {
  "no-unresolved-refs":
    "a `$ref` that points nowhere leaves a type, a parameter or a response out of the code",
  "operation-operationId-unique":
    "operations that share an operationId share one entry of `operations` in schema.d.ts, so one of them gets the other's types",
  "codegen/path-parameters":
    "a `{name}` in a path that no `in: path` parameter declares is sent as written; a path parameter the path does not hold is demanded and never sent",
  "codegen/operation-shape":
    "a path, operation, parameter, request body or response of the wrong type is skipped or typed wrongly: a parameter without a `name`, or `in` other than path, query, header or cookie, does not compile",
  "codegen/schema-shape":
    "openapi-typescript stops on a schema whose `allOf`, `anyOf`, `oneOf` or `prefixItems` is not a list of schemas, whose `properties` is not a map of them, or whose `items` is not a schema",
} as const;

/** The errors of `minimal` that do not touch generated code, lowered to warnings, each with why. */
const LOWERED_TO_WARNINGS = {
  struct:
    "it refuses what the generator ignores or reads leniently (keywords JSON Schema 2020-12 allows in 3.1 schemas, such as `regex` or a 3.0-style `nullable`; a missing `info` or `description`); codegen/operation-shape checks the parts the generator reads",
  "no-server-trailing-slash":
    "the client takes its base URL from the caller, and openapi-fetch drops a trailing slash itself",
  "no-server-variables-empty-enum": "server URLs are not part of generated code",
} as const;

type Node = Record<string, unknown>;

/** Where each parameter may be: OpenAPI 3's four locations, and Swagger 2.0's own two. */
const LOCATIONS = {
  oas3: ["path", "query", "header", "cookie"],
  oas2: ["path", "query", "header", "body", "formData"],
} as const;

/** A template expression is everything between braces, as openapi-fetch reads it. */
const TEMPLATE = /\{([^{}]+)\}/g;

export const FOREIGN_RULES: RawUniversalConfig = {
  extends: ["minimal"],
  plugins: [codegenPlugin()],
  rules: {
    ...severities(FATAL_RULES, "error"),
    ...severities(LOWERED_TO_WARNINGS, "warn"),
    // Examples never reach generated code, and checking each against its schema is most of the
    // lint time on a large spec (see BENCHMARKS.md).
    "no-invalid-media-type-examples": "off",
  },
};

function severities(rules: object, severity: "error" | "warn"): Record<string, "error" | "warn"> {
  return Object.fromEntries(Object.keys(rules).map((id) => [id, severity]));
}

function codegenPlugin(): Plugin {
  const rules = (locations: readonly string[]) => ({
    "operation-shape": () => ({
      Root: (root: object, ctx: UserContext) => {
        readOperations(root as Node, ctx, locations, ctx.report);
      },
    }),
    "schema-shape": () => ({ Schema: checkSchema }),
    "path-parameters": () => ({
      Root: (root: object, ctx: UserContext) => {
        for (const level of readOperations(root as Node, ctx, locations, () => {})) {
          checkTemplates(level, ctx);
        }
      },
    }),
  });
  return { id: "codegen", rules: { oas3: rules(LOCATIONS.oas3), oas2: rules(LOCATIONS.oas2) } };
}

/** A node and where it is written: past its `$ref`s, in whichever file that is. */
interface At {
  node: unknown;
  location: Location;
}

/** A path parameter as declared: its name, and where. */
interface PathParameter {
  name: string;
  location: Location;
}

/** A path item, or one of its operations, with the path parameters it declares. */
interface Declares {
  path: string;
  location: Location;
  /** The path item's own parameters and, for an operation, the path item's too. */
  pathParameters: PathParameter[];
  /** The parameters declared at this level. */
  own: PathParameter[];
}

type Report = UserContext["report"];

/**
 * Walks what the generator reads (paths, their operations, parameters, request bodies and
 * responses), reporting each node of the wrong type, and gives each path item and operation with
 * the path parameters it declares.
 */
function readOperations(
  root: Node,
  ctx: UserContext,
  locations: readonly string[],
  report: Report,
): Declares[] {
  const read: Declares[] = [];
  if (root.paths === undefined) return read;
  const paths = follow(ctx, root.paths, ctx.location.child(["paths"]));
  if (paths === undefined) return read;
  if (!isNode(paths.node)) {
    report({ message: "`paths` must be an object of path items.", location: paths.location });
    return read;
  }
  for (const [path, rawItem] of Object.entries(paths.node)) {
    const item = follow(ctx, rawItem, paths.location.child([path]));
    if (item === undefined) continue;
    if (!isNode(item.node)) {
      report({ message: `The path item \`${path}\` must be an object.`, location: item.location });
      continue;
    }
    const shared = readPathParameters(ctx, item, locations, report);
    read.push({ path, location: item.location.key(), pathParameters: shared, own: shared });
    for (const method of HTTP_METHODS) {
      if (item.node[method] === undefined) continue;
      const location = item.location.child([method]);
      const operation = { node: item.node[method], location };
      const where = `\`${method} ${path}\``;
      if (!isNode(operation.node)) {
        report({ message: `The operation ${where} must be an object.`, location });
        continue;
      }
      checkObject(ctx, operation, "requestBody", `The request body of ${where}`, report);
      checkResponses(ctx, operation, where, report);
      const own = readPathParameters(ctx, operation, locations, report);
      read.push({ path, location: location.key(), pathParameters: [...shared, ...own], own });
    }
  }
  return read;
}

/** Checks the `parameters` of a path item or an operation, and gives its path parameters. */
function readPathParameters(
  ctx: UserContext,
  owner: At,
  locations: readonly string[],
  report: Report,
): PathParameter[] {
  const raw = (owner.node as Node).parameters;
  if (raw === undefined) return [];
  const location = owner.location.child(["parameters"]);
  if (!Array.isArray(raw)) {
    report({ message: "`parameters` must be an array.", location });
    return [];
  }
  const found: PathParameter[] = [];
  for (const [index, rawParameter] of raw.entries()) {
    const parameter = follow(ctx, rawParameter, location.child([index]));
    if (parameter === undefined) continue;
    const fault = parameterFault(parameter.node, locations);
    if (fault !== undefined) {
      report({ message: `This parameter ${fault}.`, location: parameter.location });
      continue;
    }
    const { name, in: where } = parameter.node as Node;
    if (where === "path")
      found.push({ name: String(name), location: parameter.location.child(["name"]) });
  }
  return found;
}

/** What makes a parameter unusable for the generator, if anything. */
function parameterFault(parameter: unknown, locations: readonly string[]): string | undefined {
  if (!isNode(parameter)) return "is not an object";
  if (typeof parameter.name !== "string") return "has no `name`";
  if (!locations.includes(String(parameter.in))) {
    return `has \`in: ${String(parameter.in)}\`, which is none of ${locations.join(", ")}`;
  }
  return undefined;
}

function checkResponses(ctx: UserContext, operation: At, where: string, report: Report): void {
  const responses = checkObject(ctx, operation, "responses", `The responses of ${where}`, report);
  for (const status of Object.keys(responses ?? {})) {
    checkObject(ctx, responses as At, status, `The ${status} response of ${where}`, report);
  }
}

/** Reports `owner[key]` unless it is absent or an object; gives it when it is an object. */
function checkObject(
  ctx: UserContext,
  owner: At,
  key: string,
  what: string,
  report: Report,
): At | undefined {
  const raw = (owner.node as Node)[key];
  if (raw === undefined) return undefined;
  const value = follow(ctx, raw, owner.location.child([key]));
  if (value === undefined) return undefined;
  if (isNode(value.node)) return value;
  report({ message: `${what} must be an object.`, location: value.location });
  return undefined;
}

/** Every `{name}` of the path is declared as an `in: path` parameter, and every such one used. */
function checkTemplates(level: Declares, ctx: UserContext): void {
  const templates = new Set([...level.path.matchAll(TEMPLATE)].map((match) => match[1] ?? ""));
  for (const parameter of level.own) {
    if (templates.has(parameter.name)) continue;
    ctx.report({
      message: `The path parameter \`${parameter.name}\` is not in the path \`${level.path}\`: remove it, or use \`{${parameter.name}}\` in the path.`,
      location: parameter.location,
    });
  }
  if (level.own === level.pathParameters) return; // a path item: its operations declare the rest
  const declared = new Set(level.pathParameters.map((parameter) => parameter.name));
  for (const name of templates) {
    if (declared.has(name)) continue;
    ctx.report({
      message: `The path \`${level.path}\` uses \`{${name}}\`, which no \`in: path\` parameter of this operation declares.`,
      location: level.location,
    });
  }
}

/** The keywords whose value openapi-typescript walks as a list of schemas or a map of them. */
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs"];

/**
 * The keywords openapi-typescript walks have the shape it walks them as; other keywords, known or
 * not, and values JSON Schema would refuse but it reads leniently (`items: [...]`, `enum: a`,
 * `required: true` on a property) are left to `struct`, as warnings.
 */
function checkSchema(schema: unknown, ctx: UserContext): void {
  if (!isNode(schema)) return;
  const fault = (keyword: string, what: string) =>
    ctx.report({
      message: `\`${keyword}\` must be ${what}.`,
      location: ctx.location.child([keyword]),
    });
  for (const keyword of SCHEMA_LISTS) {
    const value = schema[keyword];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every(isSchema)) fault(keyword, "a list of schemas");
  }
  for (const keyword of SCHEMA_MAPS) {
    const value = schema[keyword];
    if (value === undefined) continue;
    if (!isNode(value) || !Object.values(value).every(isSchema)) {
      fault(keyword, "a map of names to schemas");
    }
  }
  const { items } = schema;
  if (items !== undefined && !isSchema(items) && !Array.isArray(items)) fault("items", "a schema");
}

/** A schema, a `$ref` to one, or (JSON Schema 2020-12) `true` or `false`. */
function isSchema(value: unknown): boolean {
  return isNode(value) || typeof value === "boolean";
}

/** Where `raw` leads, past its `$ref`s; undefined for a `$ref` no-unresolved-refs reports. */
function follow(ctx: UserContext, raw: unknown, location: Location): At | undefined {
  if (!isRef(raw)) return { node: raw, location };
  const resolved = ctx.resolve(raw, location.source.absoluteRef);
  return resolved.location && { node: resolved.node, location: resolved.location };
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
