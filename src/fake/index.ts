import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { BASE_PATH, createFakeApp } from "./app.ts";
import { parseSeed } from "./parse-seed.ts";
import { defaultSeed, type FakeSeed } from "./seed.ts";
import { FakeStore } from "./store.ts";

export { parseSeed, SeedError } from "./parse-seed.ts";
export {
  defaultSeed,
  defaultSeedValues,
  type FakeSeed,
  type SeedNamedToken,
  type SeedProvider,
  type SeedTemporaryToken,
  type SeedUser,
} from "./seed.ts";

export interface FakeOnezoneOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The state to start from; the default seed when absent. */
  seed?: FakeSeed;
  /** Receives one line per request (method, path, status, time), never a credential. */
  log?: (line: string) => void;
}

export interface FakeOnezone {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `url` + `/api/v3/onezone`, the `baseUrl` for `createOnezoneClient`. */
  baseUrl: string;
  /** A copy of the seed the server started from (its state changes; the seed does not). */
  seed: FakeSeed;
  close(): Promise<void>;
}

/**
 * Starts a fake Onezone on 127.0.0.1 serving the four token operations of the spec. Rejects with
 * a SeedError naming the field when `seed` is not usable.
 */
export async function startFakeOnezone(options: FakeOnezoneOptions = {}): Promise<FakeOnezone> {
  const seed = parseSeed(options.seed ?? defaultSeed);
  const app = createFakeApp(new FakeStore(seed), options.log);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: options.port ?? 0 });
    server.once("error", reject);
    server.once("listening", () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      const close = () =>
        new Promise<void>((done, fail) => {
          server.close((error) => (error ? fail(error) : done()));
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
      resolve({ url, baseUrl: `${url}${BASE_PATH}`, seed, close });
    });
  });
}
