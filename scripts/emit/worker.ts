// Runs the emitters named in workerData on a thread of their own: their dependencies (TypeScript,
// openapi-typescript, ts-morph) load, and their output prints, while the main thread loads
// Redocly and lints. The response schemas go along: they need only the document.
import "../compile-cache.ts";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { type ApiModel, buildModel } from "../model.ts";
import type { GeneratedFile } from "../write.ts";
import type { EmitContext } from "./header.ts";

type Document = Record<string, unknown>;
type Emit = (document: Document, model: () => ApiModel, context: EmitContext) => GeneratedFile;

/** Each emitter's module, and so its dependencies, is loaded only by the thread that runs it. */
const EMITTERS = {
  schema: async (): Promise<Emit> => {
    const { emitSchema } = await import("./schema.ts");
    return (document, _model, context) => emitSchema(document, context);
  },
  operations: async (): Promise<Emit> => {
    const { emitOperations } = await import("./operations.ts");
    return (_document, model, context) => emitOperations(model(), context);
  },
  cliTable: async (): Promise<Emit> => {
    const { emitCliTable } = await import("./cli-table.ts");
    return (_document, model, context) => emitCliTable(model(), context);
  },
  responseSchemas: async (): Promise<Emit> => {
    const { emitResponseSchemas } = await import("./response-schemas.ts");
    return (document, model, context) => emitResponseSchemas(document, model(), context);
  },
};

export type EmitterName = keyof typeof EMITTERS;

export interface EmitRequest {
  document: Document;
  context: EmitContext;
}

export interface EmitWorkerData {
  emitters: EmitterName[];
  /** A JSON spec to start on at once, read by the thread itself; else it waits for a request. */
  json?: { path: string; context: EmitContext };
}

export type EmitReply = { files: GeneratedFile[] } | { error: string };

if (parentPort) {
  const port = parentPort;
  const { emitters: names, json } = workerData as EmitWorkerData;
  const emitters = Promise.all(names.map((name) => EMITTERS[name]()));
  emitters.catch(() => {}); // reported when the request comes
  const run = async ({ document, context }: EmitRequest) => {
    let reply: EmitReply;
    try {
      let model: ApiModel | undefined;
      const modelOnce = () => {
        model ??= buildModel(document);
        return model;
      };
      reply = { files: (await emitters).map((emit) => emit(document, modelOnce, context)) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  };
  if (json) {
    // Parsed as load.ts parses it for Redocly; generate takes this output only if lint passes
    // and there was no other file to bring in.
    let document: Document | undefined;
    try {
      document = JSON.parse(readFileSync(json.path, "utf8"));
    } catch (error) {
      port.postMessage({ error: String(error) } satisfies EmitReply);
    }
    if (document) void run({ document, context: json.context });
  } else {
    port.once("message", run);
  }
}
