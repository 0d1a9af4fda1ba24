// Emits operations.gen.ts: one thin function per operation, sending through openapi-fetch's
// `request()`, typed from its entry in client-types.gen.ts's `OperationTypes`: the compiler
// infers nothing through openapi-fetch's generic `request()` over the whole `paths`, and works
// out a function's parameters and result only where it is called.
//   export const getNamedTokenStatus: OperationFunction<"getNamedTokenStatus", true, false> = /* @__PURE__ */ operationFunction("get", "/tokens/named/{id}/status", true);
import type {
  JSDocStructure,
  OptionalKind,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import type { ApiModel, Operation } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import { type EmitContext, header } from "./header.ts";
import { hasPathParameters, optionsRequired } from "./operation-index.ts";
import {
  docText,
  type PrintableStatement,
  printStatements,
  StructureKind,
  VariableDeclarationKind,
} from "./ts-project.ts";

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

const OPERATION_FUNCTIONS = `/** An operation's options, by name. */
export type FunctionOptions<Name extends keyof OperationTypes> = CallOptions<OperationOf<Name>>;

/** What an operation's function resolves to, by name. */
export type FunctionResult<Name extends keyof OperationTypes> = Result<OperationOf<Name>>;

/**
 * An operation's function: the openapi-fetch client, the path parameters when the path has any,
 * then the options, required when one of its parameters or its body is.
 */
export type OperationFunction<Name extends keyof OperationTypes, TakesPath extends boolean, OptionsRequired extends boolean> = TakesPath extends true
  ? OptionsRequired extends true
    ? (client: Client<paths>, path: PathOf<Name>, options: FunctionOptions<Name>) => FunctionResult<Name>
    : (client: Client<paths>, path: PathOf<Name>, options?: FunctionOptions<Name>) => FunctionResult<Name>
  : OptionsRequired extends true
    ? (client: Client<paths>, options: FunctionOptions<Name>) => FunctionResult<Name>
    : (client: Client<paths>, options?: FunctionOptions<Name>) => FunctionResult<Name>;
`;

/** Untyped on purpose: each function's \`OperationFunction\` types it. */
const OPERATION_FUNCTION = `/** An operation's function: openapi-fetch's \`request()\`, with the path parameters merged into \`params\`. */
function operationFunction(method: string, path: string, takesPath: boolean): never {
  const request = (client: Client<paths>, ...args: (object | undefined)[]) => {
    const [pathParameters, options] = takesPath ? args : [undefined, args[0]];
    const params = (options as { params?: object } | undefined)?.params;
    const init = pathParameters ? { ...options, params: { ...params, path: pathParameters } } : options;
    return (client.request as (method: string, path: string, init?: object) => Promise<unknown>)(method, path, init);
  };
  return request as never;
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
      moduleSpecifier: "./client-types.gen.ts",
      namedImports: ["NonPathParameters", "OperationOf", "OperationTypes", "PathOf"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./schema.js",
      namedImports: ["paths"],
    },
    (writer) => writer.blankLine(),
    CALL_OPTIONS,
    RESULT,
    (writer) => writer.blankLine().write(OPERATION_FUNCTIONS).blankLine().write(OPERATION_FUNCTION),
    ...model.operations.flatMap((op): PrintableStatement[] => [
      functionStatement(op),
      (writer) => writer.blankLine(),
    ]),
  ];
  return {
    path: "operations.gen.ts",
    content: `${header("scripts/emit/operations.ts", context)}\n${printStatements(statements)}`,
  };
}

/**
 * Pure: a bundler drops the functions a program does not use. The emitter picks each function's
 * shape, so the compiler does not work out every operation's on every check.
 */
function functionStatement(op: Operation): VariableStatementStructure {
  const name = JSON.stringify(op.name);
  const takesPath = hasPathParameters(op);
  const args = [JSON.stringify(op.method), JSON.stringify(op.path), takesPath];
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [jsDoc(op)],
    declarations: [
      {
        name: op.name,
        type: `OperationFunction<${name}, ${takesPath}, ${optionsRequired(op)}>`,
        initializer: `/* @__PURE__ */ operationFunction(${args.join(", ")})`,
      },
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
