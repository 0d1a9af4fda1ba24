// The reference page npm run dev serves. `npm run docs` renders each page with Redocly's
// build-docs, a process of its own that takes over a second; here build-docs runs once, at start,
// on a spec with no operations, and its page becomes a template: each save puts the new spec into
// it and Redoc, inlined in the page, renders it in the browser (with `init` where build-docs's
// prerendered page calls `hydrate`). Putting the spec in takes milliseconds, even GitHub's.
import { redocOptionsFor, renderPage } from "../docs.ts";

export interface PageTemplate {
  /** The page up to its title's text. */
  beforeTitle: string;
  /** From the end of the title to Redoc's script, with an empty container instead of the prerendered page. */
  afterTitle: string;
  /** What build-docs tells Redoc (`skipBundle`, telemetry off), to which each spec's options are added. */
  options: Record<string, unknown>;
}

export interface Notice {
  /** One sentence: what is wrong and what the page shows. */
  title: string;
  /** `file:line:col  rule  message` lines. */
  lines: string[];
}

const EMPTY_SPEC = { openapi: "3.1.0", info: { title: "template", version: "0" }, paths: {} };

/** The markers build-docs's page is cut at, in the order they appear. */
const TITLE = /<title>[^<]*<\/title>/;
const CONTAINER = '<div id="redoc">';
const REDOC_SCRIPT = '<script type="module">';
const DEFINITION = "const __redoc_definition = ";
const OPTIONS = /const __redoc_options = (\{.*\});/;

export async function makePageTemplate(): Promise<PageTemplate> {
  const html = await renderPage(EMPTY_SPEC);
  const title = TITLE.exec(html);
  const container = html.indexOf(CONTAINER);
  const script = html.indexOf(REDOC_SCRIPT, container);
  const definition = html.indexOf(DEFINITION, script);
  const options = OPTIONS.exec(html.slice(definition));
  if (!title || container < 0 || script < 0 || definition < 0 || !options?.[1]) {
    throw new Error(
      "Redocly's build-docs page no longer has the title, `<div id=\"redoc\">`, Redoc's module script and its `__redoc_definition` and `__redoc_options` where scripts/dev/page.ts expects them; update the markers there.",
    );
  }
  return {
    beforeTitle: `${html.slice(0, title.index)}<title>`,
    afterTitle: `</title>${html.slice(title.index + title[0].length, container)}${CONTAINER}</div>\n${html.slice(script, definition)}`,
    options: JSON.parse(options[1]) as Record<string, unknown>,
  };
}

/** The page for a bundled spec: the template with the spec, its title and its Redoc options. */
export function renderLivePage(template: PageTemplate, document: Record<string, unknown>): string {
  const info = (document.info ?? {}) as { title?: unknown };
  const options = { ...template.options, ...redocOptionsFor(document) };
  return [
    template.beforeTitle,
    escapeHtml(String(info.title ?? "API reference")),
    template.afterTitle,
    `${DEFINITION}${scriptJson(document)};\n`,
    `const __redoc_options = ${scriptJson(options)};\n`,
    `init(__redoc_definition, __redoc_options, document.getElementById("redoc"));\n`,
    "</script>\n</body>\n</html>\n",
  ].join("");
}

/** The page shown before any save has given a good one. */
export function placeholderPage(): string {
  return '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>npm run dev</title></head>\n<body>\n<p>No version of the spec has built yet; this page reloads when one does.</p>\n</body>\n</html>\n';
}

/** The page with the notice as a banner across its top. */
export function withBanner(html: string, notice: Notice): string {
  const style =
    "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:50vh;overflow:auto;" +
    "margin:0;padding:8px 16px;background:#fff4e5;color:#4a2500;border-bottom:2px solid #d97706;" +
    "font:13px/1.5 ui-monospace,monospace";
  const lines = notice.lines.map(escapeHtml).join("\n");
  return insertAfterBody(
    html,
    `<div id="dev-banner" role="alert" style="${style}"><strong>${escapeHtml(notice.title)}</strong>` +
      (lines ? `<pre style="margin:4px 0 0;white-space:pre-wrap">${lines}</pre>` : "") +
      "</div>",
  );
}

/** Puts `snippet` first in the page's body. */
export function insertAfterBody(html: string, snippet: string): string {
  const body = /<body[^>]*>/.exec(html);
  if (!body) throw new Error("the page has no <body> tag to put the dev banner and script after");
  const end = body.index + body[0].length;
  return `${html.slice(0, end)}\n${snippet}\n${html.slice(end)}`;
}

/** JSON that cannot end the script it sits in (`</script>`, `<!--`), as build-docs writes it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
