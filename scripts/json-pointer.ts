// JSON Pointers as local `$ref`s use them (RFC 6901): `#/paths/~1users~1{id}` names the key
// `/users/{id}` of `paths`, `#/tags/0` the first item of `tags`. Read as Redocly reads them when it
// lints and bundles, so that a `$ref` it accepted leads to the same node here.

/**
 * The value a local `$ref` (`#/...`) points at, following any `$ref` met on the way (as Redocly
 * does); undefined if nothing is there, the way loops, or the `$ref` points into another document.
 */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  const followed = new Set<string>();
  const resolve = (pointer: string): unknown => {
    if (!pointer.startsWith("#/") || followed.has(pointer)) return undefined;
    followed.add(pointer);
    let node = document;
    for (const token of pointer.slice(2).split("/").filter(Boolean)) {
      const key = unescapeToken(token);
      let next = child(node, key);
      // A node on the way that is itself a `$ref` is stepped through, unless it has the key beside.
      while (next === undefined && isLocalRef(node)) {
        node = resolve(node.$ref);
        next = child(node, key);
      }
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  };
  return resolve(ref);
}

/** A key as one token of a pointer: `a/b~c` → `a~1b~0c`. */
export function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `~1` → `/`, `~0` → `~`, then `%xx` decoded, as Redocly does; a stray `%` is kept as written. */
function unescapeToken(token: string): string {
  const unescaped = token.replace(/~1/g, "/").replace(/~0/g, "~");
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** An object's own key, or an array's item by its index (`0`, `1`, … written plainly). */
function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
  if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

function isLocalRef(node: unknown): node is { $ref: string } {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/");
}
