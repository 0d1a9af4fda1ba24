// spec → lint + bundle here, emitters on worker threads: everything generate makes for a spec.
import { type EmitContext, emitContext } from "./emit/header.ts";
import type { EmitThreads } from "./emit-threads.ts";
import { loadSpec } from "./load.ts";
import { SpecError } from "./spec-error.ts";
import type { GeneratedFile } from "./write.ts";

interface GenerateOptions {
  spec: string;
  out: string;
}

/** Every file for the spec, made by `threads` (started by the caller), in memory. */
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
  let emitting = threads.fromFile;
  const loaded = await loadSpec(
    options.spec,
    undefined,
    emitting
      ? undefined
      : (parsed) => {
          emitting = threads.emit(parsed, context);
        },
  );
  if (loaded.bundled || emitting === undefined) {
    emitting = threads.emit(loaded.document, context);
  }
  const files = await emitted(emitting, context, options.spec);
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    warnings: loaded.lint.ruleset === "minimal" ? loaded.lint.warnings : 0,
    ruleset: loaded.lint.ruleset,
  };
}

/** Waits for the emitters; a spec that passed lint but still trips one is reported like a lint problem. */
async function emitted(
  files: Promise<GeneratedFile[]>,
  context: EmitContext,
  specPath: string,
): Promise<GeneratedFile[]> {
  try {
    return await files;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(`${specPath} passed lint, but code cannot be generated from it.`, [
      `${context.specPath}:1:1  generate  ${reason}`,
    ]);
  }
}
