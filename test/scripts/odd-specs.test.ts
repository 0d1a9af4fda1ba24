import path from "node:path";
import { pathToFileURL } from "node:url";
import createClient, { type Client } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel } from "../../scripts/model.ts";
import { ROOT, runGenerate, scratchDir, typecheck } from "../helpers/processes.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const CORPUS = path.join(ROOT, "test/fixtures/odd-specs");

/** The functions each awkward spec must export, in spec order (path, then method). */
const CASES: [string, string[]][] = [
  ["awkward-ids.yaml", ["delete_", "getUser", "_2fa", "listUserTokens", "class_"]],
  ["hostile-text.yaml", ["getNote"]],
  ["many-path-parameters.yaml", ["getMemberRole"]],
  // Valid specs that used to be refused for what does not touch generated code (see README).
  ["missing-info.yaml", ["listThings"]],
  ["nullable-in-3.1.yaml", ["getProfile"]],
  ["odd-parameter-names.yaml", ["getInsight", "deleteFile"]],
  ["refs-into-arrays.yaml", ["listItems", "getItem", "copyItem"]],
  ["trailing-slash-server.yaml", ["getStatus"]],
  ["unknown-schema-keywords.yaml", ["getCode"]],
  [
    "missing-operation-ids.yaml",
    ["get", "getUsersIdTokensTemporary", "deleteUsersIdTokensTemporary"],
  ],
  ["non-ascii.yaml", ["pobierzUżytkownika", "ユーザー一覧"]],
];

/** Values that must each arrive intact in their own path segment. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the literal "${x}" is one of the inputs.
const AWKWARD_VALUES = ["a/b", "100% ?#", "zażółć", "..x", "${x}"];

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer("/base");
});
afterAll(() => server.close());

describe.each(CASES)("%s", (name, exportsWanted) => {
  const dir = scratchDir(`odd-${name.replace(/\W/g, "-")}`);
  const out = path.join(dir, "out");
  const spec = path.join(CORPUS, name);

  it("generates code that type-checks", () => {
    const result = runGenerate(["--spec", spec, "--out", out]);
    expect(result.stderr).not.toMatch(/problem/);
    expect(result.code).toBe(0);
    const checked = typecheck(dir);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.code).toBe(0);
  });

  it("exports one working function per operation", async () => {
    const module = (await import(
      pathToFileURL(path.join(out, "operations.gen.ts")).href
    )) as Record<
      string,
      (client: Client<object>, ...args: unknown[]) => Promise<{ response: Response }>
    >;
    expect(Object.keys(module).sort()).toEqual([...exportsWanted].sort());
    const { document } = await loadSpec(spec, ROOT);
    const { operations } = buildModel(document);
    const client = createClient<object>({ baseUrl: server.baseUrl });
    for (const [index, op] of operations.entries()) {
      const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      const values = names.map(
        (_, i) => AWKWARD_VALUES[(index + i) % AWKWARD_VALUES.length] ?? "v",
      );
      const pathArgs =
        names.length > 0 ? [Object.fromEntries(names.map((n, i) => [n, values[i]]))] : [];
      server.requests.length = 0;
      server.reply({ status: 200, body: "{}" });
      const fn = module[exportsWanted[index] ?? ""];
      expect(fn, `export for ${op.method} ${op.path}`).toBeTypeOf("function");
      await fn?.(client, ...pathArgs);
      let expected = op.path;
      names.forEach((n, i) => {
        expected = expected.replace(`{${n}}`, encodeURIComponent(values[i] ?? ""));
      });
      expect(server.requests.map((r) => `${r.method} ${r.target}`)).toEqual([
        `${op.method.toUpperCase()} /base${encodeURI(expected).replace(/%25/g, "%")}`,
      ]);
    }
  });
});
