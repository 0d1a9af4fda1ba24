// What checking one file's call sites costs once everything it imports is checked, as in an
// editor, where the file being typed in is checked again and the rest is already known.
// Run: node bench/typecheck-sites.ts <tsconfig.json> <file>; prints JSON (see Sites).
import { createRequire } from "node:module";
import path from "node:path";
import type * as TypeScript from "typescript";

// CommonJS, as scripts/emit/schema.ts loads it: import() would scan its 9 MB for export names.
const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

export interface Sites {
  /** Checking the file alone, after every other file of the program. */
  wallMs: number;
  cpuMs: number;
  instantiations: number;
  /** Errors in the whole program, by file (relative to the tsconfig's directory). */
  errors: Record<string, number>;
}

const [tsconfig, file] = process.argv.slice(2);
if (tsconfig === undefined || file === undefined) {
  console.error("Usage: node bench/typecheck-sites.ts <tsconfig.json> <file>");
  process.exit(2);
}
const dir = path.dirname(path.resolve(tsconfig));
const config = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  },
});
if (!config) throw new Error(`cannot read ${tsconfig}`);
const program = ts.createProgram(config.fileNames, config.options);
const target = program.getSourceFile(path.resolve(dir, file));
if (!target) throw new Error(`${file} is not part of ${tsconfig}`);

const diagnostics = [...program.getGlobalDiagnostics()];
for (const sourceFile of program.getSourceFiles()) {
  if (sourceFile !== target) diagnostics.push(...program.getSemanticDiagnostics(sourceFile));
}
const instantiationsBefore = program.getInstantiationCount();
const cpuBefore = process.cpuUsage();
const started = performance.now();
diagnostics.push(...program.getSemanticDiagnostics(target));
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

const errors: Record<string, number> = {};
for (const { file: where, category } of diagnostics) {
  if (category !== ts.DiagnosticCategory.Error) continue;
  const name = where ? path.relative(dir, where.fileName) : "(global)";
  errors[name] = (errors[name] ?? 0) + 1;
}
const sites: Sites = {
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  instantiations: program.getInstantiationCount() - instantiationsBefore,
  errors,
};
console.log(JSON.stringify(sites));
