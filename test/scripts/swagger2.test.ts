// Swagger 2.0 in: a description in the style of Onedata's (test/fixtures/swagger2/, split across
// files) is linted as written, converted to OpenAPI 3.1, and generates code that type-checks; the
// client and the CLI, run on that code, send each of its operations as the 2.0 file describes it.
// Every expectation is read from the 2.0 source itself.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { bundle, createConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load.ts";
import { HTTP_METHODS } from "../../scripts/model.ts";
import { findOperation } from "../../src/cli/operations.ts";
import { createApiClient } from "../../src/client.ts";
import { ROOT, run, runGenerate, scratchDir, scriptArgs, typecheck } from "../helpers/processes.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const FIXTURES = path.join(ROOT, "test/fixtures/swagger2");
const SPEC = path.join(FIXTURES, "swagger.yaml");
const TOKEN = "swagger2-test-token";
/** Runs onezone-rest-cli on another spec's generated code. */
const CLI_ON = path.join(ROOT, "test/cli/cli-on.ts");
/** Each test runs whole processes (generate, tsc, docs, the CLI), slow on a busy 2-core machine. */
const SLOW = { timeout: 120_000 };

type Node = Record<string, unknown>;

/** One operation as the 2.0 source declares it. */
interface SourceOperation {
  id: string;
  method: string;
  path: string;
  node: Node;
  parameters: Node[];
  /** The `in: body` parameter, if any. */
  body: Node | undefined;
  /** The first 2xx status. */
  success: number;
}

/** The 2.0 source, bundled by Redocly but not converted: what every check below is derived from. */
async function readSource(): Promise<{ document: Node; operations: SourceOperation[] }> {
  const config = await createConfig({});
  const { bundle: bundled } = await bundle({ ref: SPEC, config, dereference: true });
  const document = bundled.parsed as Node;
  const operations: SourceOperation[] = [];
  for (const [route, item] of Object.entries(document.paths as Record<string, Node>)) {
    for (const method of HTTP_METHODS) {
      const node = item[method] as Node | undefined;
      if (!node) continue;
      const parameters = [
        ...((item.parameters ?? []) as Node[]),
        ...((node.parameters ?? []) as Node[]),
      ];
      const success = Object.keys(node.responses as Node).find((status) => /^2/.test(status));
      operations.push({
        id: String(node.operationId),
        method,
        path: route,
        node,
        parameters,
        body: parameters.find((p) => p.in === "body"),
        success: Number(success),
      });
    }
  }
  return { document, operations };
}

/** What the CLI, the client and the docs spell a snake_case operationId as: `get_x_y` → `getXY`. */
function camelCased(id: string): string {
  return id.replace(/_([a-z\d])/g, (_, letter: string) => letter.toUpperCase());
}

/** A value of a 2.0 parameter's type, for sending. */
function sample(parameter: Node): string | number {
  return parameter.type === "integer" ? 7 : `${String(parameter.name)}-value`;
}

/** The body to send: the body schema's own example. */
function exampleBody(op: SourceOperation): unknown {
  return (op.body?.schema as Node | undefined)?.example;
}

/** The request target the operation must arrive as, under the 2.0 `basePath`. */
function expectedTarget(basePath: string, op: SourceOperation): string {
  let target = basePath + op.path;
  for (const p of op.parameters.filter((p) => p.in === "path")) {
    target = target.replace(`{${String(p.name)}}`, encodeURIComponent(sample(p)));
  }
  const query = op.parameters
    .filter((p) => p.in === "query")
    .map((p) => `${String(p.name)}=${encodeURIComponent(sample(p))}`);
  return query.length > 0 ? `${target}?${query.join("&")}` : target;
}

let source: Awaited<ReturnType<typeof readSource>>;
let server: RecordingServer;
const dir = scratchDir("swagger2");
const out = path.join(dir, "generated");

beforeAll(async () => {
  source = await readSource();
  server = await startRecordingServer(String(source.document.basePath));
  const generated = runGenerate(["--spec", SPEC, "--out", out]);
  expect(generated.stderr).toBe("");
  expect(generated.code).toBe(0);
});
afterAll(() => server.close());

describe("a split Swagger 2.0 spec", SLOW, () => {
  it("generates code that type-checks", () => {
    const checked = typecheck(dir);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.code).toBe(0);
  });

  it("names functions, index entries and CLI commands by the camelCase of each operationId", async () => {
    const load = (file: string) => import(pathToFileURL(path.join(out, file)).href);
    const functions = await load("operations.gen.ts");
    const { operationIndex } = await load("operation-index.gen.js");
    const { cliOperations } = await load("cli-table.gen.ts");
    expect(source.operations.map((op) => op.id)).toContainEqual(expect.stringMatching(/_/));
    for (const op of source.operations) {
      const name = camelCased(op.id);
      expect(functions[name], name).toBeTypeOf("function");
      expect(operationIndex[name]).toMatchObject({ method: op.method, path: op.path });
      expect(cliOperations.find((cli: Node) => cli.id === op.id)?.name).toBe(name);
    }
    expect(Object.keys(functions).sort()).toEqual(
      source.operations.map((op) => camelCased(op.id)).sort(),
    );
  });

  it("keeps base path, security schemes, bodies, response headers and x-onedata-* extensions", async () => {
    const { document } = await loadSpec(SPEC, ROOT);
    expect(document.openapi).toMatch(/^3\.1\./);
    const servers = document.servers as Node[];
    expect(servers.map((s) => s.url)).toEqual([source.document.basePath]);
    const schemes = (document.components as Node).securitySchemes as Record<string, Node>;
    for (const [name, definition] of Object.entries(
      source.document.securityDefinitions as Record<string, Node>,
    )) {
      expect(schemes[name]).toMatchObject(
        definition.type === "basic"
          ? { type: "http", scheme: "basic" }
          : { type: definition.type, name: definition.name, in: definition.in },
      );
    }
    expect(document.security).toEqual(source.document.security);
    const paths = document.paths as Record<string, Record<string, Node>>;
    for (const op of source.operations) {
      const converted = paths[op.path]?.[op.method] as Node;
      for (const [key, value] of Object.entries(op.node)) {
        if (key.startsWith("x-onedata-")) expect(converted[key], key).toEqual(value);
      }
      const requestBody = converted.requestBody as Node | undefined;
      if (op.body) {
        const consumes = (op.node.consumes ?? source.document.consumes) as string[];
        expect(Object.keys(requestBody?.content as Node)).toEqual(consumes);
        expect(requestBody?.required).toBe(op.body.required === true);
      } else {
        expect(requestBody).toBeUndefined();
      }
      for (const [status, response] of Object.entries(op.node.responses as Record<string, Node>)) {
        const headers = Object.keys((response.headers ?? {}) as Node);
        const convertedResponse = (converted.responses as Record<string, Node>)[status];
        expect(Object.keys((convertedResponse?.headers ?? {}) as Node)).toEqual(headers);
      }
    }
  });

  it("generates the same code from the same spec as one JSON file", async () => {
    const config = await createConfig({});
    const { bundle: bundled } = await bundle({ ref: SPEC, config, dereference: false });
    const single = path.join(dir, "one-file.json");
    writeFileSync(single, JSON.stringify(bundled.parsed, null, 2));
    const singleOut = path.join(scratchDir("swagger2-json"), "generated");
    const result = runGenerate(["--spec", single, "--out", singleOut]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const specName = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
    for (const file of readdirSync(out)) {
      const want = readFileSync(path.join(out, file), "utf8").replaceAll(specName(SPEC), "SPEC");
      const got = readFileSync(path.join(singleOut, file), "utf8").replaceAll(
        specName(single),
        "SPEC",
      );
      expect(got, file).toBe(want);
    }
  });

  it("reports a problem at file:line of the 2.0 file that has it, from generate and lint:spec", () => {
    const broken = scratchDir("swagger2-broken");
    cpSync(FIXTURES, broken, { recursive: true });
    const file = path.join(broken, "paths/named-token-status.yaml");
    const text = readFileSync(file, "utf8");
    const ref = "../parameters.yaml#/id";
    expect(text).toContain(ref);
    writeFileSync(file, text.replace(ref, "../parameters.yaml#/no-such-parameter"));
    const line = text.split("\n").findIndex((l) => l.includes(ref)) + 1;
    const where = new RegExp(
      `^\\s*paths/named-token-status\\.yaml:${line}:\\d+\\s+no-unresolved-refs`,
      "m",
    );

    const generated = runGenerate(["--spec", "swagger.yaml", "--out", "out"], broken);
    expect(generated.code).toBe(1);
    expect(generated.stderr).toMatch(where);
    const linted = run(
      process.execPath,
      scriptArgs("scripts/lint-spec.ts", ["swagger.yaml"]),
      broken,
    );
    expect(linted.code).toBe(1);
    expect(linted.stderr).toMatch(where);
  });

  it("lints clean with lint:spec, as generate lints it", () => {
    const linted = run(process.execPath, scriptArgs("scripts/lint-spec.ts", [SPEC]));
    expect(linted.stderr).toBe("");
    expect(linted.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(linted.code).toBe(0);
  });

  it("builds its reference page with npm run docs", async () => {
    const page = path.join(scratchDir("swagger2-docs"), "index.html");
    await promisify(execFile)(
      process.execPath,
      scriptArgs("scripts/docs.ts", ["--spec", SPEC, "--out", page]),
      {
        cwd: ROOT,
      },
    );
    const html = readFileSync(page, "utf8");
    for (const op of source.operations) expect(html).toContain(String(op.node.summary));
  });
});

describe("the client and the CLI on the code generated from it", SLOW, () => {
  it("the client sends each operation under the base path, with its query, body and credential", async () => {
    const { operationIndex } = await import(
      pathToFileURL(path.join(out, "operation-index.gen.js")).href
    );
    const client = createApiClient(operationIndex, {
      baseUrl: server.baseUrl,
      auth: { token: TOKEN },
    });
    const basePath = String(source.document.basePath);
    for (const op of source.operations) {
      const pathValues = Object.fromEntries(
        op.parameters.filter((p) => p.in === "path").map((p) => [p.name, sample(p)]),
      );
      const query = Object.fromEntries(
        op.parameters.filter((p) => p.in === "query").map((p) => [p.name, sample(p)]),
      );
      const body = exampleBody(op);
      const options = { params: { query }, ...(op.body ? { body } : {}) };
      server.requests.length = 0;
      server.reply({ status: op.success, body: op.success === 200 ? '{"answer":1}' : undefined });
      const args = Object.keys(pathValues).length > 0 ? [pathValues, options] : [options];
      const method = client[camelCased(op.id)];
      if (!method) throw new Error(`The client has no method ${camelCased(op.id)}.`);
      const result = await method(...args);
      expect(result).toEqual(op.success === 200 ? { answer: 1 } : undefined);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(`${request?.method} ${request?.target}`).toBe(
        `${op.method.toUpperCase()} ${expectedTarget(basePath, op)}`,
      );
      expect(request?.headers["x-auth-token"]).toBe(TOKEN);
      if (op.body) {
        expect(request?.headers["content-type"]).toMatch(/^application\/json/);
        expect(JSON.parse(request?.body ?? "")).toEqual(body);
      } else {
        expect(request?.body).toBe("");
      }
    }
  });

  it("the CLI finds each operation by its camelCase name and by its operationId as written", async () => {
    const load = (file: string) => import(pathToFileURL(path.join(out, file)).href);
    const { cliOperations } = await load("cli-table.gen.ts");
    const { operationIndex } = await load("operation-index.gen.js");
    for (const op of source.operations) {
      const byName = findOperation(camelCased(op.id), cliOperations, operationIndex);
      expect(byName).toMatchObject({ id: op.id, method: op.method, path: op.path });
      expect(findOperation(op.id, cliOperations, operationIndex)).toEqual(byName);
      const typo = `${camelCased(op.id)}x`;
      expect(() => findOperation(typo, cliOperations, operationIndex)).toThrow(
        `did you mean ${camelCased(op.id)}?`,
      );
    }
  });

  it("the CLI's help lists each operation by its camelCase name", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI_ON, out, "--help"], {
      cwd: dir,
    });
    for (const op of source.operations) {
      expect(stdout).toContain(`    ${camelCased(op.id)} `);
      expect(stdout).not.toContain(`${op.id} `);
    }
  });

  it.each([
    ["its camelCase name", camelCased],
    ["its operationId as written", (id: string) => id],
  ])("the CLI sends each operation run by %s, with basic auth", async (_, command) => {
    const basePath = String(source.document.basePath);
    for (const op of source.operations) {
      const words = op.parameters
        .filter((p) => p.in === "path" || p.in === "query")
        .map((p) => `${String(p.name)}=${sample(p)}`);
      // Each top-level field of the body as `name:=JSON`, onezone-rest-cli's way to give one.
      const body = exampleBody(op) as Node | undefined;
      const fields = Object.entries(body ?? {}).map(([k, v]) => `${k}:=${JSON.stringify(v)}`);
      server.requests.length = 0;
      server.reply({ status: op.success, body: op.success === 200 ? '{"answer":1}' : undefined });
      const result = await promisify(execFile)(
        process.execPath,
        [
          CLI_ON,
          out,
          "--host",
          server.baseUrl,
          "-u",
          "alice:secret",
          command(op.id),
          ...words,
          ...fields,
        ],
        { cwd: dir, env: { PATH: process.env.PATH ?? "" } },
      ).catch((error: { stderr: string }) => ({ stdout: "", stderr: error.stderr }));
      expect(result.stderr, `${op.id}: ${result.stderr}`).toBe("");
      const [request] = server.requests;
      expect(`${request?.method} ${request?.target}`).toBe(
        `${op.method.toUpperCase()} ${expectedTarget(basePath, op)}`,
      );
      expect(request?.headers.authorization).toBe(`Basic ${btoa("alice:secret")}`);
      if (body) expect(JSON.parse(request?.body ?? "")).toEqual(body);
      if (op.success === 200) expect(JSON.parse(result.stdout)).toEqual({ answer: 1 });
    }
  });
});

describe("operationIds that are one name once camelCased", SLOW, () => {
  it("stop generation, naming both at the lines that declare them", () => {
    const spec = path.join(FIXTURES, "name-collision/swagger.yaml");
    const outDir = path.join(scratchDir("swagger2-collision"), "out");
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, "keep.txt"), "mine");
    const result = runGenerate(["--spec", spec, "--out", outDir]);
    expect(result.code).toBe(1);
    const declared = (file: string, id: string) => {
      const lines = readFileSync(path.join(FIXTURES, "name-collision", file), "utf8").split("\n");
      const line = lines.findIndex((l) => l.trim() === `operationId: ${id}`) + 1;
      expect(line, `${id} in ${file}`).toBeGreaterThan(0);
      return `test/fixtures/swagger2/name-collision/${file}:${line}:`;
    };
    const problem = result.stderr.split("\n").find((l) => l.includes("operation-name-collision"));
    expect(problem?.trim()).toMatch(/^test\/fixtures\/swagger2\/name-collision\/\S+:\d+:\d+ /);
    expect(problem).toContain(declared("me.yaml", "getUser"));
    expect(problem).toContain(declared("swagger.yaml", "get_user"));
    expect(problem).toContain('"get_user"');
    expect(problem).toContain('"getUser"');
    expect(readdirSync(outDir)).toEqual(["keep.txt"]);
  });
});
