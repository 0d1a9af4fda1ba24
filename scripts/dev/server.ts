// npm run dev's preview server, on 127.0.0.1 only: `/` is the page, `/events` tells the page which
// version is current (server-sent events), and the page reloads itself when that is not its own.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { insertAfterBody } from "./page.ts";

export interface PreviewServer {
  url: string;
  /** Serves `html` from now on and tells every open page to reload. */
  show(html: string): void;
  close(): Promise<void>;
}

export async function startPreviewServer(port: number): Promise<PreviewServer> {
  let version = 0;
  let page = "";
  const listeners = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET" }).end();
    } else if (pathname === "/" || pathname === "/index.html") {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(page);
    } else if (pathname === "/events") {
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
      });
      // A page that connects after a save, or reconnects, learns the version at once.
      response.write(`data: ${version}\n\n`);
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
    } else if (pathname === "/favicon.ico") {
      // Browsers ask for one; the page has none, and a 404 would be a console error.
      response.writeHead(204).end();
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found: try /\n");
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    throw new Error(`port ${port} on 127.0.0.1 is in use; pass --port <n> (0 picks a free one).`);
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    show(html) {
      version += 1;
      page = insertAfterBody(html, reloadScript(version));
      for (const listener of listeners) listener.write(`data: ${version}\n\n`);
    },
    async close() {
      for (const listener of listeners) listener.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reloadScript(version: number): string {
  return `<script>new EventSource("/events").onmessage = (event) => { if (event.data !== "${version}") location.reload(); };</script>`;
}
