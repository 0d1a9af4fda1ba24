// OpenAPI's own fields in the order the specification lists them, so that a converted document
// reads like a hand-written one whatever order the converter left them in. Extensions and
// anything else follow in their order; schemas are left as they are.

type Node = Record<string, unknown>;

type Kind =
  | "document"
  | "info"
  | "server"
  | "tag"
  | "components"
  | "pathItem"
  | "operation"
  | "parameter"
  | "requestBody"
  | "response"
  | "mediaType"
  | "securityScheme";

/** How a field holds what it holds: one object of a kind, a map of them, or a list. */
type Child = { one: Kind } | { map: Kind } | { list: Kind };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PARAMETER_FIELDS = [
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "allowEmptyValue",
  "style",
  "explode",
  "allowReserved",
  "schema",
  "example",
  "examples",
  "content",
];

const KINDS: Record<Kind, { fields: string[]; children?: Record<string, Child> }> = {
  document: {
    fields: [
      "openapi",
      "info",
      "jsonSchemaDialect",
      "servers",
      "security",
      "tags",
      "externalDocs",
      "paths",
      "webhooks",
      "components",
    ],
    children: {
      info: { one: "info" },
      servers: { list: "server" },
      tags: { list: "tag" },
      paths: { map: "pathItem" },
      webhooks: { map: "pathItem" },
      components: { one: "components" },
    },
  },
  info: {
    fields: ["title", "summary", "description", "termsOfService", "contact", "license", "version"],
  },
  server: { fields: ["url", "description", "variables"] },
  tag: { fields: ["name", "description", "externalDocs"] },
  components: {
    fields: [
      "schemas",
      "responses",
      "parameters",
      "examples",
      "requestBodies",
      "headers",
      "securitySchemes",
      "links",
      "callbacks",
      "pathItems",
    ],
    children: {
      responses: { map: "response" },
      parameters: { map: "parameter" },
      requestBodies: { map: "requestBody" },
      headers: { map: "parameter" },
      securitySchemes: { map: "securityScheme" },
      pathItems: { map: "pathItem" },
    },
  },
  pathItem: {
    fields: ["summary", "description", "servers", "parameters", ...METHODS],
    children: {
      servers: { list: "server" },
      parameters: { list: "parameter" },
      ...Object.fromEntries(METHODS.map((method) => [method, { one: "operation" }])),
    },
  },
  operation: {
    fields: [
      "operationId",
      "summary",
      "description",
      "tags",
      "deprecated",
      "externalDocs",
      "parameters",
      "requestBody",
      "responses",
      "callbacks",
      "security",
      "servers",
    ],
    children: {
      parameters: { list: "parameter" },
      requestBody: { one: "requestBody" },
      responses: { map: "response" },
      servers: { list: "server" },
    },
  },
  // A header is a parameter without `name` and `in`, so the one order serves both.
  parameter: { fields: PARAMETER_FIELDS, children: { content: { map: "mediaType" } } },
  requestBody: {
    fields: ["description", "required", "content"],
    children: { content: { map: "mediaType" } },
  },
  response: {
    fields: ["description", "headers", "content", "links"],
    children: { headers: { map: "parameter" }, content: { map: "mediaType" } },
  },
  mediaType: { fields: ["schema", "example", "examples", "encoding"] },
  securityScheme: {
    fields: [
      "type",
      "description",
      "name",
      "in",
      "scheme",
      "bearerFormat",
      "flows",
      "openIdConnectUrl",
    ],
  },
};

/** A copy of an OpenAPI 3 document with OpenAPI's fields in the specification's order. */
export function inSpecificationOrder(document: Node): Node {
  return ordered(document, "document");
}

function ordered(value: unknown, kind: Kind): Node {
  const node = value as Node;
  const { fields, children = {} } = KINDS[kind];
  const keys = [
    ...fields.filter((key) => Object.hasOwn(node, key)),
    ...Object.keys(node).filter((key) => !fields.includes(key)),
  ];
  // No prototype, so that a key named __proto__ is an entry like any other.
  const copy: Node = Object.create(null);
  for (const key of keys) {
    const child = Object.hasOwn(children, key) ? children[key] : undefined;
    copy[key] = child ? orderedChild(node[key], child) : node[key];
  }
  return copy;
}

function orderedChild(value: unknown, child: Child): unknown {
  const isObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if ("one" in child) return isObject(value) ? ordered(value, child.one) : value;
  if ("list" in child) {
    return Array.isArray(value)
      ? value.map((item) => (isObject(item) ? ordered(item, child.list) : item))
      : value;
  }
  if (!isObject(value)) return value;
  const map: Node = Object.create(null);
  for (const [key, item] of Object.entries(value as Node)) {
    map[key] = isObject(item) ? ordered(item, child.map) : item;
  }
  return map;
}
