// Emits schema.d.ts: openapi-typescript's `paths`, `operations` and `components` types.
//   export interface paths { "/tokens/named/{id}/status": { get: operations["getNamedTokenStatus"] ... } }
import { createRequire } from "node:module";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";

type Transform = (schema: OpenAPI3, ctx: GlobalContext) => Parameters<typeof astToString>[0];
type OpenapiTypescript = typeof import("openapi-typescript");

// openapiTS() lints and bundles the document again with its own copy of Redocly (v1): 1.8 s of
// its 3 s on GitHub's spec, plus loading that copy. The document is already linted and bundled
// here, so openapiTS()'s transform runs directly. CommonJS, because import() would make Node scan
// TypeScript's 9 MB of source for its exports, which takes longer than loading it.
const require = createRequire(import.meta.url);
const transformSchema: Transform = require("openapi-typescript/dist/transform/index.cjs");
const {
  astToString,
}: Pick<OpenapiTypescript, "astToString"> = require("openapi-typescript/dist/lib/ts.cjs");
const {
  resolveRef,
  scanDiscriminators,
}: Pick<
  OpenapiTypescript,
  "resolveRef" | "scanDiscriminators"
> = require("openapi-typescript/dist/lib/utils.cjs");

export function emitSchema(document: Record<string, unknown>, context: EmitContext): GeneratedFile {
  // A copy: the transform changes the document it is given (it adds discriminator enums).
  const schema = structuredClone(document) as unknown as OpenAPI3;
  const ast = transformSchema(schema, transformContext(schema));
  return {
    path: "schema.d.ts",
    content: `${header("scripts/emit/schema.ts", context)}\n${astToString(ast)}`,
  };
}

/** openapiTS()'s context for the options `{ alphabetize: true, silent: true }`. */
function transformContext(schema: OpenAPI3): GlobalContext {
  const options = { alphabetize: true, silent: true };
  return {
    additionalProperties: false,
    alphabetize: true,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read only by the lint and bundle step that is skipped here.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}
