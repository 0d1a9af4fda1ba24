// The generators we are measured against, as `npm run bench:setup` installs them here.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PEERS_DIR = fileURLToPath(new URL(".", import.meta.url));

export interface Peer {
  package: string;
  /** The CLI's entry script, run with `node`. */
  bin: string;
  /** The CLI's arguments that generate a fetch client for `spec` into the directory `out`. */
  args: (spec: string, out: string) => string[];
}

export const heyApi: Peer = {
  package: "@hey-api/openapi-ts",
  // The CLI itself: bin/run.js only spawns it, and a timeout would stop that and leave it running.
  bin: `${PEERS_DIR}node_modules/@hey-api/openapi-ts/dist/run.mjs`,
  args: (spec, out) => [
    "-i",
    spec,
    "-o",
    out,
    "-c",
    "@hey-api/client-fetch",
    "--no-log-file",
    "-s",
  ],
};

export const orval: Peer = {
  package: "orval",
  bin: `${PEERS_DIR}node_modules/orval/dist/bin/orval.js`,
  args: (spec, out) => ["--input", spec, "--output", path.join(out, "api.ts"), "--client", "fetch"],
};

export function version(peer: Peer): string {
  const manifest = `${PEERS_DIR}node_modules/${peer.package}/package.json`;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Exits with a one-line instruction when the peers are not installed. */
export function requirePeers(): void {
  const missing = [heyApi, orval].filter((peer) => !existsSync(peer.bin));
  if (missing.length === 0) return;
  console.error(
    `bench: ${missing.map((peer) => peer.package).join(" and ")} not installed; run \`npm run bench:setup\` first.`,
  );
  process.exit(1);
}
