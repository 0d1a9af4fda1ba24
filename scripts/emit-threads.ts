// Runs the emitters on worker threads started before the spec is even read: loading TypeScript,
// openapi-typescript and ts-morph there overlaps with Redocly's lint on the main thread. The
// types get one thread and the rest another, so the two copies of TypeScript (openapi-typescript's
// and ts-morph's own) load at the same time.
import { Worker } from "node:worker_threads";
import type { EmitContext } from "./emit/header.ts";
import type { EmitReply, EmitRequest, EmitterName, EmitWorkerData } from "./emit/worker.ts";
import type { GeneratedFile } from "./write.ts";

const THREADS: EmitterName[][] = [["schema"], ["operations", "cliTable", "responseSchemas"]];

export interface EmitThreads {
  /** For a JSON spec, the files the threads make from the file as they read it themselves. */
  fromFile: Promise<GeneratedFile[]> | undefined;
  /**
   * Every thread's files for the document, made from a copy of it. A later call supersedes an
   * earlier one: the earlier workers are stopped and the document goes to fresh ones.
   */
  emit(document: Record<string, unknown>, context: EmitContext): Promise<GeneratedFile[]>;
  close(): Promise<void>;
}

interface Thread {
  emitters: EmitterName[];
  worker: Worker;
  reply: Promise<EmitReply>;
  busy: boolean;
}

export function startEmitThreads(specPath: string, context: EmitContext): EmitThreads {
  // Workers get no module hooks, so a .ts worker cannot run under tsx; the compiled copy can.
  if (import.meta.url.endsWith(".ts")) {
    throw new Error("scripts/ run compiled: use npm run generate (tools/run-script.mjs), not tsx.");
  }
  // A JSON file is quick to parse, so each thread starts on it at once instead of waiting for
  // the main thread's parse; YAML waits for Redocly's.
  const json = /\.json$/i.test(specPath) ? { path: specPath, context } : undefined;
  let threads = THREADS.map((emitters) => spawn({ emitters, json }));
  const filesOf = (busy: Thread[]) => {
    const files = Promise.all(
      busy.map(async (thread) => {
        const answer = await thread.reply;
        if ("error" in answer) throw new Error(answer.error);
        return answer.files;
      }),
    ).then((perThread) => perThread.flat());
    // A superseded emit is never awaited; its rejection must not go unhandled.
    files.catch(() => {});
    return files;
  };
  return {
    fromFile: json ? filesOf(threads) : undefined,
    emit(document, context) {
      threads = threads.map((thread) => {
        if (!thread.busy) return thread;
        void thread.worker.terminate();
        return spawn({ emitters: thread.emitters });
      });
      for (const thread of threads) {
        thread.busy = true;
        thread.worker.postMessage({ document, context } satisfies EmitRequest);
      }
      return filesOf(threads);
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}

function spawn(data: EmitWorkerData): Thread {
  const worker = new Worker(new URL("./emit/worker.js", import.meta.url), { workerData: data });
  const reply = new Promise<EmitReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", (error) => reject(new Error(`emit worker: ${error.message}`)));
    worker.once("exit", (code) => reject(new Error(`emit worker exited with code ${code}`)));
  });
  reply.catch(() => {});
  return { emitters: data.emitters, worker, reply, busy: data.json !== undefined };
}
