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
  const context = {
    specPath: path.relative(process.cwd(), options.spec).split(path.sep).join("/"),
  };
  // The types are started from the file as parsed, while the main thread lints it; if other
  // files had to be brought in, they start again from the bundle.
  let schema: Promise<GeneratedFile> | undefined;
  const loaded = await loadSpec(options.spec, undefined, (parsed) => {
    schema = schemaThread.emit(parsed, context);
  });
  if (loaded.bundled || schema === undefined) schema = schemaThread.emit(loaded.document, context);
  const model = buildModel(loaded.document);
  const files = await emitAll(loaded.document, model, context, options.spec, schema);
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
  schema: Promise<GeneratedFile>,
): Promise<GeneratedFile[]> {
  try {
    const onThisThread = [
      emitOperations(model, context),
      emitCliTable(model, context),
      emitResponseSchemas(document, model, context),
    ];
    return [await schema, ...onThisThread];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}
