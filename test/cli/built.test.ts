// `npm run build` bundles the CLI into one file (with the project's generated code); the bundle
// must do exactly what the sources do: every command path, its lazily loaded parts (marked,
// marked-terminal, the client) included, for each operation of the project's spec.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOperations } from "../../generated/cli-table.gen.ts";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";
import { run, scratchDir } from "../helpers/processes.ts";
import { validCall } from "./derive.ts";
import { type CliResult, ROOT, runCli } from "./run-cli.ts";

const { user } = defaultSeedValues;
let outDir: string;
let fake: FakeOnezone;
beforeAll(async () => {
  // Inside the repository, so that the bundle's package imports resolve its node_modules.
  outDir = scratchDir("cli-build");
  const built = run(process.execPath, ["tools/build.ts", "--out-dir", outDir]);
  if (built.code !== 0) throw new Error(`tools/build.ts failed:\n${built.stdout}${built.stderr}`);
  fake = await startFakeOnezone();
}, 120_000);
afterAll(async () => {
  await fake?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function runBuilt(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(outDir, "src/cli/main.js"), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env } },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Without the Date header --verbose shows, which is the second's. */
function stable(result: CliResult): CliResult {
  return { ...result, stderr: result.stderr.replace(/^< Date: .*\n/m, "") };
}

describe("the built onezone-rest-cli", () => {
  const [first] = cliOperations;
  const withPath = cliOperations.find((op) => op.parameters.some((p) => p.in === "path"));
  const withoutBody = cliOperations.find((op) => op.requestBody === null);
  const pathName = withPath?.parameters.find((p) => p.in === "path")?.name;
  const commands: [string, string[]][] = [
    ["--help", ["--help"]],
    ["an operation's --help", [first?.id ?? "", "--help"]],
    ["completion", ["completion", "bash"]],
    ["--about", ["--about"]],
    ["--version", ["-V"]],
  ];
  for (const op of cliOperations) {
    const { words } = validCall(op, "unused");
    commands.push(
      [`a call of ${op.id}`, [op.id, ...words]],
      [`${op.id} --verbose`, [op.id, ...words, "-v"]],
    );
  }
  if (withPath) {
    const others = validCall(withPath, "unused").words.filter((w) => !w.startsWith(`${pathName}=`));
    commands.push(
      [
        "--dry-run --verbose",
        [withPath.id, ...others, `${pathName}=a b/é`, "X-Trace:1", "--dry-run", "-v"],
      ],
      ["a usage error", [withPath.id, ...others, `${pathName}=..`]],
    );
  }
  if (withoutBody) {
    commands.push([
      "a body for an operation without one",
      [withoutBody.id, "name==x", "flags:=[1]"],
    ]);
  }
  it.each(commands)("prints what the sources print for %s", async (_, args) => {
    const env = { ONEZONE_HOST: fake.baseUrl, ONEZONE_API_KEY: user.temporaryToken };
    const built = stable(await runBuilt(args, env));
    expect(built.stdout + built.stderr).not.toBe("");
    expect(built).toEqual(stable(await runCli(args, env)));
  });

  it("is one module with a source map that names the sources", () => {
    const cli = path.join(outDir, "src/cli");
    const scripts = readdirSync(cli).filter((file) => /\.js(\.map)?$/.test(file));
    expect(scripts.sort()).toEqual(["main.js", "main.js.map"]);
    const map = JSON.parse(readFileSync(path.join(cli, "main.js.map"), "utf8"));
    const sources = map.sources as string[];
    const files = sources.map((source) => path.relative(ROOT, path.resolve(cli, source)));
    expect(files).toContain("src/cli/main.ts");
    expect(files).toContain("src/cli/dry-run.ts");
    expect(files.filter((file) => !/^(src|generated)\//.test(file))).toEqual([]);
  });
});
