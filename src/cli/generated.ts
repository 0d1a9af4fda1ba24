// The generated code onezone-rest-cli runs on: the project's spec by default; `run()` takes
// another spec's (the tests run the CLI on each spec they test).
import { type CliOperation, cliApi, cliOperations } from "../../generated/cli-table.gen.ts";
import { type IndexedOperation, operationIndex } from "../../generated/operation-index.gen.js";

/** request-schemas.json: each body's JSON Schema by operation name and media type. */
export interface RequestSchemas {
  components: Record<string, unknown>;
  requests: Record<string, Record<string, unknown>>;
}

export interface CliGenerated {
  cliOperations: readonly CliOperation[];
  cliApi: { readonly title: string; readonly version: string; readonly description: string };
  operationIndex: Readonly<Record<string, IndexedOperation>>;
  /** Loaded only to check a body, so that --help and most calls do not read it. */
  requestSchemas: () => Promise<RequestSchemas>;
}

export const GENERATED: CliGenerated = {
  cliOperations,
  cliApi,
  operationIndex,
  requestSchemas: async () =>
    (await import("../../generated/request-schemas.json", { with: { type: "json" } }))
      .default as RequestSchemas,
};
