// Emits cli-table.gen.ts: the operation table onezone-rest-cli reads, as plain typed data; how to
// send each operation (method, path, ...) the CLI reads from operation-index.gen.ts, by name.
//   export const cliOperations: readonly CliOperation[] = [
//     { id: "getNamedTokenStatus", name: "getNamedTokenStatus", summary: "Get named token status", ... },
import type { InterfaceDeclarationStructure } from "ts-morph";
import type { ApiModel, Operation } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";
import { printStatements, StructureKind } from "./ts-project.ts";

type Literal = string | number | boolean | null | readonly Literal[] | { [key: string]: Literal };

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
  shape("CliResponse", "One documented response of an operation.", {
    status: "string",
    description: "string",
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
    requestBody: "{ readonly required: boolean; readonly contentTypes: readonly string[] } | null",
    responses: "readonly CliResponse[]",
    codeSamples: "readonly CliCodeSample[]",
  }),
];

export function emitCliTable(model: ApiModel, context: EmitContext): GeneratedFile {
  const constants = [
    constant(
      "cliApi",
      "{ readonly title: string; readonly version: string }",
      "The API the table was generated from.",
      {
        title: model.title,
        version: model.version,
      },
    ),
    constant(
      "cliOperations",
      "readonly CliOperation[]",
      "Every operation of the spec, sorted by path, then method.",
      model.operations.map(operationLiteral),
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

function operationLiteral(op: Operation): Literal {
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
    requestBody: op.requestBody
      ? { required: op.requestBody.required, contentTypes: op.requestBody.contentTypes }
      : null,
    responses: op.responses.map((r) => ({ status: r.status, description: r.description })),
    codeSamples: op.codeSamples.map((s) => ({ lang: s.lang, label: s.label, source: s.source })),
  };
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

/**
 * Printed as text, not through ts-morph: its writer handles a long initializer one character at a
 * time (a third of generate's main thread on a 1,000-operation spec), and would re-indent it.
 */
function constant(name: string, type: string, doc: string, value: Literal): string {
  return `/** ${doc} */\nexport const ${name}: ${type} = ${literal(value)};\n`;
}

/** A value as TypeScript source; strings go through JSON.stringify, so spec text stays inert. */
function literal(value: Literal, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => literal(item, inner))
    : Object.entries(value).map(([key, item]) => `${propertyName(key)}: ${literal(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return `${open}${close}`;
  return `${open}\n${items.map((item) => `${inner}${item},\n`).join("")}${indent}${close}`;
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
