// Prints ts-morph structures with the fixed settings every emitter shares.
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";

export type PrintableStatement = StatementStructures | WriterFunction;

export function printStatements(fileName: string, statements: PrintableStatement[]): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const text = project.createSourceFile(fileName, { statements }).getFullText();
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Makes spec text safe inside a JSDoc block: `*\/` would end the comment early. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n").trim();
}
