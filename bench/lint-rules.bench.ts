// What each docs rule added for issue 17 costs on GitHub's REST API spec (1,223 operations, 13
// MB): the spec linted with the base rules of redocly.yaml alone (recommended-strict and the
// docs-completeness rules), then with each new rule added, then with all of them. Each lint runs
// in a fresh Node process, as every `npm run lint:spec` does, so one-time costs (the spelling
// dictionary) count. No rule may make the lint more than 20% slower.
// Run: node bench/lint-rules.bench.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BaseResolver,
  createConfig,
  lintDocument,
  parseYaml,
  type RawUniversalConfig,
} from "@redocly/openapi-core";
import { median, ROOT, type SectionId, table, timeProcess, writeSection } from "./report.ts";

const GITHUB_SPEC = createRequire(import.meta.url).resolve(
  "@octokit/openapi/generated/api.github.com.json",
);
const CONFIG_PATH = path.join(ROOT, "redocly.yaml");
/** The rules issue 17 added; the rest of redocly.yaml is the base they are measured against. */
const NEW_RULES = [
  "onezone-docs/error-example-matches-status",
  "onezone-docs/code-sample-matches-operation",
  "onezone-docs/sample-json-parses",
  "onezone-docs/spelling",
  "onezone-docs/deprecated-names-replacement",
  "rule/schema-items-only-on-arrays",
];
const RUNS = 5;
const BUDGET = 0.2;
const SECTION: string = "lint-rules";

interface Measured {
  wallMs: number;
  cpuMs: number;
  problems: Record<string, number>;
}

if (process.argv[2] === "--measure") {
  console.log(JSON.stringify(await measure(process.argv.slice(3))));
} else {
  main();
}

/** redocly.yaml with, of the new rules, only the `kept` ones. */
function configWith(kept: string[]): RawUniversalConfig {
  const raw = parseYaml(readFileSync(CONFIG_PATH, "utf8")) as RawUniversalConfig & {
    apis?: unknown;
    rules: Record<string, unknown>;
  };
  delete raw.apis;
  raw.rules = Object.fromEntries(
    Object.entries(raw.rules).filter(([id]) => !NEW_RULES.includes(id) || kept.includes(id)),
  );
  return raw;
}

/** In a fresh process: parse the spec (untimed), then time one lint of it. */
async function measure(kept: string[]): Promise<Measured> {
  const config = await createConfig(configWith(kept), { configPath: CONFIG_PATH });
  const resolver = new BaseResolver(config.resolve);
  const document = await resolver.resolveDocument(null, GITHUB_SPEC, true);
  if (!("parsed" in document)) throw document;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const found = await lintDocument({ document, config, externalRefResolver: resolver });
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const problems: Record<string, number> = {};
  for (const { ruleId } of found) problems[ruleId] = (problems[ruleId] ?? 0) + 1;
  return { wallMs, cpuMs: (user + system) / 1000, problems };
}

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const configs = [
    { label: "base rules alone", kept: [] as string[] },
    ...NEW_RULES.map((rule) => ({ label: `+ ${rule}`, kept: [rule] })),
    { label: "+ all of them (redocly.yaml)", kept: NEW_RULES },
  ];
  const runs = configs.map(() => [] as Measured[]);
  for (let round = 0; round < RUNS; round++) {
    // Configurations take turns within a round, so a busy spell on the machine hits them alike.
    for (const [i, { kept }] of configs.entries()) {
      const timed = timeProcess(process.execPath, [self, "--measure", ...kept]);
      if (timed.status !== 0)
        throw new Error(`lint with ${kept.join(", ") || "the base"} failed:\n${timed.stderr}`);
      runs[i]?.push(JSON.parse(timed.stdout) as Measured);
    }
    console.log(`round ${round + 1} of ${RUNS} done`);
  }
  const summaries = runs.map((measured) => ({
    wall: median(measured.map((m) => m.wallMs)),
    cpu: median(measured.map((m) => m.cpuMs)),
    fastest: Math.min(...measured.map((m) => m.cpuMs)),
    problems: measured[0]?.problems ?? {},
  }));
  const base = summaries[0] ?? {
    wall: Number.NaN,
    cpu: Number.NaN,
    fastest: Number.NaN,
    problems: {},
  };
  const ms = (value: number) => String(Math.round(value));
  const percent = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;
  const over: string[] = [];
  const rows = configs.map(({ label, kept }, i) => {
    const { wall, cpu, fastest, problems } = summaries[i] ?? base;
    const share = (fastest - base.fastest) / base.fastest;
    if (kept.length === 1 && share > BUDGET) over.push(`${label} (${percent(share)})`);
    const own = kept.length === 1 ? String(problems[kept[0] ?? ""] ?? 0) : "";
    return [
      label,
      `${ms(wall)} / ${ms(cpu)}`,
      ms(fastest),
      i === 0 ? "" : `${ms(fastest - base.fastest)} (${percent(share)})`,
      i === 0 ? String(Object.values(problems).reduce((a, b) => a + b, 0)) : own,
    ];
  });
  const result = table(
    [
      "rules",
      "lint (ms), median wall / CPU",
      "fastest CPU (ms)",
      "cost (ms CPU)",
      "problems (the rule's own)",
    ],
    rows,
  );
  console.log(`\nDocs rules on GitHub's spec\n${result}`);
  const markdown = [
    "## Docs rules on GitHub's spec",
    "",
    "What each rule added for issue 17 (lint/rules/, and the configurable",
    "`rule/schema-items-only-on-arrays`) costs on GitHub's REST API spec (`api.github.com.json`,",
    "1,223 operations): the spec linted with redocly.yaml's base rules alone (recommended-strict",
    "and the docs-completeness rules), with each new rule added, and with all of them. Each lint",
    `runs in a fresh process (\`node bench/lint-rules.bench.ts\`), parsing untimed; ${RUNS} runs each,`,
    "the configurations taking turns. A rule's cost is the CPU time its fastest run takes over",
    "the base's fastest (the fastest run is the one other processes disturbed least; medians are",
    `shown too); none may add more than ${BUDGET * 100}%.`,
    "",
    result,
  ].join("\n");
  // writeSection rewrites BENCHMARKS.md with only the sections bench/report.ts lists, so it is
  // called only once that list has this one.
  if (readFileSync(path.join(ROOT, "bench/report.ts"), "utf8").includes(`"${SECTION}"`)) {
    writeSection(SECTION as SectionId, markdown);
  } else {
    console.error(
      `bench/report.ts lists no "${SECTION}" section yet, so BENCHMARKS.md is left as it is.`,
    );
  }
  if (over.length > 0) {
    console.error(`Over the ${BUDGET * 100}% budget: ${over.join(", ")}.`);
    process.exitCode = 1;
  }
}
