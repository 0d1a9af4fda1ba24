// spec → lint + bundle → model → emitters: everything generate makes for one spec, in memory.
import { type EmitContext, emitContext } from "./emit/header.js";
import { emitResponseSchemas } from "./emit/response-schemas.js";
import type { EmitThreads } from "./emit-threads.js";
import { loadSpec } from "./load.js";
import { buildModel } from "./model.js";
import { SpecError } from "./spec-error.js";
import type { GeneratedFile } from "./write.js";

interface GenerateOptions {
  spec: string;
  out: string;
}

/** Every file for the spec; the TypeScript comes from `threads`, started by the caller. */
export async function generateFiles(
  options: GenerateOptions,
  threads: EmitThreads,
): Promise<{
  files: GeneratedFile[];
  warnings: number;
  ruleset: string;
}> {
  const context = emitContext(options.spec);
  // The threads start on the file as parsed (by Redocly here, or by themselves if it is JSON)
  // while this one lints it; if other files had to be brought in, they start again on the bundle.
  let typescript = threads.fromFile;
  const loaded = await loadSpec(
    options.spec,
    undefined,
    typescript
      ? undefined
      : (parsed) => {
          typescript = threads.emit(parsed, context);
        },
  );
  if (loaded.bundled || typescript === undefined) {
    typescript = threads.emit(loaded.document, context);
  }
  const files = await emitAll(loaded.document, context, options.spec, typescript);
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    warnings: loaded.lint.ruleset === "minimal" ? loaded.lint.warnings : 0,
    ruleset: loaded.lint.ruleset,
  };
}

/** Waits for every emitter; a spec that passed lint but still trips one is reported like a lint problem. */
async function emitAll(
  document: Record<string, unknown>,
  context: EmitContext,
  specPath: string,
  typescript: Promise<GeneratedFile[]>,
): Promise<GeneratedFile[]> {
  try {
    const responseSchemas = emitResponseSchemas(document, buildModel(document), context);
    return [...(await typescript), responseSchemas];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}
