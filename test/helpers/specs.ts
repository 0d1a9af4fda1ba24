// The specs the suites run on, and the code generated from each. A suite that runs on the
// project's spec runs on every spec of SPECS (`describe.each(SPECS)`) and derives what it checks
// from the spec it is given, never from a list of operations of its own.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll } from "vitest";
import type { cliApi, cliOperations } from "../../generated/cli-table.gen.ts";
import type { IndexedOperation } from "../../generated/operation-index.gen.js";
import { ROOT, scriptArgs } from "./processes.ts";

export interface SpecUnderTest {
  /** A short name for test titles: "onezone", "growth". */
  name: string;
  /** The spec's absolute path. */
  path: string;
}

/** The project's spec, whose generated code is committed in generated/. */
export const PROJECT_SPEC = path.join(ROOT, "spec/onezone.yaml");

export const SPECS: readonly SpecUnderTest[] = [
  { name: "onezone", path: PROJECT_SPEC },
  // What the project's spec grows into: bodies of every kind, non-JSON answers, response headers.
  { name: "growth", path: path.join(ROOT, "test/fixtures/growth/openapi.yaml") },
];

/** What `npm run generate` wrote for a spec, read back. */
export interface GeneratedApi {
  /** The directory holding the generated files. */
  dir: string;
  /** operation-index.gen.js's `operationIndex`: each operation's method and path, by name. */
  operationIndex: Readonly<Record<string, IndexedOperation>>;
  /** cli-table.gen.ts's `cliOperations` and `cliApi`. */
  cliOperations: typeof cliOperations;
  cliApi: typeof cliApi;
  /** response-schemas.json, parsed. */
  responseSchemas: Record<string, unknown>;
  /** request-schemas.json, parsed, when the generator writes one. */
  requestSchemas?: Record<string, unknown>;
}

const generated = new Map<string, Promise<GeneratedApi>>();
const temporaryDirs: string[] = [];

afterAll(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The generated code of a spec: generated/ for the project's spec; for any other, what
 * `npm run generate -- --spec <path> --out <dir>` writes into a fresh temporary directory, once per
 * test file (each gets this module afresh). The .gen.ts modules read here import nothing, so they
 * load from anywhere.
 */
export function generatedApi(specPath: string): Promise<GeneratedApi> {
  const key = path.resolve(specPath);
  let api = generated.get(key);
  if (api === undefined) {
    api = readGenerated(key === PROJECT_SPEC ? path.join(ROOT, "generated") : generateInto(key));
    generated.set(key, api);
  }
  return api;
}

async function generateInto(specPath: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "onezone-generated-"));
  temporaryDirs.push(dir);
  try {
    await promisify(execFile)(
      process.execPath,
      scriptArgs("scripts/generate.ts", ["--spec", specPath, "--out", dir]),
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stderr = "" } = error as { stderr?: string };
    throw new Error(`npm run generate -- --spec ${specPath} failed:\n${stderr || error}`);
  }
  return dir;
}

async function readGenerated(where: string | Promise<string>): Promise<GeneratedApi> {
  const dir = await where;
  const load = (file: string) => import(pathToFileURL(path.join(dir, file)).href);
  const json = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const { operationIndex } = await load("operation-index.gen.js");
  const { cliOperations, cliApi } = await load("cli-table.gen.ts");
  return {
    dir,
    operationIndex,
    cliOperations,
    cliApi,
    responseSchemas: json("response-schemas.json"),
    ...(existsSync(path.join(dir, "request-schemas.json"))
      ? { requestSchemas: json("request-schemas.json") }
      : {}),
  };
}
