// npm run dev's latency, as a maintainer meets it: from writing the spec to the files written
// (dev's "Generated" line on its stdout) and to the page rebuilt (the reload event reaching a
// page that has it open), on our spec under the project's rules and on GitHub's. Each save edits
// info.version. Run: npm run bench (or node bench/dev.bench.ts)
import { type ChildProcess, spawn } from "node:child_process";
import {
  copyFileSync,
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
import { median, ROOT, table, timeProcess, writeSection } from "./report.ts";

/** The goal: regeneration on our spec within this many ms of the save, as a median. */
const GOAL_MS = 200;
/** Bounds each wait: a save of GitHub's spec takes seconds. */
const WAIT_MS = 180_000;
/** Left between saves, so that each save is a run of its own rather than a burst. */
const PAUSE_MS = 300;

interface Subject {
  label: string;
  /** Sets up a directory to run npm run dev in; returns the spec's path relative to it. */
  prepare: (dir: string) => string;
  /** The spec's text after save number `n`. */
  edit: (text: string, n: number) => string;
  saves: number;
}

const subjects: Subject[] = [
  {
    label: "onezone (spec/onezone.yaml, redocly.yaml's rules)",
    // A copy of the project's files, so that its spec gets the project's rules as in the repo.
    prepare: (dir) => {
      mkdirSync(path.join(dir, "spec"));
      copyFileSync(path.join(ROOT, "spec/onezone.yaml"), path.join(dir, "spec/onezone.yaml"));
      copyFileSync(path.join(ROOT, "redocly.yaml"), path.join(dir, "redocly.yaml"));
      symlinkSync(path.join(ROOT, "lint"), path.join(dir, "lint"));
      return "spec/onezone.yaml";
    },
    edit: (text, n) => text.replace(/^( {2}version: )\S+$/m, `$11.0.${n}`),
    saves: 11,
  },
  {
    label: "GitHub (api.github.com.json, minimal rules)",
    prepare: (dir) => {
      const spec = createRequire(import.meta.url).resolve(
        "@octokit/openapi/generated/api.github.com.json",
      );
      copyFileSync(spec, path.join(dir, "api.github.com.json"));
      return "api.github.com.json";
    },
    edit: (text, n) => text.replace(/"version": "[^"]*"/, `"version": "1.0.${n}"`),
    saves: 5,
  },
];

/** dev's line for a run that wrote the files, and for one that did not. */
const GENERATED = /^Generated \d+ files/gm;
const FAILED = /keep the last good version\.$/gm;

interface Latencies {
  files: number[];
  page: number[];
  /** Runs that read a save still being written, failed, and ran again. */
  halfWritten: number;
}

const work = mkdtempSync(path.join(tmpdir(), "onezone-bench-dev-"));

async function main(): Promise<void> {
  const results: Latencies[] = [];
  for (const subject of subjects) results.push(await measure(subject));
  const ms = (values: number[]) => median(values).toFixed(0);
  const range = (values: number[]) =>
    `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  const rows = subjects.map(({ label }, i) => {
    const { files, page, halfWritten } = results[i] ?? { files: [], page: [], halfWritten: 0 };
    const saves = `${files.length}${halfWritten > 0 ? ` (${halfWritten} read half written)` : ""}`;
    return [label, saves, ms(files), range(files), ms(page), range(page)];
  });
  const oursFiles = median(results[0]?.files ?? []);
  for (const [i, { label }] of subjects.entries()) {
    const round = (values: number[] = []) => values.map((ms) => ms.toFixed(0)).join(", ");
    console.log(`${label}: files ${round(results[i]?.files)}; page ${round(results[i]?.page)}`);
  }
  const separate = twoCommands();
  const result = table(
    ["spec", "saves", "save → files (ms)", "range", "save → page (ms)", "range"],
    rows,
  );
  const before = table(
    ["command, as a process", "wall (ms)"],
    separate.map(([command, wall]) => [`\`${command}\``, wall.toFixed(0)]),
  );
  const verdict = `${oursFiles <= GOAL_MS ? "within" : "over"} the ${GOAL_MS} ms goal`;
  console.log(`\nnpm run dev, medians\n${result}\nBefore npm run dev\n${before}\n${verdict}`);
  writeSection(
    "dev",
    [
      "## npm run dev: from a save to the files and the page",
      "",
      "`node bench/dev.bench.ts` starts `npm run dev` (`node scripts/dev.ts --spec <spec> --out",
      "<dir> --port 0`) in a temporary directory, opens the page's event stream as a browser",
      "would, and saves the spec (its `info.version`) a number of times, waiting for each save",
      `to be done and ${PAUSE_MS} ms more. For each save it times, from just before the write:`,
      "",
      "- **save → files**: until dev prints `Generated N files` (lint, bundle, model, emitters",
      "  and the atomic write, in the one process, its modules loaded);",
      "- **save → page**: until the page's event stream announces the new version, when an open",
      "  page reloads. The page is rebuilt in process: build-docs runs once, at start, and each",
      "  save puts the spec into its page, which Redoc renders in the browser.",
      "",
      "Our spec runs in a copy of the project (its spec, `redocly.yaml`, `lint/`), so it gets the",
      `project's rules as in the repository. The goal is save → files within ${GOAL_MS} ms on our`,
      `spec (median): ${verdict}.`,
      "",
      result.trimEnd(),
      "",
      "What a save cost before, as two commands, on our spec (median of 3 runs each):",
      "",
      before,
    ].join("\n"),
  );
}

async function measure(subject: Subject): Promise<Latencies> {
  const dir = mkdtempSync(path.join(work, "spec-"));
  const spec = subject.prepare(dir);
  const specPath = path.join(dir, spec);
  const original = readFileSync(specPath, "utf8");
  const dev = new DevProcess(dir, spec);
  try {
    await dev.waitFor(() => /Serving the reference page at (\S+) /.test(dev.output));
    const url = /Serving the reference page at (\S+) /.exec(dev.output)?.[1] ?? "";
    const versions = await listenForVersions(url, dev);
    // The stream opens with the version on show; saves are timed from there.
    await dev.waitFor(() => versions.latest > 0);
    const latencies: Latencies = { files: [], page: [], halfWritten: 0 };
    for (let n = 1; n <= subject.saves; n++) {
      const generated = count(dev.output, GENERATED);
      const failed = count(dev.output, FAILED);
      const shown = versions.latest;
      const saved = performance.now();
      writeFileSync(specPath, subject.edit(original, n));
      const files = await dev.waitFor(() => count(dev.output, GENERATED) > generated);
      // Each run shows one version of the page: a run that read the save half written shows
      // its banner first, and the rebuilt page is the version after.
      const rebuilt = shown + (count(dev.output, FAILED) - failed) + 1;
      const page = await dev.waitFor(() => versions.latest >= rebuilt);
      latencies.files.push(files - saved);
      latencies.page.push(page - saved);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    versions.close();
    latencies.halfWritten = count(dev.output, FAILED);
    return latencies;
  } finally {
    dev.child.kill("SIGINT");
  }
}

/** The versions the page's event stream announces, as an open page receives them. */
async function listenForVersions(url: string, dev: DevProcess) {
  const controller = new AbortController();
  const response = await fetch(`${url}events`, { signal: controller.signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  const state = { latest: 0, close: () => controller.abort() };
  (async () => {
    let buffered = "";
    for (;;) {
      const { value, done } = (await reader?.read().catch(() => undefined)) ?? { done: true };
      if (done) return;
      buffered += value;
      for (const event of buffered.split("\n\n").slice(0, -1)) {
        state.latest = Number(/^data: (\d+)$/m.exec(event)?.[1] ?? state.latest);
        dev.notify();
      }
      buffered = buffered.slice(buffered.lastIndexOf("\n\n") + 2);
    }
  })();
  return state;
}

class DevProcess {
  readonly child: ChildProcess;
  output = "";
  readonly #waiters = new Set<() => void>();

  constructor(dir: string, spec: string) {
    this.child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts/dev.ts"), "--spec", spec, "--out", "out", "--port", "0"],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        this.output += chunk.toString();
        this.notify();
      });
    }
  }

  notify(): void {
    for (const waiter of this.#waiters) waiter();
  }

  /** Resolves with the time `done()` first holds, checked on each output and event; at most WAIT_MS. */
  waitFor(done: () => boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`npm run dev did not get there in ${WAIT_MS} ms:\n${this.output}`));
      }, WAIT_MS);
      this.#waiters.add(check);
      check();
    });
  }
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** `npm run generate` and `npm run docs` on our spec, each as the process a maintainer ran. */
function twoCommands(): [string, number][] {
  const dir = mkdtempSync(path.join(work, "commands-"));
  const spec = subjects[0]?.prepare(dir) ?? "";
  const commands: [string, string[]][] = [
    ["npm run generate", [path.join(ROOT, "scripts/generate.ts"), "--spec", spec, "--out", "out"]],
    ["npm run docs", [path.join(ROOT, "scripts/docs.ts"), "--spec", spec, "--out", "page.html"]],
  ];
  return commands.map(([label, args]) => {
    const walls = [1, 2, 3].map(() => {
      const timed = timeProcess(process.execPath, args, { cwd: dir });
      if (timed.status !== 0) throw new Error(`${label} exited ${timed.status}: ${timed.stderr}`);
      return timed.wallMs;
    });
    return [label, median(walls)];
  });
}

// Last, once the class above is defined.
try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
