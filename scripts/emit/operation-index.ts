// Emits operation-index.gen.js: what the client and onezone-rest-cli need to know of each
// operation to send it, by name, once, as plain data; and operation-index.gen.d.ts, its type.
//   export const operationIndex = {
//     getNamedTokenStatus: { path: "/tokens/named/{id}/status", method: "get", pathParameters: true },
//     updateNamedToken: { ..., body: { required: false, mediaTypes: ["application/json"] } },
//     getUserAvatar: { ..., parseAs: "blob" },
// JavaScript, so that no compiler checks thousands of object literals on every load: the type is
// one line, mapped over client-types.gen.ts's `OperationTypes`, which names every operation.
import {
  type ApiModel,
  HTTP_METHODS,
  isJsonMediaType,
  type Operation,
  type Response,
} from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";

export function emitOperationIndex(model: ApiModel, context: EmitContext): GeneratedFile {
  const entries = model.operations.map((op) => `  ${key(op.name)}: ${entry(op)},\n`);
  return {
    path: "operation-index.gen.js",
    content: `${header("scripts/emit/operation-index.ts", context)}
/** Every operation by name (its client method's), sorted by path, then method: see operation-index.gen.d.ts. */
export const operationIndex = {
${entries.join("")}};
`,
  };
}

export function emitOperationIndexTypes(context: EmitContext): GeneratedFile {
  return {
    path: "operation-index.gen.d.ts",
    content: `${header("scripts/emit/operation-index.ts", context)}
import type { OperationTypes } from "./client-types.gen.js";

/** An HTTP method, lower-case, as openapi-fetch's \`client.request()\` takes it. */
export type HttpMethod = ${HTTP_METHODS.map((method) => JSON.stringify(method)).join(" | ")};

/** One operation, as the client sends it. */
export interface IndexedOperation {
  /** The path template, as \`paths\` keys it. */
  readonly path: string;
  readonly method: HttpMethod;
  /** Whether the path has parameters: the client's method then takes them first, the call options second. */
  readonly pathParameters: boolean;
  /** The request body, when the operation takes one: the first media type is the one sent by default. */
  readonly body?: { readonly required: boolean; readonly mediaTypes: readonly string[] };
  /** How the client reads the 2xx answers' bodies (openapi-fetch's \`parseAs\`) when they are not JSON. */
  readonly parseAs?: "text" | "blob";
}

/** Every operation by name (its client method's); \`createApiClient\` takes it. */
export declare const operationIndex: { readonly [Name in keyof OperationTypes]: IndexedOperation };
`,
  };
}

/**
 * One line per operation; strings go through JSON.stringify, so spec text stays inert. The path
 * comes first: gzip then finds the rest of an entry repeated, ~6% fewer bytes per operation.
 */
function entry(op: Operation): string {
  const fields = [
    `path: ${JSON.stringify(op.path)}`,
    `method: ${JSON.stringify(op.method)}`,
    `pathParameters: ${hasPathParameters(op)}`,
  ];
  if (op.requestBody) {
    const { required } = op.requestBody;
    fields.push(
      `body: { required: ${required}, mediaTypes: ${JSON.stringify(bodyMediaTypes(op))} }`,
    );
  }
  const reading = answerReading(op);
  if (reading !== "json") fields.push(`parseAs: ${JSON.stringify(reading)}`);
  return `{ ${fields.join(", ")} }`;
}

/** Whether the operation's function and client method take path parameters, before the call options. */
export function hasPathParameters(op: Operation): boolean {
  return op.parameters.some((p) => p.in === "path");
}

/** Whether a call must pass options: one of its query, header or cookie parameters, or its body, is required. */
export function optionsRequired(op: Operation): boolean {
  return (
    op.parameters.some((p) => p.in !== "path" && p.required) || op.requestBody?.required === true
  );
}

/**
 * The media types the operation's body may be sent as, the default first: application/json when
 * the spec declares it, else the first it declares (in sorted order).
 */
export function bodyMediaTypes(op: Operation): string[] {
  const declared = op.requestBody?.contentTypes ?? [];
  return declared.includes(DEFAULT_MEDIA_TYPE)
    ? [DEFAULT_MEDIA_TYPE, ...declared.filter((type) => type !== DEFAULT_MEDIA_TYPE)]
    : declared;
}

const DEFAULT_MEDIA_TYPE = "application/json";

export type Reading = "json" | "text" | "blob";

/** How the client reads an answer of this media type: JSON parsed, text/* as a string, anything else a Blob. */
export function mediaReading(mediaType: string): Reading {
  return isJsonMediaType(mediaType) ? "json" : mediaType.startsWith("text/") ? "text" : "blob";
}

/**
 * How the client reads the operation's 2xx answers: as JSON unless one of them is declared as
 * something else; the most general reading when they differ (a Blob holds anything, text JSON).
 */
export function answerReading(op: Operation): Reading {
  const readings = new Set(
    successResponses(op).flatMap((response) => response.contentTypes.map(mediaReading)),
  );
  return readings.has("blob") ? "blob" : readings.has("text") ? "text" : "json";
}

/** The documented 2xx answers (`2XX` included). */
export function successResponses(op: Operation): Response[] {
  return op.responses.filter((response) => /^2(\d\d|XX)$/i.test(response.status));
}

/** Names are identifiers already; `__proto__` as a plain key would set the prototype instead. */
function key(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : name;
}
