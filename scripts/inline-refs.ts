// Makes every local `$ref` of the bundled spec name a whole component. One that points into the
// middle of something (`#/paths/~1items/get/parameters/0`, `#/components/schemas/Pair/prefixItems/0`)
// is replaced by a copy of what it points at, so the model, openapi-typescript (which types such a
// `$ref` as a path into its own output, often one that does not exist) and response-schemas.json
// all read the same thing. Redocly's bundle has already turned every `$ref` to another file into
// a component.
import { getLineColLocation, Source } from "@redocly/openapi-core";
import { resolveLocalRef } from "./json-pointer.ts";
import { SpecError } from "./spec-error.ts";

type Node = Record<string, unknown>;

/** `#/components/<kind>/<name>`: what every reader of a spec follows alike. */
const WHOLE_COMPONENT = /^#\/components\/[^/]+\/[^/]+$/;

/**
 * Replaces, in place, each local `$ref` that is not to a whole component with a copy of its
 * target (keys beside the `$ref`, such as a `description`, kept over the target's). Throws a
 * SpecError when such a copy would hold the same `$ref` again, which only a component can express;
 * `file` and `text` are the spec's, to say where.
 */
export function inlinePointerRefs(document: Node, file: string, text: string): void {
  const inline = (value: unknown, inlining: readonly string[]): unknown => {
    const ref = pointerRef(value);
    const target = ref === undefined ? undefined : resolveLocalRef(document, ref);
    if (ref !== undefined && target !== undefined) {
      if (inlining.includes(ref)) throw loopError(file, text, ref);
      const { $ref: _, ...besides } = value as Node;
      const copy = structuredClone(target);
      // The copy may hold `$ref`s of its own.
      return inline(isNode(copy) ? { ...copy, ...besides } : copy, [...inlining, ref]);
    }
    if (value === null || typeof value !== "object") return value;
    const node = value as Node;
    for (const key in node) {
      const replaced = inline(node[key], inlining);
      if (replaced !== node[key]) node[key] = replaced;
    }
    return value;
  };
  inline(document, []);
}

/** The `$ref` of a node to inline: local, and not to a whole component. */
function pointerRef(node: unknown): string | undefined {
  const ref = isNode(node) ? node.$ref : undefined;
  if (typeof ref !== "string" || !ref.startsWith("#/") || WHOLE_COMPONENT.test(ref))
    return undefined;
  return ref;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function loopError(file: string, text: string, ref: string): SpecError {
  const source = new Source(file, text);
  const { start } = getLineColLocation({ source, pointer: ref, reportOnKey: true });
  return new SpecError(`${file} has a $ref that leads back into what it points at.`, [
    `${file}:${start.line}:${start.col}  ref-loop  What \`${ref}\` points at holds that same $ref again: move it into components (e.g. #/components/schemas/) and point at it there.`,
  ]);
}
