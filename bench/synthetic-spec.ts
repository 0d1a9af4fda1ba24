// Makes an OpenAPI 3.1 spec of N operations, shaped like a typical REST API, to show how
// generation cost grows with size. Run: node bench/synthetic-spec.ts <N> <out.json>
//   N/5 resources, each with list, create, get, update and delete; every schema, parameter and
//   response is a $ref, and every 200 response carries an example, as in GitHub's spec.
import { type Node, type ResourceOperation, resourcePaths, writeWhenRun } from "./synthetic.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Node, example?: Node) => ({
  "application/json": example ? { schema, example } : { schema },
});

export function syntheticSpec(operations: number): Node {
  const schemas: Record<string, Node> = {
    Error: {
      type: "object",
      required: ["id", "description"],
      properties: { id: { type: "string" }, description: { type: "string" } },
    },
    Owner: {
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" }, name: { type: "string" } },
    },
  };
  const paths = resourcePaths(operations, (r) => {
    const name = `Resource${String(r).padStart(4, "0")}`;
    schemas[name] = resourceSchema();
    return { collection: `/resources${r}`, operations: resourceOperations(name) };
  });
  return {
    openapi: "3.1.0",
    info: { title: `Synthetic API of ${operations} operations`, version: "1.0.0" },
    servers: [{ url: "https://api.example.org/v1" }],
    security: [{ token: [] }],
    paths,
    components: {
      securitySchemes: { token: { type: "apiKey", in: "header", name: "X-Auth-Token" } },
      schemas,
      parameters: {
        Id: { name: "id", in: "path", required: true, schema: { type: "string" } },
        Limit: { name: "limit", in: "query", schema: { type: "integer", minimum: 1 } },
        Offset: { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } },
      },
      responses: {
        NotFound: { description: "No such resource.", content: json(ref("Error")) },
      },
    },
  };
}

function resourceSchema(): Node {
  return {
    type: "object",
    required: ["id", "name", "status"],
    properties: {
      id: { type: "string" },
      name: { type: "string", maxLength: 200 },
      count: { type: "integer", minimum: 0 },
      status: { type: "string", enum: ["active", "suspended", "deleted"] },
      tags: { type: "array", items: { type: "string" } },
      owner: ref("Owner"),
      createdAt: { type: "string", format: "date-time" },
      settings: {
        type: "object",
        properties: { public: { type: "boolean" }, quota: { type: ["integer", "null"] } },
      },
    },
  };
}

function resourceOperations(name: string): ResourceOperation[] {
  const id = { $ref: "#/components/parameters/Id" };
  const one = json(ref(name), { id: "r1", name: "first", status: "active", tags: ["a"] });
  const notFound = { $ref: "#/components/responses/NotFound" };
  const op = (verb: string, extra: Node): Node => ({
    operationId: `${verb}${name}`,
    summary: `${verb} ${name}`,
    description: `Does ${verb} on ${name}.`,
    tags: [name],
    ...extra,
  });
  return [
    [
      "get",
      false,
      op("list", {
        parameters: [
          { $ref: "#/components/parameters/Limit" },
          { $ref: "#/components/parameters/Offset" },
        ],
        responses: {
          "200": {
            description: "The page.",
            content: json({ type: "array", items: ref(name) }),
          },
        },
      }),
    ],
    [
      "post",
      false,
      op("create", {
        requestBody: { required: true, content: json(ref(name)) },
        responses: { "201": { description: "Created.", content: one } },
      }),
    ],
    [
      "get",
      true,
      op("get", {
        parameters: [id],
        responses: { "200": { description: "The resource.", content: one }, "404": notFound },
      }),
    ],
    [
      "patch",
      true,
      op("update", {
        parameters: [id],
        requestBody: { required: true, content: json(ref(name)) },
        responses: { "200": { description: "Updated.", content: one }, "404": notFound },
      }),
    ],
    [
      "delete",
      true,
      op("delete", {
        parameters: [id],
        responses: { "204": { description: "Deleted." }, "404": notFound },
      }),
    ],
  ];
}

writeWhenRun(import.meta.url, syntheticSpec);
