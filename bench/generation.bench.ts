// Generation, side by side, each tool as a whole process: our `npm run generate` (lint, types,
// wrappers, CLI table) against @hey-api/openapi-ts (SDK with its fetch client) and orval (fetch
// client), on our spec, GitHub's and synthetic specs of 10 to 5,000 operations. Then the
// type-check of our output for GitHub's spec, and what each lint rule costs on it.
// Run: npm run bench:setup && npm run bench
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  BaseResolver,
  createConfig,
  type Document,
  detectSpec,
  lintDocument,
  type RawUniversalConfig,
} from "@redocly/openapi-core";
import { resolveLintConfig } from "../scripts/load.ts";
import { heyApi, orval, requirePeers, version } from "./peers/peers.ts";
import {
  median,
  ROOT,
  ratio,
  seconds,
  type Timed,
  table,
  timeProcess,
  writeSection,
} from "./report.ts";
import { syntheticSpec } from "./synthetic-spec.ts";

requirePeers();

/** Rule costs below this are within the run-to-run noise of the lint-rule table. */
const NOISE_MS = 100;
/** A peer run past this is stopped and reported as slower than it. */
const TIMEOUT_MS = 60_000;
/** Where `npm run generate` keeps V8's compiled code: module.enableCompileCache()'s default. */
const OUR_CACHE = process.env.NODE_COMPILE_CACHE || path.join(tmpdir(), "node-compile-cache");
const GITHUB_SPEC = createRequire(import.meta.url).resolve(
  "@octokit/openapi/generated/api.github.com.json",
);

interface Spec {
  label: string;
  file: string;
  runs: number;
}

interface Tool {
  name: string;
  command: (spec: string, out: string) => string[];
  /** Runs untimed before each of the tool's runs. */
  before?: () => void;
  /** A file every successful run writes, relative to its output directory. */
  writes: string;
}

interface Result {
  wall: number[];
  cpu: number[];
  /** Why the runs stopped early, if they did. */
  stopped?: string;
}

const work = mkdtempSync(path.join(tmpdir(), "onezone-bench-generation-"));
try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const ours = (spec: string, out: string) => [
    path.join(ROOT, "scripts/generate.ts"),
    ...["--spec", spec, "--out", out],
  ];
  // Untimed: fills the caches every later run of `ours` finds, as a user's second run would.
  timeProcess(process.execPath, ours("spec/onezone.yaml", path.join(work, "warm-up")));
  const tools: Tool[] = [
    { name: "ours", command: ours, writes: "operations.gen.ts" },
    {
      name: "ours, first run",
      command: ours,
      before: () => rmSync(OUR_CACHE, { recursive: true, force: true }),
      writes: "operations.gen.ts",
    },
    {
      name: `hey-api ${version(heyApi)}`,
      command: (spec, out) => [
        heyApi.bin,
        ...["-i", spec, "-o", out, "-c", "@hey-api/client-fetch", "--no-log-file", "-s"],
      ],
      writes: "sdk.gen.ts",
    },
    {
      name: `orval ${version(orval)}`,
      command: (spec, out) => [
        orval.bin,
        ...["--input", spec, "--output", path.join(out, "api.ts"), "--client", "fetch"],
      ],
      writes: "api.ts",
    },
  ];
  const specs: Spec[] = [
    { label: "onezone (spec/onezone.yaml)", file: path.join(ROOT, "spec/onezone.yaml"), runs: 5 },
    { label: "GitHub (api.github.com.json)", file: GITHUB_SPEC, runs: 3 },
    ...[10, 100, 1000, 5000].map((operations) => ({
      label: `synthetic, ${operations} operations`,
      file: writeSynthetic(operations),
      runs: operations >= 1000 ? 3 : 5,
    })),
  ];

  const rows: string[][] = [];
  for (const spec of specs) {
    const results = tools.map((): Result => ({ wall: [], cpu: [] }));
    let operations = 0;
    for (let run = 0; run < spec.runs; run++) {
      // Tools take turns within a round, so a busy spell on the machine hits them alike.
      for (const [i, tool] of tools.entries()) {
        const result = results[i] as Result;
        if (result.stopped) continue;
        const out = path.join(work, "out", String(i));
        rmSync(out, { recursive: true, force: true });
        tool.before?.();
        const timed = timeProcess(process.execPath, tool.command(spec.file, out), {
          timeoutMs: TIMEOUT_MS,
        });
        const failure = checkRun(timed, out, tool);
        if (failure !== undefined) {
          if (i <= 1) throw new Error(`${tool.name} failed on ${spec.label}: ${failure}`);
          result.stopped = failure;
          continue;
        }
        result.wall.push(timed.wallMs);
        result.cpu.push(timed.cpuMs);
        if (i === 0) operations = countOperations(out);
        if (i === 0 && spec.file === GITHUB_SPEC && run === spec.runs - 1) {
          // Kept for the type-check below.
          cpSync(out, path.join(work, "github", "generated"), { recursive: true });
        }
      }
      console.log(`${spec.label}: round ${run + 1} of ${spec.runs} done`);
    }
    rows.push(row(spec, operations, results));
  }

  const header = [
    "spec",
    "operations",
    ...tools.map((tool) => `${tool.name} (s)`),
    `ours / ${tools[2]?.name}`,
    `ours / ${tools[3]?.name}`,
  ];
  const generation = table(header, rows);
  console.log(`\nGeneration: median wall time / median CPU time, in seconds\n${generation}`);

  const typecheck = typecheckGithubOutput();
  console.log(typecheck);
  const lintCosts = await lintRuleCosts();
  console.log(lintCosts);

  writeSection(
    "generation",
    [
      "## Generation",
      "",
      "Each tool runs as a whole process (`node <its CLI>`), writing into an empty temporary",
      "directory; the tools take turns within each round. Cells are `median wall time / median",
      "CPU time` in seconds (CPU = user + system, children included); ratios are of median wall",
      "times, below 1 meaning ours is faster. Runs: 5 per spec under 1,000 operations, 3 from",
      `1,000 up; a peer run past ${TIMEOUT_MS / 1000} s is stopped, and later rounds skip it.`,
      "",
      "- **ours**: `node scripts/generate.ts --spec <spec> --out <dir>`, which is what",
      "  `npm run generate` runs: Redocly lint and bundle, then openapi-typescript's types and",
      "  the other emitters, on one thread. V8's compile cache (`module.enableCompileCache()`, in",
      "  the temporary directory) is warm, as on every run but the first.",
      "- **ours, first run**: the same with that cache removed before each run.",
      `- **hey-api**: \`openapi-ts -i <spec> -o <dir> -c @hey-api/client-fetch\` (types, SDK and`,
      "  its fetch client).",
      "- **orval**: `orval --input <spec> --output <dir>/api.ts --client fetch`.",
      "",
      "Synthetic specs come from `bench/synthetic-spec.ts` (N/5 resources with list, create, get,",
      "update and delete; every 200 response has an example).",
      "",
      generation,
      typecheck,
      lintCosts,
    ].join("\n"),
  );
}

function checkRun(timed: Timed, out: string, tool: Tool): string | undefined {
  if (timed.timedOut) return `stopped after ${TIMEOUT_MS / 1000} s`;
  if (timed.status !== 0) {
    const reason = `${timed.stderr}${timed.stdout}`.trim().split("\n").slice(-3).join(" ");
    return `exit ${timed.status}: ${reason}`;
  }
  try {
    readFileSync(path.join(out, tool.writes));
  } catch {
    return `exited 0 but wrote no ${tool.writes}`;
  }
  return undefined;
}

function row(spec: Spec, operations: number, results: Result[]): string[] {
  const cell = (result: Result) =>
    result.wall.length === 0
      ? `> ${TIMEOUT_MS / 1000} (${result.stopped?.startsWith("stopped") ? "stopped" : "failed"})`
      : `${seconds(median(result.wall))} / ${seconds(median(result.cpu))}`;
  const ours = median(results[0]?.wall ?? []);
  const versus = (result: Result | undefined) =>
    result === undefined || result.wall.length === 0
      ? `< ${ratio(ours, TIMEOUT_MS)}`
      : ratio(ours, median(result.wall));
  return [
    spec.label,
    operations.toLocaleString("en"),
    ...results.map(cell),
    versus(results[2]),
    versus(results[3]),
  ];
}

function countOperations(out: string): number {
  const source = readFileSync(path.join(out, "operations.gen.ts"), "utf8");
  return source.match(/^export function /gm)?.length ?? 0;
}

function writeSynthetic(operations: number): string {
  const file = path.join(work, `synthetic-${operations}.json`);
  writeFileSync(file, `${JSON.stringify(syntheticSpec(operations), null, 2)}\n`);
  return file;
}

/** `tsc --noEmit` under strict settings over our output for GitHub's spec (one run). */
function typecheckGithubOutput(): string {
  const dir = path.join(work, "github");
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const compilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: [],
    noEmit: true,
    skipLibCheck: false,
  };
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const results = [
    ["all generated files", ["generated/**/*"]],
    ["all but operations.gen.ts", ["generated/**/*"], ["generated/operations.gen.ts"]],
  ].map(([label, include, exclude = []]) => {
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions, include, exclude }),
    );
    const timed = timeProcess(process.execPath, [tsc, "-p", dir], { timeoutMs: 600_000 });
    if (timed.status !== 0) {
      throw new Error(`tsc found errors in our GitHub output:\n${timed.stdout}${timed.stderr}`);
    }
    return [String(label), `${seconds(timed.wallMs)} / ${seconds(timed.cpuMs)}`];
  });
  return [
    "### Type-checking our output for GitHub's spec",
    "",
    "`tsc --noEmit` with `strict`, `noUncheckedIndexedAccess` and `skipLibCheck: false`, one run",
    "each, over the files of the last run above; errors fail the benchmark.",
    "",
    table(["files checked", "tsc (s), wall / CPU"], results),
  ].join("\n");
}

/**
 * What each rule of the foreign-spec lint costs on GitHub's spec: the spec is parsed once, then
 * linted with no rules (the walk alone), with each rule of `minimal` alone, and with whole rulesets.
 */
async function lintRuleCosts(): Promise<string> {
  const resolver = new BaseResolver();
  const parseTimes: number[] = [];
  let document: Document | undefined;
  for (let run = 0; run < 3; run++) {
    const fresh = new BaseResolver();
    const started = performance.now();
    const parsed = await fresh.resolveDocument(null, GITHUB_SPEC, true);
    parseTimes.push(performance.now() - started);
    if (!("parsed" in parsed)) throw parsed;
    document = parsed;
  }
  const doc = document as Document;
  const lintMs = async (config: Awaited<ReturnType<typeof createConfig>>) => {
    const times: number[] = [];
    let problems = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      problems = (await lintDocument({ document: doc, config, externalRefResolver: resolver }))
        .length;
      times.push(performance.now() - started);
    }
    return { ms: median(times), problems };
  };
  const raw = (config: RawUniversalConfig) => createConfig(config);
  const walk = await lintMs(await raw({ extends: [], rules: {} }));
  const specVersion = detectSpec(doc.parsed);
  const minimal = await raw({ extends: ["minimal"] });
  const ruleRows: [string, number, number][] = [];
  for (const [rule, setting] of Object.entries(minimal.rules[specVersion] ?? {})) {
    const severity = typeof setting === "string" ? setting : setting?.severity;
    if (severity === "off" || severity === undefined) continue;
    const cost = await lintMs(await raw({ extends: [], rules: { [rule]: setting } }));
    ruleRows.push([rule, cost.ms - walk.ms, cost.problems]);
  }
  ruleRows.sort((a, b) => b[1] - a[1]);
  const before = await lintMs(
    await raw({
      extends: ["minimal"],
      rules: { "operation-operationId-unique": "error", "path-parameters-defined": "error" },
    }),
  );
  const now = await lintMs((await resolveLintConfig(GITHUB_SPEC)).config);
  const ms = (value: number) => String(Math.round(value));
  return [
    "### Lint rules on GitHub's spec",
    "",
    "In-process, medians of 3 runs, in ms. Parsing the 13 MB spec with Redocly's YAML parser",
    `(${ms(median(parseTimes))} ms) is left out: it is done once whatever the rules. A rule's cost`,
    `is its lint time alone minus the walk with no rules; differences under ${NOISE_MS} ms are noise.`,
    "",
    table(
      ["ruleset", "lint (ms)", "problems"],
      [
        ["walk only, no rules", ms(walk.ms), String(walk.problems)],
        [
          "`minimal` + operationId-unique, path-parameters-defined as errors (before)",
          ms(before.ms),
          String(before.problems),
        ],
        [
          "the same less no-invalid-media-type-examples (generate's now)",
          ms(now.ms),
          String(now.problems),
        ],
      ],
    ),
    table(
      ["rule of `minimal`", "cost (ms)", "problems"],
      ruleRows.map(([rule, cost, problems]) => [
        rule,
        cost < NOISE_MS ? `< ${NOISE_MS}` : ms(cost),
        String(problems),
      ]),
    ),
  ].join("\n");
}
