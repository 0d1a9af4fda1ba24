// Emits schema.d.ts: openapi-typescript's `paths`, `operations` and `components` types.
//   export interface paths { "/tokens/named/{id}/status": { get: operations["getNamedTokenStatus"] ... } }
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import type { GeneratedFile } from "../write.js";
import { type EmitContext, header } from "./header.js";

export async function emitSchema(
  document: Record<string, unknown>,
  context: EmitContext,
): Promise<GeneratedFile> {
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    alphabetize: true,
    silent: true,
  });
  return {
    path: "schema.d.ts",
    content: `${header("scripts/emit/schema.ts", context)}\n${astToString(ast)}`,
  };
}
