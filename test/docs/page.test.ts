// The API reference page that `npm run docs` builds, opened from disk in Debian's chromium (driven
// by playwright-core) with every request to another host blocked and counted: it shows each
// operation of the spec as the spec documents it, and loads nothing from anywhere else.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel } from "../../scripts/model.ts";
import { findChromium } from "../helpers/chromium.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const screenshotPath = path.join(root, "test-results/docs/index.png");
const { operations } = buildModel((await loadSpec(path.join(root, "spec/onezone.yaml"))).document);

const LOCAL_SCHEMES = new Set(["file:", "data:", "blob:", "about:"]);

let work: string;
let context: BrowserContext;
let page: Page;
const externalRequests: string[] = [];
const consoleErrors: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const executablePath = findChromium();
  work = mkdtempSync(path.join(os.tmpdir(), "onezone-docs-test-"));
  const pagePath = path.join(work, "index.html");
  await promisify(execFile)("npm", ["run", "--silent", "docs", "--", "--out", pagePath], {
    cwd: root,
  });

  context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOCAL_SCHEMES.has(new URL(url).protocol)) return route.continue();
    externalRequests.push(url);
    return route.abort("blockedbyclient");
  });
  context.setDefaultTimeout(10_000);
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await openPage(pathToFileURL(pagePath).href);
});

/**
 * Loads the page and waits for Redoc to take over the prerendered HTML (which holds only the
 * overview): until then the tag sections are missing and links would navigate away.
 */
async function openPage(url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  const tag = operations[0]?.tags[0] ?? "";
  const exactly = new RegExp(`^${escapeRegExp(tag)}$`);
  await page.getByRole("heading", { level: 2 }).filter({ hasText: exactly }).waitFor();
}

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The text as a reader sees it (line breaks, CSS text-transform), not the DOM's raw text. */
function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested.
  return locator.innerText();
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Opens the operation from the sidebar, as a reader would, and returns its section. */
async function openOperation(summary: string, tag: string): Promise<Locator> {
  // The sidebar link's name is the summary then the method; the heading's anchor is "link to …".
  const link = page.getByRole("link", { name: new RegExp(`^${escapeRegExp(summary)}\\b`) });
  if (!(await link.isVisible())) await page.getByRole("link", { name: tag, exact: true }).click();
  await link.click();
  const section = page
    .locator('[data-item-kind="httpItem"]')
    .filter({ has: page.getByRole("heading", { level: 2, name: summary }) });
  await section.waitFor();
  return section;
}

describe("dist/docs/index.html in chromium", () => {
  it("has operations to check: each is opened and checked below", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [operation.id, operation] as const))(
    "%s: summary, description, method and path, parameters, responses, deprecation",
    async (_id, operation) => {
      const section = await openOperation(operation.summary, operation.tags[0] ?? "");
      const heading = section.getByRole("heading", { level: 2 });
      expect(await heading.isVisible()).toBe(true);
      expect(normalise(await renderedText(heading))).toMatch(
        new RegExp(`^${escapeRegExp(operation.summary)}( Deprecated)?$`, "i"),
      );
      expect(/\bdeprecated\b/i.test(await renderedText(heading))).toBe(operation.deprecated);

      const request = section.getByRole("button").filter({ hasText: operation.path }).first();
      expect(await request.isVisible()).toBe(true);
      expect(normalise(await renderedText(request))).toBe(
        `${operation.method.toUpperCase()} ${operation.path}`,
      );

      const text = await renderedText(section);
      const firstParagraph = operation.description.split("\n\n")[0] ?? "";
      expect(firstParagraph).not.toBe("");
      // The page shows Markdown's code spans as code, without their backticks.
      expect(normalise(text)).toContain(normalise(firstParagraph.replaceAll("`", "")));
      for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
        expect(normalise(text)).toMatch(
          new RegExp(
            `\\bPath ${escapeRegExp(parameter.name)} string required ${escapeRegExp(parameter.description)}`,
          ),
        );
      }

      const statuses = section.getByRole("tablist", { name: "Response status" }).getByRole("tab");
      expect(await statuses.allInnerTexts()).toEqual(operation.responses.map((r) => r.status));
      for (const response of operation.responses) {
        await statuses.filter({ hasText: response.status }).click();
        expect(
          await section.getByText(response.description, { exact: true }).first().isVisible(),
          `${operation.id} ${response.status}: ${response.description}`,
        ).toBe(true);
      }
    },
  );

  it.each(operations.map((operation) => [operation.id, operation] as const))(
    "%s: every code sample, each under its own label",
    async (_id, operation) => {
      const section = await openOperation(operation.summary, operation.tags[0] ?? "");
      const labels = operation.codeSamples.map((sample) => sample.label);
      expect(labels).toEqual(["cURL", "onezone-rest-cli"]);
      const picker = section
        .locator('button[aria-haspopup="menu"]')
        .filter({ hasText: new RegExp(`^(${labels.map(escapeRegExp).join("|")})$`) });
      for (const sample of operation.codeSamples) {
        await picker.click();
        await page.getByRole("menuitem", { name: sample.label, exact: true }).click();
        expect(await renderedText(picker)).toBe(sample.label);
        const code = section.locator("pre > code");
        expect(await code.count()).toBe(1);
        expect(await code.isVisible()).toBe(true);
        expect(await renderedText(code)).toBe(sample.source);
      }
    },
  );

  it("shows every operation at once once the tag is expanded; screenshot in test-results/docs", async () => {
    await openPage(page.url().split("#")[0] ?? "");
    await page.getByRole("button", { name: "+ Show", exact: true }).click();
    // Redoc renders only the sections near the viewport, so the viewport grows with the page
    // until every operation is drawn in it at once.
    for (const operation of operations) {
      const heading = page.getByRole("heading", { level: 2, name: operation.summary });
      await heading.waitFor();
      await page.setViewportSize({ width: 1280, height: await pageHeight() });
    }
    for (const operation of operations) {
      const heading = page.getByRole("heading", { level: 2, name: operation.summary });
      const inView = await heading.evaluate(
        (el) => el.getBoundingClientRect().bottom <= innerHeight,
      );
      expect(inView, operation.summary).toBe(true);
    }
    mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it("shows Redocly's logo from the page itself", async () => {
    const logo = page.getByRole("img", { name: "redocly logo" });
    const src = await logo.getAttribute("src");
    expect(src).toMatch(/^data:image\/svg\+xml,/);
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  });

  it("made no request to another host", () => {
    expect(externalRequests).toEqual([]);
  });

  it("logged no console error and threw no page error", () => {
    expect({ consoleErrors, pageErrors }).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});

function pageHeight(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}
