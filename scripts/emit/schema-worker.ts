// emitSchema on a thread of its own. Loading TypeScript and openapi-typescript, then printing the
// types, overlaps with Redocly's lint and the ts-morph emitters on the main thread.
import "../compile-cache.js";
import { parentPort } from "node:worker_threads";
import type { EmitContext } from "./header.js";
import { emitSchema } from "./schema.js";

export interface SchemaRequest {
  document: Record<string, unknown>;
  context: EmitContext;
}

export type SchemaReply = { content: string } | { error: string };

parentPort?.once("message", ({ document, context }: SchemaRequest) => {
  let reply: SchemaReply;
  try {
    reply = { content: emitSchema(document, context).content };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
