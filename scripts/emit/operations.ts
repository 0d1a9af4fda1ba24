// Emits operations.gen.ts: one thin function per operation, typed from schema.d.ts. Each states its
// result type and sends through a non-generic `send`, so the compiler infers nothing through
// openapi-fetch's generic `request()` over the whole `paths` per function.
//   export function getNamedTokenStatus(client: Client<paths>, path: paths["/tokens/named/{id}/status"]["get"]["parameters"]["path"], options?: CallOptions<...>): Result<...> {
//     return send(client, "get", "/tokens/named/{id}/status", options, path);
import type {
  FunctionDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import type { ApiModel, Operation } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";
import { hasPathParameters } from "./operation-index.ts";
import { docText, type PrintableStatement, printStatements, StructureKind } from "./ts-project.ts";

const CALL_OPTIONS: TypeAliasDeclarationStructure = {
  kind: StructureKind.TypeAlias,
  name: "CallOptions",
  isExported: true,
  typeParameters: ["Operation"],
  docs: [
    "A call's query, header and cookie parameters, body and fetch options; path parameters go on their own.",
  ],
  type: `Omit<FetchOptions<Operation>, "params"> & NonPathParameters<Operation>`,
};

const NON_PATH_PARAMETERS: TypeAliasDeclarationStructure = {
  kind: StructureKind.TypeAlias,
  name: "NonPathParameters",
  typeParameters: ["Operation"],
  docs: ["`params` without `path`; required when one of its parameters is."],
  type: `Operation extends { parameters: infer P } ? ({} extends Omit<P, "path"> ? { params?: Omit<P, "path"> } : { params: Omit<P, "path"> }) : { params?: never }`,
};

const RESULT: TypeAliasDeclarationStructure = {
  kind: StructureKind.TypeAlias,
  name: "Result",
  isExported: true,
  typeParameters: ["Operation extends Record<string | number, any>"],
  docs: [
    "What a function resolves to: openapi-fetch's `{ data, error, response }` for the operation, as `request()` types it.",
  ],
  type: `Promise<FetchResponse<Operation, {}, \`\${string}/\${string}\`>>`,
};

/** Untyped on purpose: each function's own signature types the call. */
const SEND = `/** openapi-fetch's \`request()\`, with the path parameters merged into \`params\`. */
function send(client: Client<paths>, method: string, path: string, options: { params?: object } | undefined, pathParameters?: object): Promise<never> {
  const init = pathParameters ? { ...options, params: { ...options?.params, path: pathParameters } } : options;
  return (client.request as (method: string, path: string, init?: object) => Promise<never>)(method, path, init);
}
`;

export function emitOperations(model: ApiModel, context: EmitContext): GeneratedFile {
  const statements: PrintableStatement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "openapi-fetch",
      namedImports: ["Client", "FetchOptions", "FetchResponse"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./schema.js",
      namedImports: ["paths"],
    },
    (writer) => writer.blankLine(),
    CALL_OPTIONS,
    NON_PATH_PARAMETERS,
    RESULT,
    (writer) => writer.blankLine().write(SEND),
    ...model.operations.map(operationFunction),
  ];
  return {
    path: "operations.gen.ts",
    content: `${header("scripts/emit/operations.ts", context)}\n${printStatements(statements)}`,
  };
}

function operationFunction(op: Operation): FunctionDeclarationStructure {
  const pathLiteral = JSON.stringify(op.path);
  const operationType = `paths[${pathLiteral}][${JSON.stringify(op.method)}]`;
  const hasPathParams = hasPathParameters(op);
  const optionsRequired =
    op.parameters.some((p) => p.in !== "path" && p.required) || op.requestBody?.required === true;
  return {
    kind: StructureKind.Function,
    name: op.name,
    isExported: true,
    docs: [jsDoc(op)],
    parameters: [
      { name: "client", type: "Client<paths>" },
      ...(hasPathParams ? [{ name: "path", type: `${operationType}["parameters"]["path"]` }] : []),
      {
        name: "options",
        type: `CallOptions<${operationType}>`,
        hasQuestionToken: !optionsRequired,
      },
    ],
    returnType: `Result<${operationType}>`,
    statements: [
      `return send(client, ${JSON.stringify(op.method)}, ${pathLiteral}, options${hasPathParams ? ", path" : ""});`,
    ],
  };
}

/** The operation's summary, description and `METHOD /path`, and whether it is deprecated, as JSDoc. */
export function jsDoc(op: Operation): OptionalKind<JSDocStructure> {
  const lines = [op.summary, op.description, `\`${op.method.toUpperCase()} ${op.path}\``]
    .map(docText)
    .filter(Boolean);
  return {
    description: lines.join("\n\n"),
    tags: op.deprecated
      ? [{ tagName: "deprecated", text: "The spec marks this operation as deprecated." }]
      : [],
  };
}
