// Emits client-types.gen.ts: one line per operation in `OperationTypes`, naming its path template
// and method in openapi-typescript's `paths` and what the emitter decided about it (its body's
// media types, its 2xx answers); `Entry` works those into the operation's types only where a call
// uses them, so the compiler checks one short line per operation on every load. The client's
// methods are mapped types over `OperationTypes`.
//   export interface OperationTypes {
//     /** …the operation's docs… */
//     getNamedTokenStatus: PathEntry<"/tokens/named/{id}/status", "get", NoBody, Reply<200, "application/json">>;
import { type ApiModel, isJsonMediaType, type Operation, type Response } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";
import {
  answerReading,
  bodyMediaTypes,
  hasPathParameters,
  type Reading,
  successResponses,
} from "./operation-index.ts";
import { jsDoc } from "./operations.ts";
import {
  type PrintableStatement,
  printJsDoc,
  printStatements,
  StructureKind,
} from "./ts-project.ts";

/** The types every operation's shares; the runtime behind them is src/call.ts and src/body.ts. */
const SHARED_TYPES = `/** How a successful answer's body is read, instead of by its Content-Type. */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/** What every call takes besides its own parameters and body: fetch's and openapi-fetch's options, and a time limit. */
export type CallOptions = Omit<FetchOptions<unknown>, "params" | "body" | "parseAs"> & {
  /** Milliseconds this call may take, retries and reading the body included; \`false\` for no limit. */
  timeout?: number | false;
};

/** A \`multipart/form-data\` body: each part as its schema types it, or a file (a \`Blob\` or \`File\`). */
export type FormParts<Body> = {
  [Part in keyof Body]: Body[Part] | Blob | (NonNullable<Body[Part]> extends readonly (infer Item)[] ? (Item | Blob)[] : never);
};

/** A body sent as it is given, for media types that are neither JSON, a form nor text. */
export type RawBody = Blob | ArrayBuffer | ArrayBufferView | string;

/** A declared response header's value: its schema's type when that is a string, else the header's text. */
export type HeaderValue<Schema> = Schema extends string ? Schema : string;

/** One documented 2xx answer: its status, its body as the client reads it, its declared headers by lower-case name. */
export interface Answer {
  status: number;
  data: unknown;
  headers: object;
}

/** What \`parseAs\` reads a body as. */
interface ReadAs {
  json: unknown;
  text: string;
  blob: Blob;
  arrayBuffer: ArrayBuffer;
  stream: ReadableStream<Uint8Array>;
}

/** An answer's data as the spec types it, or as \`parseAs\` reads it (an answer without a body stays undefined). */
export type Data<Of extends Answer, As extends ParseAs> = [As] extends [never] ? Of["data"] : ReadData<Of["data"], As>;
type ReadData<Spec, As extends ParseAs> = Spec extends undefined ? undefined : As extends "json" ? (Spec extends string | Blob ? unknown : Spec) : ReadAs[As];

/** What a \`withResponse\` method resolves to: for each documented 2xx status, its data and declared headers, and the Response. */
export type WithResponse<Of extends Answer, As extends ParseAs> = Of extends Answer
  ? { status: Of["status"]; data: Data<Of, As>; headers: Of["headers"]; response: Response }
  : never;

/** \`params\` without \`path\`, as openapi-typescript types them; required when one of its parameters is. */
export type NonPathParameters<Operation> = Operation extends { parameters: infer P } ? ({} extends Omit<P, "path"> ? { params?: Omit<P, "path"> } : { params: Omit<P, "path"> }) : { params?: never };

/** How the client takes a body sent as a media type (src/body.ts sends it): JSON and URL-encoded forms as the schema types them. */
interface BodyAs<Schema> {
  schema: Schema;
  form: FormParts<Schema>;
  text: string;
  raw: RawBody;
}

/** A media type an operation's body may be sent as, how the client takes it, and whether \`contentType\` may leave it out (the default). */
export interface SendAs<MediaType extends string, Kind extends keyof BodyAs<unknown>, IsDefault extends boolean = false> {
  mediaType: MediaType;
  kind: Kind;
  isDefault: IsDefault;
}

/** An operation's request body: whether it is required, and each media type it may be sent as. */
export interface Body<Required extends boolean, Media extends SendAs<string, keyof BodyAs<unknown>, boolean>> {
  required: Required;
  media: Media;
}

/** An operation that takes no request body. */
export type NoBody = never;

/**
 * A documented 2xx answer: its key in the spec's \`responses\`, the media types of its body (none:
 * no body), its declared headers (lower-case name: the spec's name), and how the client reads it.
 */
export interface Reply<Key extends number | string, MediaTypes extends string = never, Headers extends object = {}, Read extends "json" | "text" | "blob" = "json"> {
  key: Key;
  mediaTypes: MediaTypes;
  headers: Headers;
  read: Read;
}

/** An operation whose spec documents no 2xx answer. */
export type NoReply = never;

/** Any request body, any reply: what \`Entry\` takes. */
type AnyBody = Body<boolean, SendAs<string, keyof BodyAs<unknown>, boolean>>;
type AnyReply = Reply<number | string, string, object, "json" | "text" | "blob">;

/** An operation's types, from its path template and method in \`paths\`, its request body and its documented 2xx answers. */
export interface Entry<PathTemplate extends keyof paths, Method extends string, RequestBody extends AnyBody, Replies extends AnyReply>
  extends Worked<OperationAt<PathTemplate, Method>, RequestBody, Replies> {
  pathTemplate: PathTemplate;
  method: Method;
}

/** An operation whose path has parameters: its method takes them first. */
export interface PathEntry<PathTemplate extends keyof paths, Method extends string, RequestBody extends AnyBody, Replies extends AnyReply>
  extends Entry<PathTemplate, Method, RequestBody, Replies> {
  path: OperationAt<PathTemplate, Method>["parameters"]["path"];
}

/** openapi-typescript's type of the operation at a path template and method. */
type OperationAt<PathTemplate extends keyof paths, Method> = Method extends keyof paths[PathTemplate]
  ? paths[PathTemplate][Method] extends infer Op extends Record<string | number, any> ? Op : never
  : never;

/** What an entry works out from openapi-typescript's type of the operation (\`Op\`). */
interface Worked<Op extends Record<string | number, any>, RequestBody extends AnyBody, Replies extends AnyReply> {
  operation: Op;
  input: NonPathParameters<Op> & ([RequestBody] extends [never] ? { contentType?: never; body?: never } : BodyOption<NonNullable<Op["requestBody"]>["content"], RequestBody["required"], RequestBody["media"]>);
  answer: [Replies] extends [never] ? { status: number; data: unknown; headers: {} } : AnswerTo<Op["responses"], Replies>;
}

/** \`contentType\` and \`body\` for each media type the body may be sent as. */
type BodyOption<Content extends Record<string, any>, Required extends boolean, Media> = Media extends SendAs<infer MediaType, infer Kind, infer IsDefault>
  ? (IsDefault extends true ? { contentType?: MediaType } : { contentType: MediaType }) & (Required extends true ? { body: BodyAs<Content[MediaType]>[Kind] } : { body?: BodyAs<Content[MediaType]>[Kind] })
  : never;

/** Each reply as an \`Answer\`: its status, its data as the client reads it, its declared headers by lower-case name. */
type AnswerTo<Responses extends Record<string | number, any>, Replies> = Replies extends Reply<infer Key, infer MediaTypes, infer Headers, infer Read>
  ? {
      status: Key extends number ? Key : number;
      data: [MediaTypes] extends [never] ? undefined : Read extends "text" ? string : Read extends "blob" ? Blob : Responses[Key]["content"][MediaTypes];
      headers: { [Name in keyof Headers]: HeaderValue<Responses[Key]["headers"][Headers[Name] & string]> };
    }
  : never;

// An entry's members, read through \`infer\`: \`OperationTypes[Name]["input"]\` would have the compiler
// check each declaration below against every entry at once; \`infer\` looks at one entry, where it is used.

/** openapi-typescript's type of an operation. */
export type OperationOf<Name extends keyof OperationTypes> = OperationTypes[Name] extends { operation: infer Operation extends Record<string | number, any> } ? Operation : never;

/** An operation's path parameters (\`never\` when its path has none). */
export type PathOf<Name extends keyof OperationTypes> = OperationTypes[Name] extends { path: infer Path } ? Path : never;

/** An operation's query, header and cookie parameters, and its body. */
export type InputOf<Name extends keyof OperationTypes> = OperationTypes[Name] extends { input: infer Input } ? Input : never;

/** An operation's documented 2xx answers. */
export type AnswerOf<Name extends keyof OperationTypes> = OperationTypes[Name] extends { answer: infer Of extends Answer } ? Of : never;

/** An operation's options: the call options, its query, header and cookie parameters, its body, and \`parseAs\`. */
export type OptionsOf<Name extends keyof OperationTypes, As extends ParseAs> = CallOptions & InputOf<Name> & { parseAs?: As };

/** What an operation's method resolves to. */
export type DataOf<Name extends keyof OperationTypes, As extends ParseAs = never> = Data<AnswerOf<Name>, As>;

/** What an operation's \`withResponse\` method resolves to. */
export type ResponseOf<Name extends keyof OperationTypes, As extends ParseAs = never> = WithResponse<AnswerOf<Name>, As>;

/** What a method resolves to: the answer's body (\`data\`), or its status, body, headers and Response (\`response\`). */
interface Resolves<Name extends keyof OperationTypes, As extends ParseAs> {
  data: DataOf<Name, As>;
  response: ResponseOf<Name, As>;
}

/** One method per operation: it resolves to the answer's body, typed from the spec (\`undefined\` when there is none), or throws an OnezoneError. */
export type ClientMethods = { [Name in keyof OperationTypes]: Method<Name, "data"> };

/** One method per operation, as \`ClientMethods\`, resolving to \`{ status, data, headers, response }\` instead of the body alone. */
export type ResponseMethods = { [Name in keyof OperationTypes]: Method<Name, "response"> };

/** An operation's method: its path parameters first when it has any, then its options, required when its input has a required member. */
type Method<Name extends keyof OperationTypes, To extends "data" | "response"> = OperationTypes[Name] extends { path: infer Path }
  ? {} extends InputOf<Name>
    ? <As extends ParseAs = never>(path: Path, options?: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>
    : <As extends ParseAs = never>(path: Path, options: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>
  : {} extends InputOf<Name>
    ? <As extends ParseAs = never>(options?: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>
    : <As extends ParseAs = never>(options: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>;

`;

export function emitClientTypes(model: ApiModel, context: EmitContext): GeneratedFile {
  const statements: PrintableStatement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "openapi-fetch",
      namedImports: ["FetchOptions"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./schema.js",
      namedImports: ["paths"],
    },
    (writer) => writer.blankLine().write(SHARED_TYPES),
    operationTypes(model),
  ];
  return {
    path: "client-types.gen.ts",
    content: `${header("scripts/emit/client-types.ts", context)}\n${printStatements(statements)}`,
  };
}

/**
 * Written as text, one line per entry: ts-morph would break each over several lines. Each entry
 * carries the operation's docs: the client's methods, mapped from it, show them in editors.
 */
function operationTypes(model: ApiModel): PrintableStatement {
  const entries = model.operations.map((op) => {
    const entry = hasPathParameters(op) ? "PathEntry" : "Entry";
    const args = [JSON.stringify(op.path), JSON.stringify(op.method), requestBody(op), replies(op)];
    const docs = printJsDoc(jsDoc(op), "  ");
    return `${docs}  ${op.name}: ${entry}<${args.join(", ")}>;\n`;
  });
  return (writer) =>
    writer.write(`/**
 * Each operation by name: its path template and method in \`paths\`, its request body and its
 * documented 2xx answers. Its other members (\`operation\`, \`path\` when its path has parameters,
 * \`input\`, \`answer\`) are worked out where they are used.
 */
export interface OperationTypes {
${entries.join("")}}
`);
}

/** Each media type the body may be sent as, the default first, and how the client takes it. */
function requestBody(op: Operation): string {
  if (!op.requestBody) return "NoBody";
  const media = bodyMediaTypes(op).map((mediaType, i) => {
    const isDefault = i === 0 ? ", true" : "";
    return `SendAs<${JSON.stringify(mediaType)}, ${JSON.stringify(bodyKind(mediaType))}${isDefault}>`;
  });
  return `Body<${op.requestBody.required}, ${media.join(" | ")}>`;
}

/** How the client takes a body of this media type (src/body.ts sends it). */
function bodyKind(mediaType: string): "schema" | "form" | "text" | "raw" {
  if (isJsonMediaType(mediaType) || mediaType === "application/x-www-form-urlencoded")
    return "schema";
  if (mediaType === "multipart/form-data") return "form";
  return mediaType.startsWith("text/") ? "text" : "raw";
}

/** The documented 2xx answers, as a union of \`Reply\`s. */
function replies(op: Operation): string {
  const successes = successResponses(op);
  if (successes.length === 0) return "NoReply";
  const reading = answerReading(op);
  return successes.map((response) => reply(response, reading)).join(" | ");
}

/** A \`Reply\`: its key, the media types of its body, its declared headers (the first of each lower-case name), how it is read. */
function reply(response: Response, reading: Reading): string {
  const key = /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
  const mediaTypes = response.contentTypes.map((type) => JSON.stringify(type)).join(" | ");
  const headers = new Map<string, string>();
  for (const { name, required } of response.headers) {
    const lower = name.toLowerCase();
    if (!headers.has(lower))
      headers.set(lower, `${JSON.stringify(lower)}${required ? "" : "?"}: ${JSON.stringify(name)}`);
  }
  const args = [
    key,
    mediaTypes || "never",
    headers.size === 0 ? "{}" : `{ ${[...headers.values()].join("; ")} }`,
    JSON.stringify(reading),
  ];
  // Reply's defaults (no body, no headers, read as JSON) are left out: Reply<200, "application/json">.
  const defaults = [undefined, "never", "{}", '"json"'];
  while (args.length > 1 && args.at(-1) === defaults[args.length - 1]) args.pop();
  return `Reply<${args.join(", ")}>`;
}
