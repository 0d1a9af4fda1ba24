import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One way of answering (or not answering) a request. */
export type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

export const behave = {
  json:
    (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
    (_, response) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    },
  text:
    (status: number, body: string, contentType = "text/html"): Behaviour =>
    (_, response) => {
      response.writeHead(status, { "content-type": contentType }).end(body);
    },
  /** Headers and half a body, then the connection is cut. */
  resetMidBody: (): Behaviour => (_, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    response.write('{"tokens":["abc', () => response.socket?.destroy());
  },
  /** The connection is cut before any byte of a response. */
  resetBeforeResponse: (): Behaviour => (request) => {
    request.socket.destroy();
  },
  /** Accepts the request and never answers. */
  silence: (): Behaviour => () => {},
  /** A valid JSON body (`[` spaces `]`) of `bytes` bytes, streamed in 64 KiB chunks. */
  huge:
    (bytes: number, declareLength: boolean): Behaviour =>
    (_, response) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (declareLength) headers["content-length"] = String(bytes);
      response.writeHead(200, headers);
      response.write("[");
      const chunk = Buffer.alloc(64 * 1024, " ");
      let left = bytes - 2;
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          left -= part.length;
          if (!response.write(part)) {
            response.once("drain", pump);
            return;
          }
        }
        response.end("]");
      };
      pump();
    },
  /** One byte every `everyMs`, `count` times at most. */
  trickle:
    (everyMs: number, count: number): Behaviour =>
    (_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      let left = count;
      const timer = setInterval(() => {
        if (response.destroyed || left-- <= 0) {
          clearInterval(timer);
          response.end();
          return;
        }
        response.write(" ");
      }, everyMs);
      response.on("close", () => clearInterval(timer));
    },
};

export interface FaultyServer {
  baseUrl: string;
  /** The requests that have arrived, as `METHOD target`. */
  hits: string[];
  /** Answers the next requests with these behaviours in turn; the last one repeats. */
  plan(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

/** A loopback server that misbehaves on purpose, following a plan. */
export async function startFaultyServer(): Promise<FaultyServer> {
  const hits: string[] = [];
  let queue: Behaviour[] = [behave.json(200, {})];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    request.resume();
    next?.(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v3/onezone`,
    hits,
    plan(...behaviours) {
      queue = behaviours;
      hits.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
