// Runs emitSchema on a worker thread started before the spec is even read, so that loading
// TypeScript and openapi-typescript there overlaps with Redocly's work on the main thread.
import { Worker } from "node:worker_threads";
import type { EmitContext } from "./emit/header.js";
import type { SchemaReply, SchemaRequest } from "./emit/schema-worker.js";
import type { GeneratedFile } from "./write.js";

export interface SchemaThread {
  /** schema.d.ts for the document; the worker gets a copy, so the caller's stays unchanged. */
  emit(document: Record<string, unknown>, context: EmitContext): Promise<GeneratedFile>;
  close(): Promise<void>;
}

export function startSchemaThread(): SchemaThread {
  // Workers get no module hooks, so a .ts worker cannot run under tsx; the compiled copy can.
  if (import.meta.url.endsWith(".ts")) {
    throw new Error("scripts/ run compiled: use npm run generate (tools/run-script.mjs), not tsx.");
  }
  const worker = new Worker(new URL("./emit/schema-worker.js", import.meta.url));
  const reply = new Promise<SchemaReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", (error) => reject(new Error(`schema worker: ${error.message}`)));
    worker.once("exit", (code) => reject(new Error(`schema worker exited with code ${code}`)));
  });
  // Rejections are seen only by emit(); one that comes first must not go unhandled meanwhile.
  reply.catch(() => {});
  return {
    async emit(document, context) {
      worker.postMessage({ document, context } satisfies SchemaRequest);
      const answer = await reply;
      if ("error" in answer) throw new Error(answer.error);
      return { path: "schema.d.ts", content: answer.content };
    },
    async close() {
      await worker.terminate();
    },
  };
}
