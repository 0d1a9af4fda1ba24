import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { readCredential } from "./credential.ts";
import {
  badCredential,
  type FakeError,
  internalServerError,
  methodNotAllowed,
  notFound,
  notImplemented,
  unauthorized,
} from "./errors.ts";
import type { SpecDocument } from "./load-spec.ts";
import { basePathOf, operationsOf, type SpecOperation } from "./operations.ts";
import { type RequestValues, readRequest } from "./request.ts";
import { bySpecificity, type Route, route } from "./routes.ts";
import { SchemaChecker } from "./schemas.ts";
import { specHandler } from "./spec-answer.ts";
import { type StatefulHandler, send, statefulHandlers } from "./stateful.ts";
import type { FakeStore } from "./store.ts";

/** The response header naming what answered an operation: its stateful handler, or the spec. */
export const SOURCE_HEADER = "X-Fake-Source";

export type OperationSource = "state" | "spec" | "notImplemented";

export interface FakeAppOptions {
  /** The bundled OpenAPI 3.1 document to serve (see ./load-spec.ts). */
  document: SpecDocument;
  /** Answer 501 notImplemented for the operations without a stateful handler. */
  strict?: boolean;
  /** Receives one line per request and never a credential. */
  log?: (line: string) => void;
}

export interface FakeApp {
  app: Hono;
  /** The path every route is under, from the spec's first server: `/api/v3/onezone`. */
  basePath: string;
  /** Each operation of the spec and what answers it. */
  operations: { id: string; method: string; path: string; source: OperationSource }[];
}

/** Routes for every operation of the spec; `log` receives one line per request. */
export function createFakeApp(store: FakeStore, options: FakeAppOptions): FakeApp {
  const { document, strict = false, log } = options;
  const app = new Hono({ strict: false });
  if (log) app.use(requestLogger(log));

  const basePath = basePathOf(document);
  const checker = new SchemaChecker(document, log);
  const handlers: Partial<Record<string, StatefulHandler>> = statefulHandlers(store);
  const specOperations = operationsOf(document);
  const sourceOf = ({ id }: SpecOperation): OperationSource =>
    handlers[id] ? "state" : strict ? "notImplemented" : "spec";

  const mostSpecificFirst = [...specOperations].sort((a, b) =>
    bySpecificity(a.template, b.template),
  );
  for (const operation of mostSpecificFirst) {
    const at = route(basePath, operation.template);
    const handler =
      sourceOf(operation) === "notImplemented"
        ? (c: Context) => send(c, notImplemented)
        : answering(operation, at, handlers[operation.id]);
    app.on(operation.method.toUpperCase(), at.path, handler);
  }
  const operations = specOperations.map((operation) => ({
    id: operation.id,
    method: operation.method.toUpperCase(),
    path: operation.template,
    source: sourceOf(operation),
  }));

  // A path of the spec called with a method it lacks: 405 with the methods it has.
  const allowed = new Map<string, string[]>();
  for (const { path, method } of operations) {
    allowed.set(path, [...(allowed.get(path) ?? []), method]);
  }
  for (const [template, methods] of allowed) {
    app.all(route(basePath, template).path, (c) => {
      c.header("Allow", methods.join(", "));
      return send(c, methodNotAllowed);
    });
  }

  /**
   * Onezone's order: a bad credential is refused first; then an anonymous caller, where the
   * operation needs one (a stateful handler decides that itself); then bad request data; then
   * the answer, from state or from the spec.
   */
  function answering(operation: SpecOperation, at: Route, stateful: StatefulHandler | undefined) {
    const respond = stateful ?? specHandler(document, operation);
    const source = stateful ? "state" : "spec";
    return (c: Context) => {
      c.header(SOURCE_HEADER, source);
      const caller = store.authenticate(readCredential(c.req.raw.headers));
      if (typeof caller === "string") return send(c, badCredential(caller));
      if (!stateful && caller.type === "anonymous" && !operation.anonymousAllowed) {
        return send(c, unauthorized);
      }
      const answer = (request: RequestValues | FakeError) =>
        "status" in request ? send(c, request) : respond(c, caller, request);
      const request = readRequest(operation, checker, c, at.values(c));
      return request instanceof Promise ? request.then(answer) : answer(request);
    };
  }

  app.notFound((c) => send(c, notFound));
  app.onError((error, c) => {
    const reference = randomBytes(5).toString("hex");
    log?.(`internal error ${reference}: ${error.stack ?? error.message}`);
    return send(c, internalServerError(reference));
  });
  return { app, basePath, operations };
}

function requestLogger(log: (line: string) => void) {
  return async (c: Context, next: () => Promise<void>) => {
    const started = performance.now();
    await next();
    const elapsed = (performance.now() - started).toFixed(1);
    // The path only: query strings and headers may carry credentials.
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${elapsed}ms`);
  };
}
