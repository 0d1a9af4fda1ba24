// Finds a chain of `$ref`s that only point at each other, which no generator can turn into a type.
import { getLineColLocation, parseYaml, Source } from "@redocly/openapi-core";
import { escapeToken, resolveLocalRef } from "./json-pointer.ts";

type Node = Record<string, unknown>;

/** `file:line:col  ref-cycle  A → B → A` for the first such cycle, or undefined. */
export function locateRefCycle(absolutePath: string, text: string): string | undefined {
  const document = parseYaml(text) as Node;
  for (const start of refPointers(document, "#")) {
    const seen: string[] = [];
    let pointer: string | undefined = start;
    while (pointer !== undefined && !seen.includes(pointer)) {
      seen.push(pointer);
      pointer = pureRef(resolveLocalRef(document, pointer));
    }
    if (pointer === undefined) continue;
    const cycle = [...seen.slice(seen.indexOf(pointer)), pointer].join(" → ");
    const { start: where } = getLineColLocation({
      source: new Source(absolutePath, text),
      pointer,
      reportOnKey: false,
    });
    return `${absolutePath}:${where.line}:${where.col}  ref-cycle  $refs point only at each other: ${cycle}`;
  }
  return undefined;
}

/** Pointers of every node that is nothing but a local `$ref`. */
function* refPointers(node: unknown, pointer: string): Generator<string> {
  if (node === null || typeof node !== "object") return;
  if (pureRef(node) !== undefined) yield pointer;
  for (const [key, child] of Object.entries(node)) {
    yield* refPointers(child, `${pointer}/${escapeToken(key)}`);
  }
}

function pureRef(node: unknown): string | undefined {
  const ref = (node as Node | null)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/") && Object.keys(node as Node).length === 1
    ? ref
    : undefined;
}
