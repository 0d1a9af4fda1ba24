// Emits response-schemas.json: the JSON Schema of every JSON response, for optional validation.
//   { "components": { "schemas": { "Error": … } }, "operations": { "GET /tokens/named/{id}/status": "getNamedTokenStatus" },
//     "responses": { "getNamedTokenStatus": { "200": { "$ref": "#/components/schemas/NamedTokenStatus" } } } }
import type { ApiModel } from "../model.ts";
import { sortKeys } from "../sort.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, jsonHeader } from "./header.ts";

type Node = Record<string, unknown>;

export function emitResponseSchemas(
  document: Node,
  model: ApiModel,
  context: EmitContext,
): GeneratedFile {
  const responses: Record<string, Record<string, unknown>> = {};
  const operations: Record<string, string> = {};
  for (const op of model.operations) {
    operations[`${op.method.toUpperCase()} ${op.path}`] = op.name;
    const byStatus: Record<string, unknown> = {};
    for (const response of op.responses) {
      if (response.schema !== undefined) byStatus[response.status] = response.schema;
    }
    if (Object.keys(byStatus).length > 0) responses[op.name] = byStatus;
  }
  const components = (document.components as Node | undefined)?.schemas ?? {};
  const content = {
    $comment: jsonHeader("scripts/emit/response-schemas.ts", context),
    components: { schemas: components },
    operations,
    responses,
  };
  return {
    path: "response-schemas.json",
    // Keys sorted, so the output does not depend on the spec's key order.
    content: `${JSON.stringify(sortKeys(content), null, 2)}\n`,
  };
}
