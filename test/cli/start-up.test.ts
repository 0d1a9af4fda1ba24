// What a run loads, on every spec of SPECS: --help and --dry-run stay light (no ts-morph, Redocly,
// marked or the YAML spec; a dry run not even Node's fetch, undici; ajv only to check a body),
// while the commands that need them load them.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useRecordingSetup } from "../helpers/recording-setup.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { validCall } from "./derive.ts";
import { cliCommand, ROOT } from "./run-cli.ts";

const setup = useRecordingSetup({ scratchPrefix: "onezone-rest-cli-start-up-" });
const { file, scratch } = setup;

const HEAVY_LOAD =
  /^(load|require) .*node_modules\/(ts-morph|@ts-morph|typescript|@redocly|marked|marked-terminal|js-yaml|yaml)\//m;
const YAML_READ = /^read .*\.ya?ml$/m;
/** Node's fetch, Request, Response and Headers all live in this one bundle, loaded on first use. */
const UNDICI = /^builtin NativeModule internal\/deps\/undici\/undici$/m;
const AJV = /^(load|require) .*node_modules\/ajv\//m;

describe.each(SPECS)("on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const [first] = api.cliOperations;
  if (!first) throw new Error(`${spec.name} has no operations`);
  let runs = 0;

  /** The modules and files a run loads, as recorded by record-modules.mjs. */
  function loaded(args: string[], stdin?: string): Promise<string> {
    const record = path.join(scratch, `${spec.name}-${runs++}.txt`);
    const env = { ONEZONE_HOST: setup.server.baseUrl, ONEZONE_API_KEY: "key" };
    return new Promise((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ["--import", "./test/cli/record-modules.mjs", ...cliCommand(api.dir), ...args],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? "", RECORD_MODULES_FILE: record, ...env } },
        (error) => (error ? reject(error) : resolve(readFileSync(record, "utf8"))),
      );
      child.stdin?.end(stdin ?? "");
    });
  }

  describe("--help", () => {
    it("loads no ts-morph, Redocly, marked, YAML, undici or ajv", async () => {
      const record = await loaded(["--help"]);
      expect(record).toMatch(/^load .*\/cli-table\.gen\.ts$/m);
      expect(record.match(HEAVY_LOAD)).toBeNull();
      expect(record.match(YAML_READ)).toBeNull();
      expect(record.match(UNDICI)).toBeNull();
      expect(record.match(AJV)).toBeNull();
    });

    it("an operation's --help does load marked and marked-terminal (so the check above can fail)", async () => {
      const record = await loaded([first.id, "--help"]);
      expect(record).toMatch(/^load .*node_modules\/marked\//m);
      expect(record).toMatch(/^require .*node_modules\/marked-terminal\//m);
    });
  });

  describe("--dry-run", () => {
    for (const op of api.cliOperations) {
      const call = validCall(op, file);
      const body = op.requestBody?.example !== undefined;
      it(`${op.id}: loads no undici, nor anything heavy; ajv only to check its body`, async () => {
        for (const extra of [[], ["--verbose"], ["-u", "user:password"]]) {
          const record = await loaded(["--dry-run", op.id, ...call.words, ...extra], call.stdin);
          expect(record).toMatch(/^load .*\/src\/cli\/dry-run\.ts$/m);
          expect(record.match(UNDICI)).toBeNull();
          expect(record.match(HEAVY_LOAD)).toBeNull();
          expect(AJV.test(record)).toBe(body);
        }
      });
    }

    it("while the same call sent does load undici (so the check above can fail)", async () => {
      const call = validCall(first, file);
      const record = await loaded([first.id, ...call.words], call.stdin);
      expect(record).toMatch(UNDICI);
    });
  });
});
