// Runs onezone-rest-cli on the code generated from another spec, as src/cli/main.ts runs it on
// generated/: node test/cli/cli-on.ts <generated dir> [arguments...].
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CliGenerated, RequestSchemas } from "../../src/cli/generated.ts";
import { processIo } from "../../src/cli/process-io.ts";
import { run } from "../../src/cli/run.ts";

const [dir = "", ...argv] = process.argv.slice(2);
const load = (file: string) => import(pathToFileURL(path.join(dir, file)).href);
const { cliOperations, cliApi } = await load("cli-table.gen.ts");
const { operationIndex } = await load("operation-index.gen.js");
const generated: CliGenerated = {
  cliOperations,
  cliApi,
  operationIndex,
  requestSchemas: async () =>
    JSON.parse(readFileSync(path.join(dir, "request-schemas.json"), "utf8")) as RequestSchemas,
};
process.exitCode = await run(argv, processIo(), generated);
