// The consumer files of the type-check benchmark: the same calls to some of a spec's operations,
// once through our client (createOnezoneClient over the generated output beside it) and once
// through openapi-fetch directly.
//   export const r0 = await client.reposGet({ owner: "x", repo: "x" });
//   export const r0 = (await client.GET("/repos/{owner}/{repo}", { params: { path: { owner: "x", repo: "x" } } })).data;
import { pathToFileURL } from "node:url";
import { resolveLocalRef } from "../scripts/json-pointer.ts";

type Node = Record<string, unknown>;

/** One call: an operation every caller can make with its path parameters alone. */
export interface Call {
  name: string;
  method: string;
  path: string;
  /** The path parameters, or undefined when the path has none. */
  pathParameters?: Record<string, unknown>;
}

export interface ConsumerFiles {
  calls: Call[];
  /** File name → contents, to write beside the generated directory and a copy of src/. */
  files: Record<string, string>;
}

/** The consumers of `count` operations, picked evenly from those the client's index lists. */
export async function consumerFiles(
  spec: Node,
  operationIndexFile: string,
  count: number,
): Promise<ConsumerFiles> {
  const { operationIndex } = (await import(pathToFileURL(operationIndexFile).href)) as {
    operationIndex: Record<string, { method: string; path: string }>;
  };
  const callable = Object.entries(operationIndex).flatMap(([name, { method, path }]) => {
    const call = callWithPathParametersOnly(spec, name, method, path);
    return call ? [call] : [];
  });
  if (callable.length < count) {
    throw new Error(`only ${callable.length} operations can be called with path parameters alone`);
  }
  const calls = Array.from(
    { length: count },
    (_, i) => callable[Math.floor((i * callable.length) / count)] as Call,
  );
  return {
    calls,
    files: { "client-calls.ts": clientConsumer(calls), "fetch-calls.ts": fetchConsumer(calls) },
  };
}

function clientConsumer(calls: Call[]): string {
  const lines = calls.map(({ name, pathParameters }, i) => {
    const args = pathParameters ? JSON.stringify(pathParameters) : "";
    return `export const r${i} = await client.${name}(${args});`;
  });
  return `import { createOnezoneClient } from "./src/client.ts";

const client = createOnezoneClient({ baseUrl: "http://127.0.0.1:9" });
${lines.join("\n")}
export { client };
`;
}

function fetchConsumer(calls: Call[]): string {
  const lines = calls.map(({ method, path, pathParameters }, i) => {
    const init = pathParameters ? `, { params: { path: ${JSON.stringify(pathParameters)} } }` : "";
    return `export const r${i} = (await client.${method.toUpperCase()}(${JSON.stringify(path)}${init})).data;`;
  });
  return `import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:9" });
${lines.join("\n")}
export { client };
`;
}

/**
 * The call, when the operation needs nothing but its path parameters (no required body, query,
 * header or cookie parameter) and each of those has a value this file can write.
 */
function callWithPathParametersOnly(
  spec: Node,
  name: string,
  method: string,
  path: string,
): Call | undefined {
  const pathItem = (spec.paths as Record<string, Node>)[path] ?? {};
  const operation = (pathItem[method] ?? {}) as Node;
  if ((resolve(spec, operation.requestBody) as Node | undefined)?.required === true) return;
  const parameters = [
    ...((pathItem.parameters as unknown[] | undefined) ?? []),
    ...((operation.parameters as unknown[] | undefined) ?? []),
  ].map((parameter) => resolve(spec, parameter) as Node);
  const values: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.in !== "path") {
      if (parameter.required === true) return;
      continue;
    }
    const value = sampleValue(resolve(spec, parameter.schema) as Node | undefined);
    if (value === undefined) return;
    values[String(parameter.name)] = value;
  }
  return {
    name,
    method,
    path,
    ...(Object.keys(values).length > 0 ? { pathParameters: values } : {}),
  };
}

function sampleValue(schema: Node | undefined): unknown {
  if (Array.isArray(schema?.enum)) return schema.enum[0];
  if (schema?.type === "integer" || schema?.type === "number") return 1;
  if (schema?.type === "boolean") return true;
  if (schema?.type === "string") return "x";
  return undefined;
}

/** The node itself, or the one its local `$ref` points at (a chain of refs is cut after 10). */
function resolve(spec: Node, value: unknown, depth = 0): unknown {
  const ref = (value as Node | undefined)?.$ref;
  if (typeof ref !== "string") return value;
  return depth < 10 ? resolve(spec, resolveLocalRef(spec, ref), depth + 1) : undefined;
}
