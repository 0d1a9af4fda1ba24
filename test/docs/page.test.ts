// The API reference page that `npm run docs` builds for each spec of SPECS, opened from disk in
// Debian's chromium (driven by playwright-core) with every request to another host blocked and
// counted: it shows each operation of the spec as the spec documents it (parameters, request body,
// responses with their headers and media types, code samples), and loads nothing from anywhere else.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLocalRef } from "../../scripts/json-pointer.ts";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel, type Operation } from "../../scripts/model.ts";
import { findChromium } from "../helpers/chromium.ts";
import { SPECS } from "../helpers/specs.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

type Node = Record<string, unknown>;

const suites = await Promise.all(
  SPECS.map(async (spec) => {
    const { document } = await loadSpec(spec.path);
    return { ...spec, document, operations: buildModel(document).operations };
  }),
);

const LOCAL_SCHEMES = new Set(["file:", "data:", "blob:", "about:"]);

/** The heading Redoc puts over each location's parameters. */
const PARAMETER_GROUPS = { path: "Path", query: "Query", header: "Headers", cookie: "Cookies" };

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

/** Any one of the texts, as a regular expression source. */
function oneOf(texts: string[]): string {
  return `(?:${texts.map(escapeRegExp).join("|")})`;
}

/**
 * `name`, then (within a parameter's or a field's few words: type, limits) `required` exactly when
 * it is, then its description.
 */
function documented(name: string, required: boolean, description: string): RegExp {
  const between = required ? "[^]{0,120}? required" : "(?:(?!\\brequired\\b)[^]){0,120}?";
  return new RegExp(`\\b${escapeRegExp(name)} ${between} ${escapeRegExp(normalise(description))}`);
}

describe.each(suites)("the docs page of $name ($path) in chromium", (suite) => {
  const { operations } = suite;
  // Screenshots stay after the run for a person to look at, in the temp directory like all test output.
  const screenshotDir = path.join(os.tmpdir(), "onezone-client-docs", suite.name);
  let work: string;
  let context: BrowserContext;
  let page: Page;
  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  /** A schema, past its `$ref`s, in the bundled spec. */
  function resolve(schema: unknown): Node {
    let node = (schema ?? {}) as Node;
    for (let hops = 0; typeof node.$ref === "string" && hops < 20; hops++) {
      node = (resolveLocalRef(suite.document, node.$ref) ?? {}) as Node;
    }
    return node;
  }

  /**
   * The fields Redoc lists for a body schema: an object's properties; for a `oneOf` with a
   * discriminator, the discriminator property and its values (Redoc shows one branch at a time).
   */
  function shownFields(schema: unknown): { names: string[]; discriminator?: string[] } {
    const node = resolve(schema);
    if (node.properties !== undefined) return { names: Object.keys(node.properties as Node) };
    const discriminator = node.discriminator as
      | { propertyName: string; mapping?: Node }
      | undefined;
    if (Array.isArray(node.oneOf) && discriminator !== undefined) {
      const values = Object.keys(discriminator.mapping ?? {});
      return { names: [discriminator.propertyName], discriminator: values };
    }
    return { names: [] };
  }

  beforeAll(async () => {
    const executablePath = findChromium();
    work = mkdtempSync(path.join(os.tmpdir(), "onezone-docs-test-"));
    const pagePath = path.join(work, "index.html");
    await promisify(execFile)(
      "npm",
      ["run", "--silent", "docs", "--", "--spec", suite.path, "--out", pagePath],
      { cwd: root },
    );

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

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
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

  /**
   * Opens the operation from the sidebar, as a reader would: its section, and its text once drawn.
   */
  async function openOperation(operation: Operation): Promise<{ section: Locator; text: string }> {
    const { summary } = operation;
    // The sidebar link's name is the summary then the method; the heading's anchor is "link to …",
    // and a description's link to the operation is its summary alone.
    const link = page.getByRole("link", {
      name: new RegExp(`^${escapeRegExp(summary)}\\s+${operation.method}$`, "i"),
    });
    const tag = page.getByRole("link", { name: operation.tags[0] ?? "", exact: true });
    // A click on a tag toggles it, and Redoc opens and closes tags by itself as the reader moves
    // around the page, so the sidebar may change under a click: a few tries at most.
    for (let tries = 1; ; tries++) {
      try {
        if (!(await link.isVisible())) await tag.click();
        await link.click({ timeout: 3_000 });
        break;
      } catch (error) {
        if (tries === 3) throw error;
      }
    }
    const section = page
      .locator('[data-item-kind="httpItem"]')
      .filter({ has: page.getByRole("heading", { level: 2, name: summary }) });
    const request = `${operation.method.toUpperCase()} ${operation.path}`;
    const drawn = new RegExp(
      `^${escapeRegExp(summary)}[^]* ${escapeRegExp(request)} [^]*\\bResponses\\b`,
    );
    return { section, text: await settledText(section, drawn) };
  }

  /**
   * A section's text once it matches `pattern` and has stopped changing: Redoc draws a section
   * after scrolling to it, and draws it again as the page settles.
   */
  async function settledText(section: Locator, pattern: RegExp): Promise<string> {
    let previous: string | undefined;
    for (let reads = 0; reads < 100; reads++) {
      const text = normalise(await renderedText(section));
      if (pattern.test(text) && text === previous) return text;
      previous = text;
      await page.waitForTimeout(100);
    }
    throw new Error(`the section did not settle on ${pattern}; it shows: ${previous}`);
  }

  /** The request half of a section's text: up to the method and path of the right-hand panel. */
  function requestText(text: string, operation: Operation): string {
    const end = text.indexOf(`${operation.method.toUpperCase()} ${operation.path}`);
    return end === -1 ? text : text.slice(0, end);
  }

  it("has operations to check: each is opened and checked below", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [operation.id, operation] as const))(
    "%s: summary, description, method and path, parameters, request body, deprecation",
    async (_id, operation) => {
      const { section, text } = await openOperation(operation);
      const heading = section.getByRole("heading", { level: 2 });
      expect(normalise(await renderedText(heading))).toMatch(
        new RegExp(`^${escapeRegExp(operation.summary)}( Deprecated)?$`, "i"),
      );
      expect(/\bdeprecated\b/i.test(await renderedText(heading))).toBe(operation.deprecated);

      const request = section.getByRole("button").filter({ hasText: operation.path }).first();
      expect(await request.isVisible()).toBe(true);
      expect(normalise(await renderedText(request))).toBe(
        `${operation.method.toUpperCase()} ${operation.path}`,
      );

      const firstParagraph = operation.description.split("\n\n")[0] ?? "";
      expect(firstParagraph).not.toBe("");
      // The page shows Markdown's code spans as code, without their backticks, and links as their text.
      const shown = firstParagraph.replaceAll("`", "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
      expect(text).toContain(normalise(shown));

      const requestPart = requestText(text, operation);
      for (const [location, group] of Object.entries(PARAMETER_GROUPS)) {
        const parameters = operation.parameters.filter((p) => p.in === location);
        expect(requestPart.includes(` ${group} `), `${group} parameters`).toBe(
          parameters.length > 0,
        );
        for (const parameter of parameters) {
          expect(requestPart).toMatch(
            documented(parameter.name, parameter.required, parameter.description),
          );
        }
      }
      expectBody(requestPart, operation);
    },
  );

  /** The request body as the page shows it: media type, whether required, description, fields. */
  function expectBody(requestPart: string, operation: Operation): void {
    const body = operation.requestBody;
    expect(/ Body /.test(requestPart), "a request body").toBe(body !== undefined);
    if (body === undefined) return;
    const heading = new RegExp(
      `\\bBody ${oneOf(body.contentTypes)}${body.required ? " required" : ""} ${escapeRegExp(normalise(body.description))}`,
    );
    expect(requestPart).toMatch(heading);
    const shown = body.contentTypes.find((type) => requestPart.includes(`Body ${type}`));
    const fields = shownFields(body.contents.find((c) => c.mediaType === shown)?.schema);
    expect(fields.names.length, `the fields of its ${shown} body`).toBeGreaterThan(0);
    const bodyPart = requestPart.slice(requestPart.search(heading));
    for (const name of fields.names) {
      expect(bodyPart).toMatch(new RegExp(`\\b${escapeRegExp(name)}\\b`));
    }
    if (fields.discriminator !== undefined) {
      expect(bodyPart).toContain(`Discriminator ${fields.discriminator.join(" ")}`);
    }
  }

  it.each(operations.map((operation) => [operation.id, operation] as const))(
    "%s: every response, with its description, headers and media type",
    async (_id, operation) => {
      const { section } = await openOperation(operation);
      const statuses = section.getByRole("tablist", { name: "Response status" }).getByRole("tab");
      await expect
        .poll(() => statuses.allInnerTexts())
        .toEqual(operation.responses.map((r) => r.status));
      for (const response of operation.responses) {
        await statuses.filter({ hasText: response.status }).click();
        const where = `${operation.id} ${response.status}`;
        const description = normalise(response.description);
        const text = await settledText(section, new RegExp(`\\b${escapeRegExp(description)}`));
        const shown = text.slice(text.indexOf(description));
        expect(shown.includes(" Headers "), `${where}: headers`).toBe(response.headers.length > 0);
        for (const header of response.headers) {
          expect(shown, where).toMatch(
            documented(header.name, header.required, header.description),
          );
        }
        if (response.contentTypes.length > 0) {
          expect(shown, where).toMatch(new RegExp(`\\bBody ${oneOf(response.contentTypes)}\\b`));
        }
      }
    },
  );

  it.each(operations.map((operation) => [operation.id, operation] as const))(
    "%s: every code sample, each under its own label",
    async (_id, operation) => {
      const { section } = await openOperation(operation);
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

  const tags = [...new Set(operations.map((operation) => operation.tags[0] ?? ""))];

  it.each(tags)(
    `%s, opened from the sidebar, shows all its operations at once; screenshot in $TMPDIR/onezone-client-docs/${suite.name}/`,
    async (tag) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openPage(page.url().split("#")[0] ?? "");
      await page.getByRole("link", { name: tag, exact: true }).click();
      // Redoc draws only the opened tag's sections near the viewport, so the viewport grows with
      // the page until every operation of the tag is drawn in it at once.
      const ofTag = operations.filter((operation) => operation.tags[0] === tag);
      await expect
        .poll(
          async () => {
            await page.setViewportSize({ width: 1280, height: await pageHeight() });
            return notInView(ofTag);
          },
          { timeout: 20_000, interval: 250 },
        )
        .toEqual([]);
      const screenshot = path.join(screenshotDir, `${tag}.png`);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    },
  );

  /** The summaries of the operations whose heading is not drawn within the viewport. */
  async function notInView(among: Operation[]): Promise<string[]> {
    const missing: string[] = [];
    for (const operation of among) {
      const heading = page.getByRole("heading", { level: 2, name: operation.summary }).first();
      const inView =
        (await heading.count()) > 0 &&
        (await heading.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight));
      if (!inView) missing.push(operation.summary);
    }
    return missing;
  }

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

  function pageHeight(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollHeight);
  }
});
