// Emits cli-table.gen.ts: the operation table onezone-rest-cli reads, as typed JSON text; how to
// send each operation (method, path, ...) the CLI reads from operation-index.gen.js, by name.
//   export const cliOperations: readonly CliOperation[] = JSON.parse(String.raw`[
//   {"id":"getNamedTokenStatus","name":"getNamedTokenStatus","summary":"Get named token status",...},
import type { InterfaceDeclarationStructure } from "ts-morph";
import type { ApiModel, Operation } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { asNode, bodyFields, exampleBody, exampleWords, type Json, resolve } from "./cli-body.ts";
import { type EmitContext, header } from "./header.ts";
import { bodyMediaTypes } from "./operation-index.ts";
import { printStatements, StructureKind } from "./ts-project.ts";

type Literal = Json;
type Node = Record<string, unknown>;

const INTERFACES: InterfaceDeclarationStructure[] = [
  shape(
    "CliParameter",
    "One parameter of an operation, given on the command line as `name=VALUE` (or `Name:VALUE` for a header).",
    {
      name: "string",
      in: `"path" | "query" | "header" | "cookie"`,
      required: "boolean",
      description: "string",
    },
  ),
  shape(
    "CliBodyField",
    "One field of a request body: `name==text` or `name:=JSON` on the command line (`name@path` for a file part).",
    {
      name: "string",
      type: "string",
      required: "boolean",
      description: "string",
      enum: "readonly (string | number | boolean | null)[]",
      secret: "boolean",
      file: "boolean",
      mediaType: "string",
      when: "string",
    },
  ),
  shape("CliRequestBody", "An operation's request body, as help, completion and checks need it.", {
    required: "boolean",
    description: "string",
    contentTypes: "readonly string[]",
    fields: "readonly CliBodyField[]",
    example: "{ readonly words: readonly string[]; readonly stdin: string | null }",
  }),
  shape("CliResponse", "One documented response of an operation.", {
    status: "string",
    description: "string",
    contentTypes: "readonly string[]",
    headers: "readonly string[]",
  }),
  shape(
    "CliCodeSample",
    "One example use of an operation, as the spec's `x-codeSamples` give it.",
    {
      lang: "string",
      label: "string",
      source: "string",
    },
  ),
  shape("CliOperation", "One operation: a command of onezone-rest-cli.", {
    id: "string",
    name: "string",
    summary: "string",
    description: "string",
    tags: "readonly string[]",
    deprecated: "boolean",
    parameters: "readonly CliParameter[]",
    requestBody: "CliRequestBody | null",
    responses: "readonly CliResponse[]",
    codeSamples: "readonly CliCodeSample[]",
  }),
];

export function emitCliTable(document: Node, model: ApiModel, context: EmitContext): GeneratedFile {
  const constants = [
    constant(
      "cliApi",
      "{ readonly title: string; readonly version: string; readonly description: string }",
      "The API the table was generated from.",
      {
        title: model.title,
        version: model.version,
        description: String(asNode(document.info).description ?? ""),
      },
    ),
    jsonConstant(
      "cliOperations",
      "readonly CliOperation[]",
      "Every operation of the spec, sorted by path, then method.",
      model.operations.map((op) => operationLiteral(document, op)),
    ),
  ];
  return {
    path: "cli-table.gen.ts",
    content: [
      header("scripts/emit/cli-table.ts", context),
      printStatements(INTERFACES),
      ...constants,
    ].join("\n"),
  };
}

function operationLiteral(document: Node, op: Operation): Literal {
  return {
    id: op.id,
    name: op.name,
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    deprecated: op.deprecated,
    parameters: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      description: p.description,
    })),
    requestBody: requestBodyLiteral(document, op),
    responses: op.responses.map((r) => ({
      status: r.status,
      description: r.description,
      contentTypes: r.contentTypes,
      headers: r.headers.map((h) => h.name),
    })),
    codeSamples: op.codeSamples.map((s) => ({ lang: s.lang, label: s.label, source: s.source })),
  };
}

/** The body's media types (the default first), and the fields and example of the default one. */
function requestBodyLiteral(document: Node, op: Operation): Literal {
  if (!op.requestBody) return null;
  const { required, description, contents } = op.requestBody;
  const contentTypes = bodyMediaTypes(op);
  const mediaType = contentTypes[0] ?? "";
  const chosen = contents.find((c) => c.mediaType === mediaType);
  const multipart = mediaType.startsWith("multipart/");
  const node = mediaTypeNode(document, op, mediaType);
  const fields = (chosen ? bodyFields(document, chosen.schema, multipart) : []).map((field) => {
    // A part's `encoding` names its media types (the first is sent), before its schema's.
    const encoded = asNode(asNode(node.encoding)[field.name]).contentType;
    if (!field.file || typeof encoded !== "string") return field;
    return { ...field, mediaType: encoded.split(",")[0]?.trim() ?? "" };
  });
  const form = multipart || mediaType === "application/x-www-form-urlencoded";
  return {
    required,
    description,
    contentTypes,
    fields: fields as unknown as Literal,
    example: exampleWords(exampleBody(document, node), fields, form),
  };
}

/** The spec's Media Type Object of the operation's body, where its examples are. */
function mediaTypeNode(document: Node, op: Operation, mediaType: string): Node {
  const item = resolve(document, asNode(document.paths)[op.path]);
  const body = resolve(document, asNode(item[op.method]).requestBody);
  return asNode(asNode(body.content)[mediaType]);
}

function shape(
  name: string,
  doc: string,
  properties: Record<string, string>,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [doc],
    properties: Object.entries(properties).map(([key, type]) => ({
      name: key,
      type,
      isReadonly: true,
    })),
  };
}

/** A small value as JSON, which is TypeScript source too; JSON.stringify keeps spec text inert. */
function constant(name: string, type: string, doc: string, value: Literal): string {
  return `/** ${doc} */\nexport const ${name}: ${type} = ${JSON.stringify(value, null, 2)};\n`;
}

/**
 * Written as JSON text, one item per line: the compiler reads one string instead of checking
 * thousands of object literals against the type (BENCHMARKS.md, "Type-check cost").
 */
function jsonConstant(name: string, type: string, doc: string, items: Literal[]): string {
  const lines = items.map((item) => rawTemplateText(JSON.stringify(item)));
  return `/** ${doc} */\nexport const ${name}: ${type} = JSON.parse(String.raw\`[\n${lines.join(",\n")}\n]\`);\n`;
}

/** In a template, a backtick would end the text and `${` start a substitution: JSON's \\u escapes stand in for them. */
function rawTemplateText(json: string): string {
  return json.replaceAll("`", "\\u0060").replaceAll("${", "\\u0024{");
}
