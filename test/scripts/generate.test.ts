import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ROOT, runGenerate, scratchDir, scriptArgs, typecheck } from "../helpers/processes.ts";

const SECOND = path.join(ROOT, "test/fixtures/second");

function hashTree(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    hash.update(name);
    try {
      hash.update(readFileSync(path.join(dir, name)));
    } catch {
      // a directory entry: its name is enough
    }
  }
  return hash.digest("hex");
}

describe("npm run generate on another spec", () => {
  const dir = scratchDir("second");
  const out = path.join(dir, "out");

  it("writes the generated files, which type-check with a consumer", () => {
    const result = runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", out]);
    expect(result.stderr).toMatch(/\d+ warning\(s\) under Redocly's minimal ruleset\./);
    expect(result.code).toBe(0);
    // Every emitter's file, as for the project's own spec.
    expect(readdirSync(out).sort()).toEqual(readdirSync(path.join(ROOT, "generated")).sort());
    const operations = readFileSync(path.join(out, "operations.gen.ts"), "utf8");
    expect(operations).not.toMatch(/from "\.\.\//); // generated code imports only itself and packages
    copyFileSync(path.join(SECOND, "consumer.ts"), path.join(dir, "consumer.ts"));
    const checked = typecheck(dir);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.code).toBe(0);
  });

  it("--check passes on fresh output and names the stale files otherwise", () => {
    const spec = path.join(SECOND, "openapi.yaml");
    expect(runGenerate(["--spec", spec, "--out", out, "--check"]).code).toBe(0);
    writeFileSync(path.join(out, "operations.gen.ts"), "// edited by hand\n");
    writeFileSync(path.join(out, "extra.ts"), "");
    const stale = runGenerate(["--spec", spec, "--out", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("Differs: extra.ts, operations.gen.ts");
    expect(readFileSync(path.join(out, "operations.gen.ts"), "utf8")).toBe("// edited by hand\n");
  });

  it("the same spec gives byte-identical output", () => {
    // Fresh directories: the test above left files in `out` that generate did not write.
    const [first, again] = [path.join(dir, "first"), path.join(dir, "again")];
    expect(runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", first]).code).toBe(0);
    expect(runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", again]).code).toBe(0);
    expect(hashTree(again)).toBe(hashTree(first));
  });
});

describe("the output directory", { timeout: 120_000 }, () => {
  it("is refused, and left as it was, when it holds a file generate did not write", () => {
    const dir = scratchDir("out-dir");
    const out = path.join(dir, "mydir");
    mkdirSync(out);
    writeFileSync(path.join(out, "notes.txt"), "my notes");
    const result = runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(out, "notes.txt")}  not-generated`);
    expect(result.stderr).toContain(`${out} was left unchanged.`);
    expect(readdirSync(dir)).toEqual(["mydir"]);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("my notes");
  });

  it("is regenerated in place when it holds only what generate wrote before", () => {
    const out = path.join(scratchDir("out-again"), "out");
    const mini = path.join(ROOT, "test/fixtures/mini/openapi.yaml");
    expect(runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", out]).code).toBe(0);
    const again = runGenerate(["--spec", mini, "--out", out]);
    expect(again.code, again.stderr).toBe(0);
    expect(runGenerate(["--spec", mini, "--out", out, "--check"]).code).toBe(0);
  });
});

describe("a spec split across files", () => {
  it("brings the other files' schemas in, as types and as response schemas", () => {
    const out = path.join(scratchDir("split"), "out");
    const spec = path.join(ROOT, "test/fixtures/split/openapi.yaml");
    const result = runGenerate(["--spec", spec, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const types = readFileSync(path.join(out, "schema.d.ts"), "utf8");
    expect(types).toMatch(/Sprocket: \{\s+teeth: number;\s+\};/);
    expect(types).toContain('sprockets: components["schemas"]["Sprocket"][];');
    const schemas = JSON.parse(readFileSync(path.join(out, "response-schemas.json"), "utf8"));
    expect(JSON.stringify(schemas)).not.toContain("schemas.yaml");
    const checked = typecheck(out);
    expect(checked.stdout + checked.stderr).toBe("");
  });
});

describe("V8's compile cache", () => {
  it("is kept in the temporary directory, and a run that finds it gives the same files", () => {
    const dir = scratchDir("compile-cache");
    // Not NODE_COMPILE_CACHE: that would turn the cache on whether generate does or not.
    const env = { ...process.env, TMPDIR: dir, NODE_COMPILE_CACHE: "" };
    const generateInto = (out: string) =>
      spawnSync(process.execPath, scriptArgs("scripts/generate.ts", ["--out", out]), { env });
    expect(generateInto(path.join(dir, "cold")).status).toBe(0);
    const cache = path.join(dir, "node-compile-cache");
    const cached = readdirSync(cache, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .reduce((bytes, entry) => bytes + statSync(path.join(entry.parentPath, entry.name)).size, 0);
    expect(cached).toBeGreaterThan(1_000_000); // TypeScript's compiled code alone is several MB
    expect(generateInto(path.join(dir, "warm")).status).toBe(0);
    expect(hashTree(path.join(dir, "warm"))).toBe(hashTree(path.join(dir, "cold")));
  });
});

describe("a JSON spec", () => {
  it("gives the same code as the same spec in YAML", () => {
    const dir = scratchDir("json-yaml");
    const document = parseYaml(readFileSync(path.join(SECOND, "openapi.yaml"), "utf8"));
    writeFileSync(path.join(dir, "openapi.json"), JSON.stringify(document, null, 2));
    copyFileSync(path.join(SECOND, "openapi.yaml"), path.join(dir, "openapi.yaml"));
    for (const format of ["json", "yaml"]) {
      const result = runGenerate(["--spec", `openapi.${format}`, "--out", format], dir);
      expect(result.code, result.stderr).toBe(0);
    }
    for (const file of readdirSync(path.join(dir, "yaml"))) {
      const fromYaml = readFileSync(path.join(dir, "yaml", file), "utf8");
      const fromJson = readFileSync(path.join(dir, "json", file), "utf8");
      expect(fromJson.replaceAll("openapi.json", "openapi.yaml"), file).toBe(fromYaml);
    }
  });

  it("is parsed by Redocly, as YAML is: a repeated key is refused where it repeats", () => {
    const dir = scratchDir("json");
    const spec = {
      openapi: "3.1.0",
      info: { title: "Repeated keys", version: "1" },
      paths: {
        "/a": {
          get: {
            operationId: "first",
            responses: { "204": { description: "Nothing." } },
          },
        },
      },
    };
    const text = JSON.stringify(spec, null, 2).replace(
      '"operationId": "first",',
      '"operationId": "first",\n        "operationId": "getA",',
    );
    const repeatLine = text.split("\n").findIndex((line) => line.includes('"getA"')) + 1;
    writeFileSync(path.join(dir, "repeated.json"), text);
    const result = runGenerate(["--spec", "repeated.json", "--out", "out"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^ {2}repeated\\.json:${repeatLine}:\\d+ {2}yaml-syntax {2}duplicated mapping key`,
        "m",
      ),
    );
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });
});

describe("a spec that cannot be generated from", () => {
  const cases = [
    [
      "invalid YAML",
      "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get: [oops\n",
      /bad\.yaml:8:1 {2}yaml-syntax/,
    ],
    [
      "an unresolvable $ref",
      "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Nope'\n",
      /bad\.yaml:10:\d+ {2}no-unresolved-refs/,
    ],
    [
      "Swagger 1.2",
      "swagger: '1.2'\ninfo:\n  title: x\n  version: '1'\npaths: {}\n",
      /bad\.yaml:1:1 {2}unsupported-version/,
    ],
    ["an empty file", "", /bad\.yaml:1:1 {2}empty-file/],
  ] as const;

  it.each(cases)(
    "%s: exits non-zero with file:line and leaves the output as it was",
    (_, text, problem) => {
      const dir = scratchDir("bad");
      const out = path.join(dir, "out");
      expect(runGenerate(["--spec", path.join(SECOND, "openapi.yaml"), "--out", out]).code).toBe(0);
      const before = hashTree(out);
      writeFileSync(path.join(dir, "bad.yaml"), text);
      const result = runGenerate(["--spec", path.join(dir, "bad.yaml"), "--out", out], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(problem);
      expect(result.stderr).toContain("out was left unchanged.");
      expect(hashTree(out)).toBe(before);
    },
  );

  it("the spec redocly.yaml lists is held to its rules; any other spec to `minimal`", () => {
    const dir = scratchDir("project");
    cpSync(path.join(ROOT, "lint"), path.join(dir, "lint"), { recursive: true });
    copyFileSync(path.join(ROOT, "redocly.yaml"), path.join(dir, "redocly.yaml"));
    mkdirSync(path.join(dir, "spec"));
    const spec = readFileSync(path.join(ROOT, "spec/onezone.yaml"), "utf8");
    const unsummarised = spec.replace("      summary: Get named token status\n", "");
    expect(unsummarised).not.toBe(spec);
    writeFileSync(path.join(dir, "spec/onezone.yaml"), unsummarised);
    writeFileSync(path.join(dir, "foreign.yaml"), unsummarised);

    // Reported at the operation's method, the line above its operationId: findIndex counts from
    // 0, so it gives that line's number.
    const lines = unsummarised.split("\n");
    const methodLine = lines.findIndex((line) => line.includes("operationId: getNamedTokenStatus"));
    const own = runGenerate(["--spec", "spec/onezone.yaml", "--out", "out"], dir);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(
      new RegExp(`^ {2}spec/onezone\\.yaml:${methodLine}:\\d+ {2}operation-summary {2}`, "m"),
    );
    const foreign = runGenerate(["--spec", "foreign.yaml", "--out", "out"], dir);
    expect(foreign.stderr).toMatch(/under Redocly's minimal ruleset/);
    expect(foreign.code).toBe(0);
  });

  it("unknown flags are usage errors", () => {
    const result = runGenerate(["--sepc", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--sepc'");
  });
});
