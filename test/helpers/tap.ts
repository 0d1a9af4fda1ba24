// A loopback pass-through in front of a server: each request goes on as it came, and each answer
// comes back as it came, recorded, so that a test sees exactly what the server answered a client.
import { createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface TappedAnswer {
  method: string;
  /** The request's URL at the server behind the tap. */
  url: string;
  status: number;
  /** The answer's headers, names lower-case. */
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

export interface Tap {
  /** `http://127.0.0.1:PORT`: the tap's own origin; a path under it goes to the same path behind. */
  url: string;
  answers: TappedAnswer[];
  close(): Promise<void>;
}

/** Headers of one connection, not of the answer: the tap sends the whole body with its length. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);

/** Starts a tap on 127.0.0.1 in front of `target` (an origin, `http://127.0.0.1:PORT`). */
export async function startTap(target: string): Promise<Tap> {
  const behind = new URL(target);
  const answers: TappedAnswer[] = [];
  const server = createServer((incoming, outgoing) => {
    const onward = forward(
      {
        host: behind.hostname,
        port: behind.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const status = answer.statusCode ?? 0;
          answers.push({
            method: incoming.method ?? "",
            url: new URL(incoming.url ?? "/", behind).href,
            status,
            headers: answer.headers,
            bytes,
          });
          const headers = Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name));
          outgoing.writeHead(status, Object.fromEntries(headers)).end(bytes);
        });
      },
    );
    onward.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(onward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
