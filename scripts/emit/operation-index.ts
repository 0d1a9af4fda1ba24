// Emits operation-index.gen.ts: what the client and onezone-rest-cli need to know of each
// operation to send it, by name, once, as plain `as const` data.
//   export const operationIndex = {
//     getNamedTokenStatus: { method: "get", path: "/tokens/named/{id}/status", pathParameters: true },
import { type ApiModel, HTTP_METHODS, type Operation } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";

export function emitOperationIndex(model: ApiModel, context: EmitContext): GeneratedFile {
  const entries = model.operations.map((op) => `  ${key(op.name)}: ${entry(op)},\n`);
  return {
    path: "operation-index.gen.ts",
    content: `${header("scripts/emit/operation-index.ts", context)}
/** An HTTP method, lower-case, as openapi-fetch's \`client.request()\` takes it. */
export type HttpMethod = ${HTTP_METHODS.map((method) => JSON.stringify(method)).join(" | ")};

/** One operation, as the client sends it. */
export interface IndexedOperation {
  readonly method: HttpMethod;
  /** The path template, as \`paths\` keys it. */
  readonly path: string;
  /** Whether the path has parameters: the client's method then takes them first, the call options second. */
  readonly pathParameters: boolean;
}

/** Every operation by name (its client method's), sorted by path, then method. */
export const operationIndex = {
${entries.join("")}} as const satisfies Record<string, IndexedOperation>;
`,
  };
}

/** One line per operation; strings go through JSON.stringify, so spec text stays inert. */
function entry(op: Operation): string {
  return `{ method: ${JSON.stringify(op.method)}, path: ${JSON.stringify(op.path)}, pathParameters: ${hasPathParameters(op)} }`;
}

/** Whether the operation's function and client method take path parameters, before the call options. */
export function hasPathParameters(op: Operation): boolean {
  return op.parameters.some((p) => p.in === "path");
}

/** Names are identifiers already; `__proto__` as a plain key would set the prototype instead. */
function key(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : name;
}
