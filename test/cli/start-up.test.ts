// What a run loads: --help and --dry-run stay light (no ts-morph, Redocly, marked or the YAML
// spec; a dry run not even Node's fetch, undici), while the commands that need them load them.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { CLI, ROOT } from "./run-cli.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-start-up-"));
let fake: FakeOnezone;
beforeAll(async () => {
  fake = await startFakeOnezone();
});
afterAll(async () => {
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The modules and files a run loads, as recorded by record-modules.mjs. */
function loaded(args: string[], env: Record<string, string> = {}): Promise<string> {
  const file = path.join(scratch, `${args.join("_").replaceAll("/", "_")}.txt`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "./test/cli/record-modules.mjs", ...CLI, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", RECORD_MODULES_FILE: file, ...env } },
      (error) => (error ? reject(error) : resolve(readFileSync(file, "utf8"))),
    );
  });
}

const HEAVY_LOAD =
  /^(load|require) .*node_modules\/(ts-morph|@ts-morph|typescript|@redocly|marked|marked-terminal|js-yaml|yaml)\//m;
const YAML_READ = /^read .*\.ya?ml$/m;
/** Node's fetch, Request, Response and Headers all live in this one bundle, loaded on first use. */
const UNDICI = /^builtin NativeModule internal\/deps\/undici\/undici$/m;

describe("--help", () => {
  it("loads no ts-morph, Redocly, marked, YAML or undici", async () => {
    const record = await loaded(["--help"]);
    expect(record).toContain("src/cli/main.ts");
    expect(record).toContain("generated/cli-table.gen.ts");
    expect(record.match(HEAVY_LOAD)).toBeNull();
    expect(record.match(YAML_READ)).toBeNull();
    expect(record.match(UNDICI)).toBeNull();
  });

  it("an operation's --help does load marked and marked-terminal (so the check above can fail)", async () => {
    const record = await loaded(["getNamedTokenStatus", "--help"]);
    expect(record).toMatch(/^load .*node_modules\/marked\//m);
    expect(record).toMatch(/^require .*node_modules\/marked-terminal\//m);
  });
});

describe("--dry-run", () => {
  const { user } = defaultSeedValues;
  const env = () => ({ ONEZONE_HOST: fake.baseUrl, ONEZONE_API_KEY: user.temporaryToken });
  const args = ["getNamedTokenStatus", `id=${user.namedTokenId}`, "X-Trace:1"];

  const extras: [string, string[]][] = [
    ["a token", []],
    ["--verbose", ["--verbose"]],
    ["-u", ["-u", `${user.username}:${user.password}`]],
  ];
  it.each(extras)("with %s loads no undici, nor anything heavy", async (_, extra) => {
    const record = await loaded(["--dry-run", ...args, ...extra], env());
    expect(record).toContain("src/cli/dry-run.ts");
    expect(record).toMatch(/^builtin /m);
    expect(record.match(UNDICI)).toBeNull();
    expect(record.match(HEAVY_LOAD)).toBeNull();
  });

  it("while the same call sent does load undici (so the check above can fail)", async () => {
    const record = await loaded(args, env());
    expect(record).toMatch(UNDICI);
  });
});
