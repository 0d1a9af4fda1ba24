// Prints ts-morph structures with the fixed settings every emitter shares.
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

// Loaded with require: import() would make Node scan ts-morph's CommonJS sources for their
// export names, which costs a tenth of a second on every run.
const { printStructure, StructureKind, VariableDeclarationKind } = createRequire(import.meta.url)(
  "ts-morph",
) as typeof TsMorph;

export { StructureKind, VariableDeclarationKind };

export type PrintableStatement = TsMorph.StatementStructures | TsMorph.WriterFunction;

export function printStatements(statements: PrintableStatement[]): string {
  const text = printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: "\n" },
  );
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Makes spec text safe inside a JSDoc block: `*\/` would end the comment early. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n").trim();
}

/** A JSDoc block as ts-morph prints `docs`, for text written without a structure; each line indented. */
export function printJsDoc(
  doc: TsMorph.OptionalKind<TsMorph.JSDocStructure>,
  indent: string,
): string {
  const text = printStructure({ ...doc, kind: StructureKind.JSDoc }, { newLine: "\n" });
  return `${text.replace(/^/gm, indent)}\n`;
}
