// spec → lint + bundle → model → emitters: everything generate makes for one spec, in memory.
import path from "node:path";
import { emitCliTable } from "./emit/cli-table.js";
import type { EmitContext } from "./emit/header.js";
import { emitOperations } from "./emit/operations.js";
import { emitResponseSchemas } from "./emit/response-schemas.js";
import { loadSpec } from "./load.js";
import { type ApiModel, buildModel } from "./model.js";
import type { SchemaThread } from "./schema-thread.js";
import { SpecError } from "./spec-error.js";
import type { GeneratedFile } from "./write.js";

interface GenerateOptions {
  spec: string;
  out: string;
}

/** Every file for the spec; schema.d.ts comes from `schemaThread`, started by the caller. */
export async function generateFiles(
  options: GenerateOptions,
  schemaThread: SchemaThread,
): Promise<{
  files: GeneratedFile[];
  warnings: number;
  ruleset: string;
}> {
  const loaded = await loadSpec(options.spec);
  const context = {
    specPath: path.relative(process.cwd(), options.spec).split(path.sep).join("/"),
  };
  const model = buildModel(loaded.document);
  const files = await emitAll(loaded.document, model, context, options.spec, schemaThread);
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    warnings: loaded.lint.ruleset === "minimal" ? loaded.lint.warnings : 0,
    ruleset: loaded.lint.ruleset,
  };
}

/** Runs every emitter; a spec that passed lint but still trips one is reported like a lint problem. */
async function emitAll(
  document: Record<string, unknown>,
  model: ApiModel,
  context: EmitContext,
  specPath: string,
  schemaThread: SchemaThread,
): Promise<GeneratedFile[]> {
  const schema = schemaThread.emit(document, context);
  try {
    const onThisThread = [
      emitOperations(model, context),
      emitCliTable(model, context),
      emitResponseSchemas(document, model, context),
    ];
    return [await schema, ...onThisThread];
  } catch (error) {
    schema.catch(() => {});
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}
