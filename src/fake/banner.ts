import { SOURCE_HEADER } from "./app.ts";
import type { FakeOnezone } from "./index.ts";

/**
 * The start-up text: where the fake listens, what answers each operation, and the seeded
 * credentials to call it with.
 */
export function banner({ url, baseUrl, seed, operations }: FakeOnezone): string {
  const users = new Map(seed.users.map((user) => [user.id, user.username]));
  const providers = new Map(seed.providers.map((provider) => [provider.id, provider.name]));
  const owner = ({ type, id }: { type: "user" | "provider"; id: string }) =>
    type === "user" ? `user ${users.get(id)}` : `provider ${providers.get(id)}`;
  const generations = new Map(seed.users.map((u) => [u.id, u.temporaryTokenGeneration ?? 1]));
  return [
    `Fake Onezone listening on ${url}`,
    `API base URL: ${baseUrl}`,
    "",
    `Operations (${operations.length}; the ${SOURCE_HEADER} response header tells what answered):`,
    ...table(
      ["operation", "method", "path", "answered from"],
      operations.map((o) => [o.id, o.method, o.path, sources[o.source]]),
    ),
    "",
    "Users (basic auth: -u username:password):",
    ...table(
      ["-u user:password", "user id", "privileges"],
      seed.users.map((u) => [`${u.username}:${u.password}`, u.id, u.privileges.join(", ")]),
    ),
    "",
    "Providers:",
    ...table(
      ["name", "provider id", "supports", "cluster members"],
      seed.providers.map((p) => [
        p.name,
        p.id,
        p.supportedUsers.map((id) => users.get(id)).join(", "),
        p.clusterMembers.map((id) => users.get(id)).join(", "),
      ]),
    ),
    "",
    "Named tokens (-H 'X-Auth-Token: <token>'):",
    ...table(
      ["token", "token id", "name", "owner", "revoked"],
      seed.namedTokens.map((t) => [t.token, t.id, t.name, owner(t.subject), String(t.revoked)]),
    ),
    "",
    "Temporary tokens:",
    ...table(
      ["token", "user", "generation", "state"],
      seed.temporaryTokens.map((t) => [
        t.token,
        users.get(t.userId) ?? t.userId,
        String(t.generation),
        t.generation < (generations.get(t.userId) ?? 1) ? "revoked" : "valid",
      ]),
    ),
    "",
    "Press Ctrl+C to stop.",
  ].join("\n");
}

const sources: Record<FakeOnezone["operations"][number]["source"], string> = {
  state: "state",
  spec: "spec (example or sample)",
  notImplemented: "501 (--strict)",
};

function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
  return all.map((row) =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd(),
  );
}
