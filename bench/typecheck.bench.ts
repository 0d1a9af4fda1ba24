// Type-check cost: what `tsc --noEmit` pays for each tool's output, and at the call sites of a
// consumer, on GitHub's spec and synthetic specs of 1,000 and 5,000 operations. Measured per
// spec: openapi-typescript's types alone, our whole output, hey-api's, orval's; and a file of
// 50 calls through our client against the same calls through openapi-fetch directly.
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

requirePeers();

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TS_VERSION = (require("typescript/package.json") as { version: string }).version;
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
  // The copy of src/ that the consumers of our client import uses .ts specifiers.
  allowImportingTsExtensions: true,
};
const CALLS = 50;
/** A peer that generates nothing within this is left out of the spec's table. */
const PEER_GENERATE_TIMEOUT_MS = 90_000;
const TSC_TIMEOUT_MS = 600_000;
/** A check that takes longer than this once is not repeated: its noise is small beside it. */
const REPEAT_UNDER_MS = 60_000;

interface Spec {
  label: string;
  file: string;
  rounds: number;
}

interface Target {
  label: string;
  dir: string;
  tsconfig: string;
  /** Whether an error reported in this file (relative to `dir`) fails the benchmark. */
  failsOn: (file: string) => boolean;
  runs: Run[];
  stopped?: string;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  checkMs: number;
  instantiations: number;
  memoryKb: number;
  /** Errors tsc reported, by file. */
  errors: Map<string, number>;
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
    { label: "GitHub (api.github.com.json)", file: GITHUB_SPEC, rounds: 2 },
    { label: "synthetic, 1,000 operations", file: writeSynthetic(1000), rounds: 3 },
    { label: "synthetic, 5,000 operations", file: writeSynthetic(5000), rounds: 1 },
  ];
  const sections: string[] = [];
  for (const spec of specs) {
    const started = performance.now();
    const { targets, notes } = await prepare(spec);
    for (let round = 0; round < spec.rounds; round++) {
      // Targets take turns within a round, so a busy spell on the machine hits them alike.
      for (const target of targets) {
        const first = target.runs[0];
        if (target.stopped || (first && first.wallMs > REPEAT_UNDER_MS)) continue;
        check(target);
      }
      console.log(`${spec.label}: round ${round + 1} of ${spec.rounds} done`);
    }
    const section = report(spec, targets, notes);
    console.log(`\n${section}\n(${seconds(performance.now() - started)} s for this spec)\n`);
    sections.push(section);
  }
  writeSection("typecheck", [intro(), ...sections].join("\n"));
}

/** Generates each tool's output for the spec and writes the projects that check it. */
async function prepare(spec: Spec): Promise<{ targets: Target[]; notes: string[] }> {
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
  cpSync(path.join(ROOT, "src"), path.join(ours, "src"), { recursive: true });
  const document = JSON.parse(readFileSync(spec.file, "utf8")) as Record<string, unknown>;
  const consumers = await consumerFiles(
    document,
    path.join(ours, "generated/operation-index.gen.ts"),
    CALLS,
  );
  for (const [name, text] of Object.entries(consumers.files)) {
    writeFileSync(path.join(ours, name), text);
  }

  const everything = () => true;
  const only = (file: string) => (errorFile: string) => errorFile === file;
  const targets: Target[] = [
    target(
      "openapi-typescript's types alone (schema.d.ts)",
      ours,
      { files: ["generated/schema.d.ts"] },
      everything,
    ),
    target(
      "ours, whole output (generated/*.ts)",
      ours,
      { include: ["generated/**/*.ts"] },
      everything,
    ),
  ];
  const notes: string[] = [];
  for (const peer of [heyApi, orval]) {
    const out = path.join(dir, peer.package.replace(/\W/g, "-"));
    const failure = generatePeer(peer, spec.file, out);
    if (failure) notes.push(`${peer.package} ${version(peer)} generated nothing: ${failure}.`);
    else {
      const label = `${peer.package} ${version(peer)}, whole output`;
      targets.push(target(label, out, { include: ["**/*.ts"] }, () => false));
    }
  }
  for (const [name, label] of [
    ["client-none.ts", "our client, no calls (createOnezoneClient)"],
    ["client-calls.ts", `our client, ${CALLS} calls`],
    ["fetch-none.ts", "openapi-fetch directly, no calls (createClient<paths>)"],
    ["fetch-calls.ts", `openapi-fetch directly, ${CALLS} calls`],
  ] as const) {
    targets.push(target(label, ours, { files: [name] }, only(name)));
  }
  return { targets, notes };
}

function target(
  label: string,
  dir: string,
  inputs: { files?: string[]; include?: string[] },
  failsOn: (file: string) => boolean,
): Target {
  const tsconfig = path.join(dir, `tsconfig.${label.replace(/\W+/g, "-")}.json`);
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, ...inputs }));
  return { label, dir, tsconfig, failsOn, runs: [] };
}

/** Runs the peer's CLI; says why when it wrote no TypeScript. */
function generatePeer(peer: Peer, spec: string, out: string): string | undefined {
  mkdirSync(out, { recursive: true });
  const timed = timeProcess(process.execPath, [peer.bin, ...peer.args(spec, out)], {
    timeoutMs: PEER_GENERATE_TIMEOUT_MS,
  });
  if (timed.timedOut) return `stopped after ${PEER_GENERATE_TIMEOUT_MS / 1000} s`;
  if (timed.status !== 0) return `exit ${timed.status}`;
  return undefined;
}

/** One `tsc -p` of the target, with `--extendedDiagnostics`. */
function check(target: Target): void {
  const timed = timeProcess(
    process.execPath,
    [TSC, "-p", target.tsconfig, "--extendedDiagnostics", "--pretty", "false"],
    { cwd: target.dir, timeoutMs: TSC_TIMEOUT_MS },
  );
  if (timed.timedOut) {
    target.stopped = `stopped after ${TSC_TIMEOUT_MS / 1000} s`;
    return;
  }
  const stat = (name: string) => {
    const match = timed.stdout.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"));
    if (!match) throw new Error(`tsc printed no "${name}" for ${target.label}:\n${timed.stdout}`);
    return Number(match[1]);
  };
  const errors = new Map<string, number>();
  for (const [, file = ""] of timed.stdout.matchAll(/^(.+?)\(\d+,\d+\): error TS\d+/gm)) {
    if (target.failsOn(file)) {
      throw new Error(`tsc found errors in ${file} (${target.label}):\n${timed.stdout}`);
    }
    errors.set(file, (errors.get(file) ?? 0) + 1);
  }
  console.log(
    `  ${target.label}: ${seconds(timed.wallMs)} s, ${stat("Instantiations").toLocaleString("en")} instantiations`,
  );
  target.runs.push({
    wallMs: timed.wallMs,
    cpuMs: timed.cpuMs,
    checkMs: stat("Check time") * 1000,
    instantiations: stat("Instantiations"),
    memoryKb: stat("Memory used"),
    errors,
  });
}

function medianOf(target: Target | undefined, key: Exclude<keyof Run, "errors">): number {
  return median(target?.runs.map((run) => run[key]) ?? []);
}

function report(spec: Spec, targets: Target[], notes: string[]): string {
  const [types, ours, ...rest] = targets;
  const find = (label: string) => targets.find((t) => t.label.startsWith(label));
  const hey = find(heyApi.package);
  const rows = targets.map((t) => [
    t.label,
    t.stopped ? `> ${TSC_TIMEOUT_MS / 1000} (stopped)` : seconds(medianOf(t, "wallMs")),
    seconds(medianOf(t, "cpuMs")),
    seconds(medianOf(t, "checkMs")),
    medianOf(t, "instantiations").toLocaleString("en"),
    Math.round(medianOf(t, "memoryKb") / 1024).toLocaleString("en"),
    ratio(medianOf(t, "wallMs"), medianOf(types, "wallMs")),
    String(t.runs.length),
    errorCount(t),
  ]);
  const added = (calls: Target | undefined, none: Target | undefined) => ({
    checkMs: medianOf(calls, "checkMs") - medianOf(none, "checkMs"),
    instantiations: medianOf(calls, "instantiations") - medianOf(none, "instantiations"),
  });
  const client = added(find(`our client, ${CALLS}`), find("our client, no"));
  const direct = added(
    find(`openapi-fetch directly, ${CALLS}`),
    find("openapi-fetch directly, no"),
  );
  const goal = (value: string, limit: number) =>
    `${value} (goal ≤ ${limit}: ${Number(value) <= limit ? "met" : "not met"})`;
  const untyped = rest.filter((t) => t.label.includes("client") && errorCount(t) !== "0");
  return [
    `### ${spec.label}`,
    "",
    table(
      [
        "checked",
        "wall (s)",
        "CPU (s)",
        "check (s)",
        "instantiations",
        "memory (MB)",
        "× types alone",
        "runs",
        "errors",
      ],
      rows,
    ),
    `- Ours against hey-api's whole output, wall: ${hey ? goal(ratio(medianOf(ours, "wallMs"), medianOf(hey, "wallMs")), 1) : "no hey-api output"}; against the types alone: ${goal(ratio(medianOf(ours, "wallMs"), medianOf(types, "wallMs")), 2)}.`,
    `- What the ${CALLS} call sites add (with calls − without): through our client ${seconds(client.checkMs)} s of check time and ${client.instantiations.toLocaleString("en")} instantiations; through openapi-fetch directly ${seconds(direct.checkMs)} s and ${direct.instantiations.toLocaleString("en")}. Ours against openapi-fetch, check time: ${goal(ratio(client.checkMs, direct.checkMs), 1.2)}; instantiations: ${ratio(client.instantiations, direct.instantiations)}.`,
    ...(untyped.length > 0
      ? [
          `- The errors of the client rows are in the copy of src/, outside the consumer files: ${[...new Set(untyped.flatMap((t) => [...(t.runs[0]?.errors.keys() ?? [])]))].join(", ")} (the runtime reads names of Onezone's own schema).`,
        ]
      : []),
    ...notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
}

function errorCount(target: Target): string {
  const errors = target.runs[0]?.errors;
  return String([...(errors?.values() ?? [])].reduce((sum, n) => sum + n, 0));
}

function intro(): string {
  return [
    "## Type-check cost",
    "",
    `\`node bench/typecheck.bench.ts\`: \`tsc -p <project> --noEmit --extendedDiagnostics\` (TypeScript ${TS_VERSION})`,
    "over what each tool generates, with `strict`, `noUncheckedIndexedAccess`, `skipLibCheck: false`",
    "(every loaded file is checked, openapi-fetch's declarations included), Bundler resolution.",
    "Per spec, the checks take turns within each round; cells are medians (wall and CPU of the",
    "`tsc` process; check time, instantiations and memory as `--extendedDiagnostics` prints",
    `them). A check over ${REPEAT_UNDER_MS / 1000} s is run once. "× types alone" is of wall times.`,
    "",
    "- **types alone**: our output's `schema.d.ts`, which is openapi-typescript's.",
    "- **ours**: every `.ts` that `npm run generate -- --spec <spec> --out <dir>` writes.",
    `- **hey-api**: \`openapi-ts -c @hey-api/client-fetch\`'s whole output; **orval**: \`--client fetch\`'s \`api.ts\`.`,
    `- **consumers**: a file of ${CALLS} calls, picked evenly from the operations that need only their path`,
    "  parameters, through `createOnezoneClient` (a copy of src/ beside the generated directory)",
    "  and through `createClient<paths>` of openapi-fetch directly; each also without its calls,",
    "  so that the difference is what the call sites cost: what an editor pays while typing.",
    "",
  ].join("\n");
}

function writeSynthetic(operations: number): string {
  const file = path.join(work, `synthetic-${operations}.json`);
  writeFileSync(file, `${JSON.stringify(syntheticSpec(operations))}\n`);
  return file;
}
