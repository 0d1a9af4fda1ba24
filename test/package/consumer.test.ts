// Packs the built package, installs the tarball into a fresh project outside the repo and uses it
// the way a user would: type-checked imports of every entry point, a run against the fake
// server, the two bins, and a browser bundle of the client.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../helpers/processes.ts";
import { CONSUMER_OUTPUT, RESOLUTIONS, writeConsumerProject } from "./consumer-project.ts";
import { nodeAtFloor, nodeFloorVersion } from "./node-floor.ts";
import { pack, type Stage, stagePackage } from "./stage.ts";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

describe("the packed package, installed in a fresh project", () => {
  let stage: Stage;
  let project: string;
  /** Each Node the package must run on: the one running the tests, and the oldest it supports. */
  const nodes: Record<string, string> = { current: process.execPath };
  beforeAll(() => {
    nodes.floor = nodeAtFloor();
    stage = stagePackage();
    const built = stage.npm("build");
    if (built.code !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
    const tarball = pack(stage, stage.dir);
    project = mkdtempSync(path.join(tmpdir(), "onezone-client-consumer-"));
    writeConsumerProject(project);
    const installed = run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball],
      project,
    );
    if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
  }, 300_000);
  afterAll(() => {
    for (const dir of [stage?.dir, project]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(RESOLUTIONS))(
    "type-checks under strict settings with %s resolution, misuses included",
    (resolution) => {
      const tsconfig = `tsconfig.${resolution}.json`;
      const checked = run(process.execPath, [TSC, "-p", tsconfig, "--noEmit"], project);
      expect(checked.stdout + checked.stderr).toBe("");
      expect(checked.code).toBe(0);
    },
    60_000,
  );

  const runtimes = [
    ["current", `the Node running the tests (${process.version})`],
    ["floor", `Node ${nodeFloorVersion()}, the oldest engines.node allows`],
  ] as const;

  it.each(runtimes)(
    "runs against the fake server from onezone-client/fake under %s: %s",
    (node) => {
      const compiled = run(process.execPath, [TSC, "-p", "tsconfig.nodenext.json"], project);
      expect(compiled.code, compiled.stdout).toBe(0);
      const ran = run(nodes[node] as string, ["out/consumer.js"], project);
      expect(ran.stderr).toBe("");
      expect(ran.code).toBe(0);
      expect(ran.stdout.trimEnd().split("\n")).toEqual(CONSUMER_OUTPUT);
    },
    60_000,
  );

  it.each(
    runtimes.flatMap(([node, label]) => [
      ["onezone-rest-cli", "Usage: onezone-rest-cli", node, label],
      ["onezone-fake", "Usage: onezone-fake", node, label],
    ]),
  )("installs the %s bin, which prints %j under %s: %s", (name, usage, node) => {
    const bin = path.join(project, "node_modules/.bin", name);
    const help = run(nodes[node] as string, [bin, "--help"], project);
    expect(help.stderr).toBe("");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(usage);
  });

  it("runs the floor Node it says it does", () => {
    const version = run(nodes.floor as string, ["--version"], project);
    expect(version.stdout.trim()).toBe(`v${nodeFloorVersion()}`);
  });

  it("ships the sources its source maps and declaration maps point to", () => {
    const installed = path.join(project, "node_modules/onezone-client");
    const maps = readdirSync(path.join(installed, "dist"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".map"))
      .map((file) => path.join(installed, "dist", file));
    expect(maps.length).toBeGreaterThan(0);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(map, "utf8")) as { sources: string[] };
      return sources
        .map((source) => path.resolve(path.dirname(map), source))
        .filter((source) => !existsSync(source) || !source.startsWith(installed));
    });
    expect(missing).toEqual([]);
  });

  it("bundles the client for the browser without any Node built-in", async () => {
    const result = await build({
      stdin: {
        contents: `import { createOnezoneClient } from "onezone-client";
          createOnezoneClient({ host: "onezone.example.com" }).getNamedTokenStatus({ id: "x" });`,
        resolveDir: project,
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      absWorkingDir: project,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("node_modules/onezone-client/dist/src/client.js");
    // A Node built-in would fail the build for the browser, or show up here as an input.
    expect(inputs.filter((input) => !input.startsWith("node_modules/"))).toEqual(["<stdin>"]);
    for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
      expect(imports.filter((i) => i.external).map((i) => `${input} → ${i.path}`)).toEqual([]);
    }
  });
});
