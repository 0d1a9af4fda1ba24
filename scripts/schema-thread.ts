// Runs emitSchema on a worker thread started before the spec is even read, so that loading
// TypeScript and openapi-typescript there overlaps with Redocly's work on the main thread.
import { Worker } from "node:worker_threads";
import type { EmitContext } from "./emit/header.js";
import type { SchemaReply, SchemaRequest } from "./emit/schema-worker.js";
import type { GeneratedFile } from "./write.js";

export interface SchemaThread {
  /**
   * schema.d.ts for the document, made from a copy of it. A later call supersedes an earlier one:
   * the earlier worker is stopped and the document goes to a fresh one.
   */
  emit(document: Record<string, unknown>, context: EmitContext): Promise<GeneratedFile>;
  close(): Promise<void>;
}

interface Spawned {
  worker: Worker;
  reply: Promise<SchemaReply>;
  busy: boolean;
}

export function startSchemaThread(): SchemaThread {
  // Workers get no module hooks, so a .ts worker cannot run under tsx; the compiled copy can.
  if (import.meta.url.endsWith(".ts")) {
    throw new Error("scripts/ run compiled: use npm run generate (tools/run-script.mjs), not tsx.");
  }
  let current = spawn();
  return {
    emit(document, context) {
      if (current.busy) {
        void current.worker.terminate();
        current = spawn();
      }
      current.busy = true;
      current.worker.postMessage({ document, context } satisfies SchemaRequest);
      const file = current.reply.then((answer) => {
        if ("error" in answer) throw new Error(answer.error);
        return { path: "schema.d.ts", content: answer.content };
      });
      // A superseded emit is never awaited; its rejection must not go unhandled.
      file.catch(() => {});
      return file;
    },
    async close() {
      await current.worker.terminate();
    },
  };
}

function spawn(): Spawned {
  const worker = new Worker(new URL("./emit/schema-worker.js", import.meta.url));
  const reply = new Promise<SchemaReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", (error) => reject(new Error(`schema worker: ${error.message}`)));
    worker.once("exit", (code) => reject(new Error(`schema worker exited with code ${code}`)));
  });
  reply.catch(() => {});
  return { worker, reply, busy: false };
}
