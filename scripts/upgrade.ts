// Older descriptions in, by Scalar's upgrader: Swagger 2.0 for everything that reads a spec, and
// OpenAPI 3.0 too for npm run import. Lint and bundle run on the files as written first, so their
// problems point into those files.
import { upgrade } from "@scalar/openapi-upgrader";

type Node = Record<string, unknown>;

/** A bundled Swagger 2.0 document as OpenAPI 3.1 (converted in place); any other as it is. */
export function fromSwagger2(document: Node): Node {
  if (!(typeof document.swagger === "string" && document.swagger.startsWith("2."))) {
    return document;
  }
  const converted = upgrade(document, "3.1") as Node;
  // Without a `host` the upgrader makes the server a relative URL (the basePath) and leaves
  // `schemes` behind, which OpenAPI 3 does not have.
  delete converted.schemes;
  return converted;
}

/** A bundled Swagger 2.0 or OpenAPI 3.x document as OpenAPI 3.1 (converted in place). */
export function toOpenApi31(document: Node): Node {
  return upgrade(fromSwagger2(document), "3.1") as Node;
}
