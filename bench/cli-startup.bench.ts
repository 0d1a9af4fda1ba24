// CLI start-up: median wall time of the compiled onezone-rest-cli for `--help` and for a
// `--dry-run` call, against `node -e 0`. Run: npm run bench
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { median, ROOT, table, timeProcess, writeSection } from "./report.ts";

const RUNS = 21;
const GOAL = 1.5;
const ENV = {
  ...process.env,
  ONEZONE_HOST: "onezone.example.com",
  ONEZONE_API_KEY: "bench-secret",
  NO_COLOR: "1",
};

const { main, source } = compiledCli();
const commands: [string, string[]][] = [
  ["node -e 0", ["-e", "0"]],
  // Node loads its fetch (undici) on first use of fetch, Request, Response or Headers; a dry run
  // does not, and this row shows what that spares it.
  ["node -e \"new Request('https://x/')\"", ["-e", "new Request('https://x/')"]],
  ["onezone-rest-cli --help", [main, "--help"]],
  [
    "onezone-rest-cli getNamedTokenStatus id=x --dry-run",
    [main, "getNamedTokenStatus", "id=x", "--dry-run"],
  ],
  ["onezone-rest-cli getNamedTokenStatus --help", [main, "getNamedTokenStatus", "--help"]],
];

const samples = commands.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let run = 0; run < RUNS; run++) {
  for (const [i, [label, args]] of commands.entries()) {
    const timed = timeProcess(process.execPath, args, { env: ENV });
    if (timed.status !== 0) throw new Error(`${label} exited ${timed.status}: ${timed.stderr}`);
    if (timed.stdout.includes("bench-secret")) throw new Error(`${label} printed the API key.`);
    samples[i]?.wall.push(timed.wallMs);
    samples[i]?.cpu.push(timed.cpuMs);
  }
}
const baseline = median(samples[0]?.wall ?? []);
const rows = commands.map(([label], i) => {
  const wall = median(samples[i]?.wall ?? []);
  const ratio = wall / baseline;
  return [
    `\`${label}\``,
    wall.toFixed(0),
    median(samples[i]?.cpu ?? []).toFixed(0),
    ratio.toFixed(2),
    label.startsWith("node") ? "" : ratio <= GOAL ? "yes" : "no",
  ];
});
const result = table(["command", "wall (ms)", "CPU (ms)", "× node -e 0", `within ${GOAL}×`], rows);
console.log(`\nCLI start-up, medians of ${RUNS} runs\n${result}`);
writeSection(
  "cli-startup",
  [
    "## CLI start-up",
    "",
    `Each command run ${RUNS} times as \`node <compiled main.js> ...\` (the commands take turns),`,
    "with ONEZONE_HOST and ONEZONE_API_KEY set; medians of wall and CPU time (CPU from `/proc`,",
    `10 ms resolution). Goal: within ${GOAL}× \`node -e 0\`. The CLI measured: ${source}.`,
    "The second row is what a command pays that touches fetch, `Request`, `Response` or `Headers`:",
    "Node loads its fetch implementation (undici) on first use. A dry run touches none of them.",
    "",
    result,
  ].join("\n"),
);

/** dist/src/cli/main.js when `npm run build` is newer than its inputs, else a fresh build. */
function compiledCli(): { main: string; source: string } {
  const dist = path.join(ROOT, "dist/src/cli/main.js");
  if (existsSync(dist) && newestSource() <= statSync(dist).mtimeMs) {
    return { main: dist, source: "dist/src/cli/main.js from `npm run build`" };
  }
  // Under node_modules/ so that the built files resolve the project's dependencies.
  const outDir = path.join(ROOT, "node_modules/.cache/onezone-bench/dist");
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, "tools/build.ts"), "--out-dir", outDir],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (built.status !== 0) {
    throw new Error(`tools/build.ts failed:\n${built.stdout}${built.stderr}`);
  }
  return {
    main: path.join(outDir, "src/cli/main.js"),
    source:
      "dist/ was missing or older than its inputs, so `npm run build` (tools/build.ts) built it into a temporary directory",
  };
}

function newestSource(): number {
  const walk = (dir: string): number[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [statSync(full).mtimeMs];
    });
  return Math.max(
    ...walk(path.join(ROOT, "src")),
    ...walk(path.join(ROOT, "generated")),
    statSync(path.join(ROOT, "tools/build.ts")).mtimeMs,
  );
}
