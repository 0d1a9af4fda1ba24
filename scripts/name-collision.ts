// Reports two operations that would share a generated name at the lines that declare their
// operationIds. The model is built from the bundled document, which no longer knows its lines,
// so each operationId is found in the text of the spec's files.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NameCollisionError } from "./model.ts";
import { SpecError } from "./spec-error.ts";
import { specSources } from "./spec-sources.ts";

export function nameCollisionProblem(specPath: string, error: NameCollisionError): SpecError {
  const [first, second] = error.operations.map(
    (op) => locateOperationId(specPath, op.id) ?? `${relative(specPath)}:1:1`,
  );
  return new SpecError(`${specPath} has operations that would share a name in generated code.`, [
    `${second}  operation-name-collision  ${error.message} The first is at ${first}.`,
  ]);
}

/** `file:line:col` of the `operationId: <id>` line, YAML or JSON, in the spec or a file it refers to. */
export function locateOperationId(specPath: string, id: string): string | undefined {
  const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const declaration = new RegExp(
    `^(\\s*)["']?operationId["']?\\s*:\\s*(["']?)${quoted}\\2\\s*,?\\s*$`,
  );
  for (const file of specSources(specPath)) {
    // A `$ref` quoted in a description may name a file that is not there.
    const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
    const line = lines.findIndex((text) => declaration.test(text));
    if (line >= 0) {
      const col = (declaration.exec(lines[line] ?? "")?.[1]?.length ?? 0) + 1;
      return `${relative(file)}:${line + 1}:${col}`;
    }
  }
  return undefined;
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
