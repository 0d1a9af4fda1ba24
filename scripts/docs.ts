// npm run docs [-- --spec <file>] [--out <file>]: spec → lint + bundle → Redocly build-docs → one
// HTML page that makes no request to any other host when opened (dist/docs/index.html).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { loadSpec } from "./load.ts";
import { buildModel } from "./model.ts";
import { SpecError } from "./spec-error.ts";
import { replaceAtomically } from "./write.ts";

const USAGE = `Usage: npm run docs -- [--spec <file>] [--out <file>]

  --spec <file>  OpenAPI 3.0/3.1 or Swagger 2.0 file to document (default: spec/onezone.yaml)
  --out <file>   HTML file to write (default: dist/docs/index.html)
  --help         show this help`;

const REDOCLY_CLI = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/**
 * Redoc 3 always shows Redocly's logo in the sidebar from its CDN; each is swapped for an
 * inline SVG of the same word so the page stays self-contained and keeps the attribution.
 */
const CDN_LOGOS: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": svgDataUri(56, "Redocly"),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": svgDataUri(14, "R"),
};

/** Ends every page docs writes: a file at --out without it is someone else's, never replaced. */
const PAGE_MARK = "<!-- Built by npm run docs from the spec: rebuild it, do not edit it. -->\n";

/** Refuses an --out that exists and is not a page docs wrote, before anything is built. */
function assertOurs(out: string): void {
  if (!existsSync(out)) return;
  let text = "";
  try {
    text = readFileSync(out, "utf8");
  } catch {
    // A directory or an unreadable file: not ours either.
  }
  if (!text.endsWith(PAGE_MARK)) {
    throw new Error(
      `${out} exists and is not a page npm run docs built; it was left unchanged. Choose another --out.`,
    );
  }
}

/** Builds the page in memory; the spec must pass the project's lint rules first. */
async function buildDocs(specPath: string): Promise<string> {
  const { document } = await loadSpec(specPath);
  return renderPage(document);
}

/** The page of a bundled spec, rendered by Redocly's build-docs (a process of its own). */
export async function renderPage(document: Record<string, unknown>): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), "onezone-docs-"));
  try {
    const bundled = path.join(work, "openapi.json");
    const redocOptions = path.join(work, "redoc-options.json");
    const page = path.join(work, "index.html");
    writeFileSync(bundled, JSON.stringify(document));
    writeFileSync(redocOptions, JSON.stringify(redocOptionsFor(document)));
    await runRedocly([
      "build-docs",
      bundled,
      "--inlineBundle",
      "--openapi",
      redocOptions,
      "-o",
      page,
    ]);
    return selfContained(readFileSync(page, "utf8"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Redoc 3 shows only the code samples whose label is among `codeSamples.languages` (by default
 * curl, JavaScript, Python, …), so every label the spec uses is listed, in first-use order.
 */
export function redocOptionsFor(document: Record<string, unknown>): Record<string, unknown> {
  const languages = new Map<string, { lang: string; label: string }>();
  for (const operation of buildModel(document).operations) {
    for (const { lang, label } of operation.codeSamples) {
      if (!languages.has(label)) languages.set(label, { lang, label });
    }
  }
  return { codeSamples: { languages: [...languages.values()] } };
}

async function runRedocly(args: string[]): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [REDOCLY_CLI, ...args], {
      // Off: the CLI's own usage report, and the page's reports from every reader's browser.
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
    throw new Error(`redocly ${args[0]} failed:\n${stderr || stdout || String(error)}`);
  }
}

function selfContained(html: string): string {
  let page = html;
  for (const [url, replacement] of Object.entries(CDN_LOGOS)) {
    if (!page.includes(url)) {
      throw new Error(
        `build-docs output no longer contains ${url}; check what the page now loads from other hosts (test/docs/page.test.ts) and update CDN_LOGOS in scripts/docs.ts.`,
      );
    }
    page = page.replaceAll(url, replacement);
  }
  const external = /<(?:script|link|img)\b[^>]*\b(?:src|href)="(?:https?:)?\/\/[^"]*"/i.exec(page);
  if (external) throw new Error(`the page still loads from another host: ${external[0]}`);
  return page;
}

function svgDataUri(width: number, text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
    `<text x="0" y="11" font-family="sans-serif" font-size="12" font-weight="600" fill="#1a1c21">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: "string", default: "spec/onezone.yaml" },
      out: { type: "string", default: "dist/docs/index.html" },
      help: { type: "boolean", default: false },
    },
  });
  return values;
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    console.error(`docs: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    assertOurs(args.out);
    const html = `${await buildDocs(args.spec)}\n${PAGE_MARK}`;
    // A failed write leaves the previous page.
    replaceAtomically(args.out, (staging) => writeFileSync(staging, html));
    const size = (Buffer.byteLength(html) / 1024).toFixed(0);
    const ms = Math.round(performance.now() - started);
    console.log(`Built ${args.out} (${size} KiB) from ${args.spec} (${ms} ms).`);
    return 0;
  } catch (error) {
    console.error(`docs: ${(error as Error).message}`);
    if (error instanceof SpecError)
      for (const problem of error.problems) console.error(`  ${problem}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
