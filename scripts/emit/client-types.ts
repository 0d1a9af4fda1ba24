// Emits client-types.gen.ts: each operation's types, named and precomputed from `paths` once, in
// `OperationTypes`; the client's methods are mapped types over it. The compiler infers nothing
// through openapi-fetch's generics, and works out a method's signature only where it is used.
//   export interface OperationTypes {
//     /** …the operation's docs… */
//     getNamedTokenStatus: { operation: paths[…]["get"]; path: …; input: { params?: …; contentType?: never; body?: never }; answer: { status: 200; data: …; headers: {} } };
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

/** An operation's options: the call options, its query, header and cookie parameters, its body, and \`parseAs\`. */
export type OptionsOf<Name extends keyof OperationTypes, As extends ParseAs> = CallOptions & OperationTypes[Name]["input"] & { parseAs?: As };

/** What an operation's method resolves to. */
export type DataOf<Name extends keyof OperationTypes, As extends ParseAs = never> = Data<OperationTypes[Name]["answer"], As>;

/** What an operation's \`withResponse\` method resolves to. */
export type ResponseOf<Name extends keyof OperationTypes, As extends ParseAs = never> = WithResponse<OperationTypes[Name]["answer"], As>;

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
  ? {} extends OperationTypes[Name]["input"]
    ? <As extends ParseAs = never>(path: Path, options?: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>
    : <As extends ParseAs = never>(path: Path, options: OptionsOf<Name, As>) => Promise<Resolves<Name, As>[To]>
  : {} extends OperationTypes[Name]["input"]
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
 * Written as text: ts-morph would indent the members of each entry's object type twice. Each entry
 * carries the operation's docs: the client's methods, mapped from it, show them in editors.
 */
function operationTypes(model: ApiModel): PrintableStatement {
  const entries = model.operations.map((op) => {
    const operation = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
    const members = [
      `operation: ${operation};`,
      ...(hasPathParameters(op) ? [`path: ${operation}["parameters"]["path"];`] : []),
      `input: ${input(op, operation)};`,
      `answer: ${answers(op, operation)};`,
    ];
    const docs = printJsDoc(jsDoc(op), "  ");
    return `${docs}  ${op.name}: {\n${members.map((member) => `    ${member}\n`).join("")}  };\n`;
  });
  return (writer) =>
    writer.write(`/**
 * Each operation by name: as openapi-typescript types it (\`operation\`), its path parameters
 * (\`path\`), its other parameters and body (\`input\`) and its documented 2xx answers (\`answer\`).
 */
export interface OperationTypes {
${entries.join("")}}
`);
}

const NON_PATH_LOCATIONS = ["query", "header", "cookie"] as const;

/** The `params` (query, header, cookie; required when one of them is) and the body, by media type. */
function input(op: Operation, operation: string): string {
  const required = (location: string) => op.parameters.some((p) => p.in === location && p.required);
  const locations = NON_PATH_LOCATIONS.map((location) => {
    const declared = op.parameters.some((p) => p.in === location);
    const type = declared ? `${operation}["parameters"][${JSON.stringify(location)}]` : "never";
    return `${location}${required(location) ? "" : "?"}: ${type}`;
  });
  const params = `params${NON_PATH_LOCATIONS.some(required) ? "" : "?"}: { ${locations.join("; ")} }`;
  const bodies = bodyOptions(op, operation);
  return bodies.length === 1
    ? `{ ${params}; ${bodies[0]} }`
    : `{ ${params} } & (${bodies.map((body) => `{ ${body} }`).join(" | ")})`;
}

/**
 * One `contentType` and `body` pair per media type the body may be sent as; `contentType` may be
 * left out for the first, the default.
 */
function bodyOptions(op: Operation, operation: string): string[] {
  if (!op.requestBody) return ["contentType?: never; body?: never"];
  const { required } = op.requestBody;
  const requestBody = `${operation}["requestBody"]`;
  const content = required ? requestBody : `NonNullable<${requestBody}>`;
  return bodyMediaTypes(op).map((mediaType, i) => {
    const type = JSON.stringify(mediaType);
    const schema = `${content}["content"][${type}]`;
    return `contentType${i === 0 ? "?" : ""}: ${type}; body${required ? "" : "?"}: ${bodyType(mediaType, schema)}`;
  });
}

/** What the client takes as a body of this media type (src/body.ts serializes it). */
function bodyType(mediaType: string, schema: string): string {
  if (isJsonMediaType(mediaType) || mediaType === "application/x-www-form-urlencoded")
    return schema;
  if (mediaType === "multipart/form-data") return `FormParts<${schema}>`;
  return mediaType.startsWith("text/") ? "string" : "RawBody";
}

/** The documented 2xx answers, as a union; an operation without any documents only `number` and `unknown`. */
function answers(op: Operation, operation: string): string {
  const successes = successResponses(op);
  if (successes.length === 0) return "{ status: number; data: unknown; headers: {} }";
  const reading = answerReading(op);
  return successes.map((response) => answer(response, operation, reading)).join(" | ");
}

function answer(response: Response, operation: string, reading: Reading): string {
  const numeric = /^\d+$/.test(response.status);
  const key = numeric ? response.status : JSON.stringify(response.status);
  const of = `${operation}["responses"][${key}]`;
  // What the client reads: the schema's type for JSON, read as such; else a string or a Blob.
  const data = new Set(
    response.contentTypes.map((mediaType) =>
      reading === "blob"
        ? "Blob"
        : reading === "text"
          ? "string"
          : `${of}["content"][${JSON.stringify(mediaType)}]`,
    ),
  );
  const headers = new Map<string, string>();
  for (const { name, required } of response.headers) {
    const lower = name.toLowerCase();
    if (headers.has(lower)) continue;
    const value = `HeaderValue<${of}["headers"][${JSON.stringify(name)}]>`;
    headers.set(lower, `${JSON.stringify(lower)}${required ? "" : "?"}: ${value}`);
  }
  const fields = [
    `status: ${numeric ? response.status : "number"}`,
    `data: ${data.size === 0 ? "undefined" : [...data].join(" | ")}`,
    `headers: ${headers.size === 0 ? "{}" : `{ ${[...headers.values()].join("; ")} }`}`,
  ];
  return `{ ${fields.join("; ")} }`;
}
