// A Swagger 2.0 spec of N operations in the style of Onedata's descriptions (basePath,
// securityDefinitions, `in: body` parameters, snake_case operationIds, x-onedata-* extensions),
// to measure what reading 2.0 costs. Run: node bench/synthetic-swagger2.ts <N> <out.json>
//   N/5 resources, each with list, create, get, update and delete; every schema, shared parameter
//   and error response is a $ref, and every 200 response carries an example.
import { type Node, type ResourceOperation, resourcePaths, writeWhenRun } from "./synthetic.ts";

export function syntheticSwagger2(operations: number): Node {
  const definitions: Record<string, Node> = {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["id", "description"],
          properties: { id: { type: "string" }, description: { type: "string" } },
        },
      },
    },
  };
  const paths = resourcePaths(operations, (r) => {
    const name = `resource${String(r).padStart(4, "0")}`;
    definitions[name] = resourceSchema();
    return { collection: `/${name}s`, operations: resourceOperations(name) };
  });
  return {
    swagger: "2.0",
    info: { title: `Synthetic Swagger 2.0 API of ${operations} operations`, version: "1.0.0" },
    basePath: "/api/v3/onezone",
    schemes: ["https"],
    consumes: ["application/json"],
    produces: ["application/json"],
    securityDefinitions: {
      api_key: { type: "apiKey", name: "X-Auth-Token", in: "header" },
      basic: { type: "basic" },
    },
    security: [{ api_key: [] }, { basic: [] }],
    paths,
    definitions,
    parameters: {
      id: { name: "id", in: "path", required: true, type: "string" },
      limit: { name: "limit", in: "query", type: "integer", minimum: 1, default: 1000 },
      index: { name: "index", in: "query", type: "string" },
    },
    responses: { NotFound: { description: "No such resource.", schema: ref("Error") } },
  };
}

function ref(name: string): Node {
  return { $ref: `#/definitions/${name}` };
}

function resourceSchema(): Node {
  return {
    type: "object",
    required: ["id", "name"],
    properties: {
      id: { type: "string" },
      name: { type: "string", maxLength: 200 },
      count: { type: "integer", minimum: 0 },
      status: { type: "string", enum: ["active", "suspended", "deleted"] },
      tags: { type: "array", items: { type: "string" } },
      quota: { type: "integer", "x-nullable": true },
    },
  };
}

function resourceOperations(name: string): ResourceOperation[] {
  const id = { $ref: "#/parameters/id" };
  const body = () => ({ name: "data", in: "body", required: true, schema: ref(name) });
  const notFound = { $ref: "#/responses/NotFound" };
  const example = { "application/json": { id: "r1", name: "first" } };
  const op = (verb: string, extra: Node): Node => ({
    operationId: `${verb}_${name}`,
    summary: `${verb} ${name}`,
    tags: [name],
    "x-onedata-privileges": [`oz_${name}_${verb}`],
    ...extra,
  });
  return [
    [
      "get",
      false,
      op("list", {
        parameters: [{ $ref: "#/parameters/limit" }, { $ref: "#/parameters/index" }],
        responses: {
          "200": { description: "The page.", schema: { type: "array", items: ref(name) } },
        },
      }),
    ],
    [
      "post",
      false,
      op("create", {
        parameters: [body()],
        responses: {
          "201": { description: "Created.", headers: { Location: { type: "string" } } },
        },
      }),
    ],
    [
      "get",
      true,
      op("get", {
        parameters: [id],
        responses: {
          "200": { description: "The resource.", schema: ref(name), examples: example },
          "404": notFound,
        },
      }),
    ],
    [
      "patch",
      true,
      op("modify", {
        parameters: [id, body()],
        responses: { "204": { description: "Updated." }, "404": notFound },
      }),
    ],
    [
      "delete",
      true,
      op("remove", {
        parameters: [id],
        responses: { "204": { description: "Deleted." }, "404": notFound },
      }),
    ],
  ];
}

writeWhenRun(import.meta.url, syntheticSwagger2);
