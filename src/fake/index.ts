import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createFakeApp, type FakeApp } from "./app.ts";
import { loadSpec, type SpecSource } from "./load-spec.ts";
import { parseSeed } from "./parse-seed.ts";
import { defaultSeed, type FakeSeed } from "./seed.ts";
import { FakeStore } from "./store.ts";

export { type OperationSource, SOURCE_HEADER } from "./app.ts";
export { SpecLoadError, type SpecSource } from "./load-spec.ts";
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
  /**
   * The spec to serve: a file (YAML or JSON, split files with relative `$ref`s; OpenAPI 3.0, 3.1
   * or Swagger 2.0) or a document object. The package's spec/onezone.yaml when absent.
   */
  spec?: SpecSource;
  /** Answer 501 notImplemented for every operation without a stateful handler. */
  strict?: boolean;
}

export interface FakeOnezone {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `url` + the spec's base path (`/api/v3/onezone`), the `baseUrl` for `createOnezoneClient`. */
  baseUrl: string;
  /** Each operation of the spec: `state` (a stateful handler), `spec` or `notImplemented` (--strict). */
  operations: FakeApp["operations"];
  /** A copy of the seed the server started from (its state changes; the seed does not). */
  seed: FakeSeed;
  close(): Promise<void>;
}

/**
 * Starts a fake Onezone on 127.0.0.1 serving every operation of the spec. Rejects with a
 * SeedError naming the field when `seed` is not usable, and a SpecLoadError naming the file
 * when the spec is not.
 */
export async function startFakeOnezone(options: FakeOnezoneOptions = {}): Promise<FakeOnezone> {
  const seed = parseSeed(options.seed ?? defaultSeed);
  const document = await loadSpec(options.spec);
  const { app, basePath, operations } = createFakeApp(new FakeStore(seed), {
    document,
    strict: options.strict ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
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
      resolve({ url, baseUrl: `${url}${basePath}`, seed, operations, close });
    });
  });
}
