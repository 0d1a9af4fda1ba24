import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The raw request target, exactly as it arrived on the wire. */
  target: string;
  headers: IncomingHttpHeaders;
  /** The request body as text, "" when there is none. */
  body: string;
  /** The request body's bytes, for bodies that are not text (a file part, an image). */
  bytes: Buffer;
}

export interface Reply {
  status: number;
  body?: string | Uint8Array;
  contentType?: string;
  /** More response headers, e.g. `Location`. */
  headers?: Record<string, string>;
}

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Sets what the next requests get; the default is 200 `{}`. */
  reply(reply: Reply): void;
  close(): Promise<void>;
}

/** A loopback HTTP server that records each request and answers with a programmed reply. */
export async function startRecordingServer(basePath = "/api/v3/onezone"): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let current: Reply = { status: 200, body: "{}" };
  const server = createServer((request, response) => {
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      target: request.url ?? "",
      headers: request.headers,
      body: "",
      bytes: Buffer.alloc(0),
    };
    requests.push(recorded);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      recorded.bytes = Buffer.concat(chunks);
      recorded.body = recorded.bytes.toString("utf8");
      const headers = {
        ...(current.body === undefined
          ? {}
          : { "content-type": current.contentType ?? "application/json" }),
        ...current.headers,
      };
      response.writeHead(current.status, headers).end(current.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    requests,
    reply(reply) {
      current = reply;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
