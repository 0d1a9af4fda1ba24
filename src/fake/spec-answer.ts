// The answer the spec documents for an operation: its first 2xx, with the spec's example or a
// sample built from the schema by openapi-sampler (the library Redoc builds its samples with),
// and its declared headers filled. Built once at start-up; only `Location` changes per request.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { sample } from "openapi-sampler";
import type { SpecDocument } from "./load-spec.ts";
import { isJsonMediaType, resolve, type SpecMediaType, type SpecOperation } from "./operations.ts";

type Node = Record<string, unknown>;

interface Variant {
  /** The declared media type, e.g. `image/png`. */
  type: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

interface SpecAnswer {
  status: number;
  /** One per documented media type, in the spec's order; none for a body-less answer. */
  variants: Variant[];
  headers: Record<string, string>;
  /** Whether the answer declares `Location`, which points at the new resource. */
  location: boolean;
  /** The new resource's id, when the answer's body has one (`id`, `tokenId`, …). */
  resourceId: string | undefined;
}

/** A 1×1 transparent PNG: an `image/png` answer that image viewers and decoders accept. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

function specAnswer(document: SpecDocument, operation: SpecOperation): SpecAnswer {
  const response = operation.success;
  if (response === undefined) {
    return { status: 204, variants: [], headers: {}, location: false, resourceId: undefined };
  }
  const values = response.media.map((media) => exampleOrSample(document, media));
  const headers: Record<string, string> = {};
  let location = false;
  for (const { name, node, schema } of response.headers) {
    const lower = name.toLowerCase();
    if (lower === "content-type") continue; // OpenAPI ignores it: the media type decides
    if (lower === "location") location = true;
    else headers[name] = headerText(exampleOf(document, node) ?? sampleOf(document, schema?.node));
  }
  return {
    status: response.status,
    variants: response.media.map((media, i) => variant(media, values[i])),
    headers,
    location,
    resourceId: values.map(idIn).find((id) => id !== undefined),
  };
}

/** Answers every request with the operation's documented answer, built once. */
export function specHandler(document: SpecDocument, operation: SpecOperation) {
  const answer = specAnswer(document, operation);
  return (c: Context) => sendSpecAnswer(answer, c);
}

/** Sends the answer in the first media type the request's `Accept` takes (the first declared otherwise). */
function sendSpecAnswer(answer: SpecAnswer, c: Context): Response {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.location) {
    // The path as sent (percent-encoded): a header holds no other characters.
    const path = new URL(c.req.url).pathname.replace(/\/+$/, "");
    const id = answer.resourceId ?? randomBytes(16).toString("hex");
    // PUT creates the resource at the request's own URI; POST below it.
    headers.Location = c.req.method === "PUT" ? path : `${path}/${encodeURIComponent(id)}`;
  }
  const chosen = accepted(answer.variants, c.req.header("accept"));
  if (chosen === undefined) return c.body(null, answer.status as 204, headers);
  headers["Content-Type"] = chosen.contentType;
  return c.body(chosen.body, answer.status as 200, headers);
}

function accepted(variants: Variant[], accept: string | undefined): Variant | undefined {
  if (accept === undefined || variants.length < 2) return variants[0];
  const ranges = accept.split(",").map((range) => range.split(";")[0]?.trim().toLowerCase() ?? "");
  const takes = (type: string) =>
    ranges.some(
      (range) =>
        range === type ||
        range === "*/*" ||
        (range.endsWith("/*") && type.startsWith(range.slice(0, -1))),
    );
  return variants.find(({ type }) => takes(type)) ?? variants[0];
}

function exampleOrSample(document: SpecDocument, media: SpecMediaType): unknown {
  return exampleOf(document, media.node) ?? sampleOf(document, media.schema?.node);
}

/** `example`, or the first of `examples` that has a `value`. */
function exampleOf(document: SpecDocument, node: Node): unknown {
  if (node.example !== undefined) return node.example;
  for (const example of Object.values((node.examples ?? {}) as Record<string, Node>)) {
    const value = resolve(document, { node: example, pointer: "" }).node.value;
    if (value !== undefined) return value;
  }
  return undefined;
}

function sampleOf(document: SpecDocument, schema: Node | undefined): unknown {
  if (schema === undefined) return "";
  return sample(schema as never, { skipWriteOnly: true, quiet: true }, document);
}

function variant(media: SpecMediaType, value: unknown): Variant {
  const { type } = media;
  if (isJsonMediaType(type)) return { type, contentType: type, body: JSON.stringify(value) };
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (type.startsWith("text/")) return { type, contentType: `${type}; charset=UTF-8`, body: text };
  if (type.includes("*")) {
    return { type, contentType: "application/octet-stream", body: new TextEncoder().encode(text) };
  }
  return {
    type,
    contentType: type,
    body: type === "image/png" ? PNG : new TextEncoder().encode(text),
  };
}

/** A header's value as text: lists comma-separated, and nothing that would break the header. */
function headerText(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(",")
    : typeof value === "object" && value !== null
      ? Object.entries(value).flat().join(",")
      : String(value);
  return text.replace(/[^\t\x20-\x7e]/g, "");
}

/** The resource's id in a JSON answer: its `id`, or a field named like `tokenId`. */
function idIn(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entry = Object.entries(value).find(
    ([key, field]) => (key === "id" || /[a-z]Id$/.test(key)) && typeof field === "string",
  );
  return entry?.[1] as string | undefined;
}
