// JSON Pointers as local `$ref`s use them (RFC 6901): `#/paths/~1users~1{id}` names the key
// `/users/{id}` of `paths`.

/** The value a local `$ref` (`#/...`) points at; undefined if nothing is there or it points elsewhere. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node = document;
  for (const token of ref.slice(2).split("/")) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A key as one token of a pointer: `a/b~c` → `a~1b~0c`. */
export function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
