// Reads the spec the fake serves: one place, so that a new input format is one added call here.
import { fileURLToPath } from "node:url";
import { bundle, JSONParserError, parse } from "@apidevtools/json-schema-ref-parser";
import { upgrade } from "@scalar/openapi-upgrader";

/** A bundled OpenAPI 3.1 document: one object, internal `$ref`s only. */
export type SpecDocument = Record<string, unknown>;

/** A spec file's path, or a document already in memory. */
export type SpecSource = string | SpecDocument;

/** No `$ref` is ever fetched over the network. */
const OPTIONS = { resolve: { http: false } } as const;

/** A spec the fake cannot serve; the message names the file and what is wrong. */
export class SpecLoadError extends Error {
  override name = "SpecLoadError";
}

/** The spec the package ships, found through the package's own name from src/ and from dist/. */
export function defaultSpecPath(): string {
  const packageJson = fileURLToPath(import.meta.resolve("onezone-client/package.json"));
  return packageJson.replace(/package\.json$/, "spec/onezone.yaml");
}

/**
 * Reads a spec (YAML or JSON, split across files with relative `$ref`s, OpenAPI 3.0, 3.1 or Swagger
 * 2.0) into one OpenAPI 3.1 document, so that everything after this sees one dialect of JSON
 * Schema (2020-12). Never fetches a `$ref` over the network.
 */
export async function loadSpec(source: SpecSource = defaultSpecPath()): Promise<SpecDocument> {
  const where = typeof source === "string" ? source : "the spec given to startFakeOnezone";
  let bundled: SpecDocument;
  try {
    const input = typeof source === "string" ? source : structuredClone(source);
    const parsed = (await parse(input as never, OPTIONS)) as unknown as SpecDocument;
    // Bundling walks every `$ref`, seconds on a spec of GitHub's size: only when a file needs it.
    bundled = hasExternalRefs(parsed)
      ? ((await bundle(input as never, OPTIONS)) as unknown as SpecDocument)
      : parsed;
  } catch (error) {
    throw new SpecLoadError(`${where} cannot be served: ${reason(error)}`);
  }
  const version = String(bundled.openapi ?? bundled.swagger ?? "");
  if (!/^(2\.0|3\.[01]\.\d+)$/.test(version) || typeof bundled.paths !== "object") {
    throw new SpecLoadError(
      `${where} cannot be served: it is not an OpenAPI 3.0/3.1 or Swagger 2.0 document (no \`openapi: 3.x.y\` or \`swagger: "2.0"\` with \`paths\`).`,
    );
  }
  return upgrade(bundled, "3.1") as unknown as SpecDocument;
}

function hasExternalRefs(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  const ref = (node as Record<string, unknown>).$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) return true;
  return Object.values(node).some(hasExternalRefs);
}

/**
 * The parser's message on one line: `file:line:col: reason` for a syntax error (the parser adds a
 * multi-line excerpt, left out), as is for the rest (a file that cannot be opened names itself).
 */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n")[0] ?? message;
  if (!(error instanceof JSONParserError)) return firstLine;
  const syntax = /^Error parsing (.+?): (.*) \((\d+):(\d+)\)$/.exec(firstLine);
  return syntax ? `${syntax[1]}:${syntax[3]}:${syntax[4]}: ${syntax[2]}` : firstLine;
}
