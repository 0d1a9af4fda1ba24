// Type-check cost: what `tsc --noEmit` pays for each tool's output, and what the call sites of a
// consumer cost, on GitHub's spec and synthetic specs of 1,000 and 5,000 operations. Per spec:
// openapi-typescript's types alone, our whole output, hey-api's and orval's, the tools taking
// turns; then a file of 50 calls through our client against the same calls through openapi-fetch.
// Run: npm run bench:setup && node bench/typecheck.bench.ts
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { heyApi, orval, type Peer, requirePeers, version } from "./peers/peers.ts";
import { median, ROOT, ratio, seconds, table, timeProcess, writeSection } from "./report.ts";
import { syntheticSpec } from "./synthetic-spec.ts";
import { consumerFiles } from "./typecheck-consumer.ts";
import type { Sites } from "./typecheck-sites.ts";

requirePeers();

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TS_VERSION = (require("typescript/package.json") as { version: string }).version;
const SITES = path.join(ROOT, "bench/typecheck-sites.ts");
const GITHUB_SPEC = require.resolve("@octokit/openapi/generated/api.github.com.json");
/** What a user's strict project checks with; `skipLibCheck: false` checks every file it loads. */
const COMPILER_OPTIONS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  // As tsconfig.json: src/ uses ES2024 string methods.
  lib: ["ES2023", "ES2024.String", "DOM", "DOM.Iterable"],
  types: [],
  noEmit: true,
  skipLibCheck: false,
  // The copy of src/ that the consumer of our client imports uses .ts specifiers.
  allowImportingTsExtensions: true,
};
const CALLS = 50;
/** A peer that generates nothing within this is left out of the spec's table. */
const PEER_GENERATE_TIMEOUT_MS = 150_000;
const TSC_TIMEOUT_MS = 600_000;
/** A check that takes longer than this once is not repeated: its noise is small beside it. */
const REPEAT_UNDER_MS = 60_000;

interface Spec {
  label: string;
  file: string;
  rounds: number;
}

/** One measurement per round: a whole `tsc` run, or one consumer file's call sites. */
interface Target {
  label: string;
  measure: () => Run;
  runs: Run[];
  stopped?: string;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  instantiations: number;
  /** What `--extendedDiagnostics` prints; absent for call sites. */
  checkMs?: number;
  memoryKb?: number;
  /** Errors the compiler reported, by file. */
  errors: Map<string, number>;
}

interface Prepared {
  projects: Target[];
  sites: Target[];
  notes: string[];
}

const work = mkdtempSync(path.join(tmpdir(), "onezone-bench-typecheck-"));
try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function main(): Promise<void> {
  // Every project below finds openapi-fetch (and nothing else) here, as a user's would.
  symlinkSync(path.join(ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
  const specs: Spec[] = [
    { label: "GitHub (api.github.com.json)", file: GITHUB_SPEC, rounds: 3 },
    { label: "synthetic, 1,000 operations", file: writeSynthetic(1000), rounds: 5 },
    { label: "synthetic, 5,000 operations", file: writeSynthetic(5000), rounds: 5 },
  ];
  const sections: string[] = [];
  for (const spec of specs) {
    const started = performance.now();
    const prepared = await prepare(spec);
    for (let round = 0; round < spec.rounds; round++) {
      // Targets take turns within a round, so a busy spell on the machine hits them alike.
      for (const target of [...prepared.projects, ...prepared.sites]) {
        const first = target.runs[0];
        if (target.stopped || (first && first.wallMs > REPEAT_UNDER_MS)) continue;
        const run = target.measure();
        console.log(
          `  ${target.label}: ${seconds(run.wallMs)} s, ${run.instantiations.toLocaleString("en")} instantiations`,
        );
        target.runs.push(run);
      }
      console.log(`${spec.label}: round ${round + 1} of ${spec.rounds} done`);
    }
    const section = report(spec, prepared);
    console.log(`\n${section}\n(${seconds(performance.now() - started)} s for this spec)\n`);
    sections.push(section);
  }
  writeSection("typecheck", [intro(), ...sections].join("\n"));
}

/** Generates each tool's output for the spec and writes the projects that check it. */
async function prepare(spec: Spec): Promise<Prepared> {
  const dir = path.join(work, path.basename(spec.file, ".json"));
  const ours = path.join(dir, "ours");
  const generated = timeProcess(
    process.execPath,
    [path.join(ROOT, "scripts/generate.ts"), "--spec", spec.file, "--out", `${ours}/generated`],
    { timeoutMs: TSC_TIMEOUT_MS },
  );
  if (generated.status !== 0) {
    throw new Error(`generate failed on ${spec.label}:\n${generated.stderr}${generated.stdout}`);
  }
  // Any error in our output fails the benchmark; the peers' are counted.
  const everywhere = () => true;
  const typesAlone = { files: ["generated/schema.d.ts"] };
  const wholeOutput = { include: ["generated/**/*.ts"] };
  // What a user of the types pays before a call: openapi-fetch's declarations are checked too.
  writeFileSync(path.join(ours, "openapi-fetch.ts"), 'import type {} from "openapi-fetch";\n');
  const typesAndFetch = { files: ["generated/schema.d.ts", "openapi-fetch.ts"] };
  const projects = [
    projectTarget("openapi-typescript's types alone (schema.d.ts)", ours, typesAlone, everywhere),
    projectTarget("ours, whole output (generated/*.ts)", ours, wholeOutput, everywhere),
    projectTarget("the types and openapi-fetch's declarations", ours, typesAndFetch, everywhere),
  ];
  const notes: string[] = [];
  for (const peer of [heyApi, orval]) {
    const out = path.join(dir, peer.package.replace(/\W/g, "-"));
    const failure = generatePeer(peer, spec.file, out);
    if (failure) notes.push(`${peer.package} ${version(peer)} generated nothing: ${failure}.`);
    else {
      const label = `${peer.package} ${version(peer)}, whole output`;
      projects.push(projectTarget(label, out, { include: ["**/*.ts"] }, () => false));
    }
  }

  // The consumer of our client imports a copy of src/, which finds the output in ../generated.
  cpSync(path.join(ROOT, "src"), path.join(ours, "src"), { recursive: true });
  const document = JSON.parse(readFileSync(spec.file, "utf8")) as Record<string, unknown>;
  const index = path.join(ours, "generated/operation-index.gen.js");
  const { files } = await consumerFiles(document, index, CALLS);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(ours, name), text);
  const sites = [
    sitesTarget(`${CALLS} calls through our client (createOnezoneClient)`, ours, "client-calls.ts"),
    sitesTarget(
      `${CALLS} calls through openapi-fetch (createClient<paths>)`,
      ours,
      "fetch-calls.ts",
    ),
  ];
  return { projects, sites, notes };
}

/** `tsc -p` over the files, with `--extendedDiagnostics`; an error in a file `failsOn` accepts fails the benchmark. */
function projectTarget(
  label: string,
  cwd: string,
  inputs: object,
  failsOn: (file: string) => boolean,
): Target {
  const tsconfig = writeTsconfig(cwd, label, inputs);
  const target: Target = { label, runs: [], measure };
  return target;

  function measure(): Run {
    // Wall and CPU from a plain run, as a user's `tsc` pays them: `--extendedDiagnostics` adds work
    // of its own (it counts every file's lines), the more the bigger the output.
    const timed = runTsc([]);
    const diagnostics = runTsc(["--extendedDiagnostics"]);
    const stat = (name: string) => {
      const match = diagnostics.stdout.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"));
      if (!match) throw new Error(`tsc printed no "${name}" for ${label}:\n${diagnostics.stdout}`);
      return Number(match[1]);
    };
    const errors = new Map<string, number>();
    for (const [, file = ""] of timed.stdout.matchAll(/^(.+?)\(\d+,\d+\): error TS\d+/gm)) {
      if (failsOn(file))
        throw new Error(`tsc found errors in ${file} (${label}):\n${timed.stdout}`);
      errors.set(file, (errors.get(file) ?? 0) + 1);
    }
    return {
      wallMs: timed.wallMs,
      cpuMs: timed.cpuMs,
      checkMs: stat("Check time") * 1000,
      instantiations: stat("Instantiations"),
      memoryKb: stat("Memory used"),
      errors,
    };
  }

  function runTsc(options: string[]) {
    const timed = timeProcess(
      process.execPath,
      [TSC, "-p", tsconfig, "--pretty", "false", ...options],
      {
        cwd,
        timeoutMs: TSC_TIMEOUT_MS,
      },
    );
    if (timed.timedOut) target.stopped = `stopped after ${TSC_TIMEOUT_MS / 1000} s`;
    return timed;
  }
}

/** The call sites of one consumer file (bench/typecheck-sites.ts); an error in that file fails the benchmark. */
function sitesTarget(label: string, cwd: string, file: string): Target {
  const tsconfig = writeTsconfig(cwd, label, { files: [file] });
  return {
    label,
    runs: [],
    measure: () => {
      const timed = timeProcess(process.execPath, [SITES, tsconfig, file], {
        cwd,
        timeoutMs: TSC_TIMEOUT_MS,
      });
      if (timed.status !== 0) throw new Error(`${SITES} failed on ${label}:\n${timed.stderr}`);
      const sites = JSON.parse(timed.stdout) as Sites;
      if (sites.errors[file]) throw new Error(`${file} does not type-check (${label})`);
      return { ...sites, errors: new Map(Object.entries(sites.errors)) };
    },
  };
}

function writeTsconfig(cwd: string, label: string, inputs: object): string {
  const tsconfig = path.join(cwd, `tsconfig.${label.replace(/\W+/g, "-")}.json`);
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, ...inputs }));
  return tsconfig;
}

/** Runs the peer's CLI; says why when it failed. */
function generatePeer(peer: Peer, spec: string, out: string): string | undefined {
  mkdirSync(out, { recursive: true });
  const timed = timeProcess(process.execPath, [peer.bin, ...peer.args(spec, out)], {
    timeoutMs: PEER_GENERATE_TIMEOUT_MS,
  });
  if (timed.timedOut) return `stopped after ${PEER_GENERATE_TIMEOUT_MS / 1000} s`;
  if (timed.status !== 0) return `exit ${timed.status}`;
  return undefined;
}

function medianOf(
  target: Target | undefined,
  key: "wallMs" | "cpuMs" | "checkMs" | "instantiations" | "memoryKb",
): number {
  return median(target?.runs.map((run) => run[key] ?? Number.NaN) ?? []);
}

function errorCount(target: Target): string {
  const errors = target.runs[0]?.errors;
  return String([...(errors?.values() ?? [])].reduce((sum, n) => sum + n, 0));
}

function report(spec: Spec, { projects, sites, notes }: Prepared): string {
  const [types, ours, typesAndFetch] = projects;
  const hey = projects.find((target) => target.label.startsWith(heyApi.package));
  const [client, direct] = sites;
  const wall = (target: Target) =>
    target.stopped ? `> ${TSC_TIMEOUT_MS / 1000} (stopped)` : seconds(medianOf(target, "wallMs"));
  const count = (value: number) => Math.round(value).toLocaleString("en");
  const goal = (value: string, limit: number) =>
    `${value} (goal ≤ ${limit}: ${Number(value) <= limit ? "met" : "not met"})`;
  const outside = sites.flatMap((target) => [...(target.runs[0]?.errors.keys() ?? [])]);
  return [
    `### ${spec.label}`,
    "",
    table(
      [
        "tsc over",
        "wall (s)",
        "CPU (s)",
        "check (s)",
        "instantiations",
        "memory (MB)",
        "× types alone",
        "runs",
        "errors",
      ],
      projects.map((target) => [
        target.label,
        wall(target),
        seconds(medianOf(target, "cpuMs")),
        seconds(medianOf(target, "checkMs")),
        count(medianOf(target, "instantiations")),
        count(medianOf(target, "memoryKb") / 1024),
        ratio(medianOf(target, "wallMs"), medianOf(types, "wallMs")),
        String(target.runs.length),
        errorCount(target),
      ]),
    ),
    table(
      [
        "call sites",
        "check wall (ms)",
        "check CPU (ms)",
        "instantiations",
        "× openapi-fetch (CPU)",
        "runs",
      ],
      sites.map((target) => [
        target.label,
        count(medianOf(target, "wallMs")),
        count(medianOf(target, "cpuMs")),
        count(medianOf(target, "instantiations")),
        ratio(medianOf(target, "cpuMs"), medianOf(direct, "cpuMs")),
        String(target.runs.length),
      ]),
    ),
    `- Ours against hey-api's whole output (wall): ${hey ? goal(ratio(medianOf(ours, "wallMs"), medianOf(hey, "wallMs")), 1) : "no hey-api output"}; against the types alone: ${goal(ratio(medianOf(ours, "wallMs"), medianOf(types, "wallMs")), 2)}.`,
    `- Ours against the types and openapi-fetch's declarations (wall), what a user of openapi-fetch checks before writing a call: ${ratio(medianOf(ours, "wallMs"), medianOf(typesAndFetch, "wallMs"))}.`,
    `- Call sites through our client against openapi-fetch directly (CPU): ${goal(ratio(medianOf(client, "cpuMs"), medianOf(direct, "cpuMs")), 1.2)}.`,
    ...(outside.length > 0
      ? [
          `- Errors outside the consumer files, in the copy of src/ (it names Onezone's own schemas): ${[...new Set(outside)].join(", ")}.`,
        ]
      : []),
    ...notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
}

function intro(): string {
  return [
    "## Type-check cost",
    "",
    `\`node bench/typecheck.bench.ts\`, TypeScript ${TS_VERSION}, with \`strict\`, \`noUncheckedIndexedAccess\`,`,
    "`skipLibCheck: false` (every file loaded is checked, openapi-fetch's declarations too) and",
    "Bundler resolution. The checks of a spec take turns within each round; cells are medians. A",
    `check over ${REPEAT_UNDER_MS / 1000} s is run once. "× types alone" is of wall times.`,
    "",
    "- **tsc over** a project: `tsc -p <project>` (the project sets `noEmit`), timed as a process",
    "  (wall, and CPU from `/proc`); then again with `--extendedDiagnostics`, for the check time,",
    "  instantiations and memory it prints (its own line counting is left out of the wall time).",
    "  **Types alone**: our output's `schema.d.ts` (openapi-typescript's); **ours**: every `.ts` and",
    "  `.d.ts` that `npm run generate -- --spec <spec> --out <dir>` writes; **hey-api**: `openapi-ts",
    "  -c @hey-api/client-fetch`'s whole output; **orval**: `--client fetch`'s `api.ts`. **The types and",
    "  openapi-fetch's declarations**: `schema.d.ts` and a file that imports openapi-fetch, whose",
    "  declarations any client over these types loads (ours too): checking them is a fixed cost.",
    `- **Call sites**: a file of ${CALLS} calls, picked evenly from the operations that need only their path`,
    "  parameters, through `createOnezoneClient` (a copy of src/ beside the generated directory) and",
    "  through openapi-fetch's `createClient<paths>`. `bench/typecheck-sites.ts` checks every other",
    "  file of the program first, then times checking that file alone: what an editor pays again",
    "  while the file is typed in.",
    "",
    "What keeps ours low (scripts/emit/client-types.ts, operations.ts and operation-index.ts): each",
    "operation is one line of `OperationTypes`, naming its path template and method in `paths`, its",
    "body's media types and its 2xx answers; generic types (`Entry`) work out its parameters, body",
    "and answers only where a call uses them, and read an entry through `infer`, so that no",
    "declaration makes the compiler look at every operation at once. The client's methods are a",
    "mapped type over `OperationTypes`; each operation function is typed by an alias of it; the",
    "CLI table is JSON text, and the operation index plain JavaScript typed in one line",
    "(operation-index.gen.d.ts), not thousands of object literals. What is left over the types",
    "alone: checking openapi-fetch's declarations (a fixed cost, its own row), and reading and",
    "checking a few lines per operation.",
    "",
  ].join("\n");
}

function writeSynthetic(operations: number): string {
  const file = path.join(work, `synthetic-${operations}.json`);
  writeFileSync(file, `${JSON.stringify(syntheticSpec(operations))}\n`);
  return file;
}
