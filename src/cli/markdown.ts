// Renders spec Markdown for a terminal; loaded only by an operation's --help, since marked is heavy.
import { createRequire } from "node:module";

export async function markdownRenderer(width: number): Promise<(markdown: string) => string> {
  // Imported, not required: marked ships only an ES module.
  const { Marked } = await import("marked");
  // marked-terminal's CommonJS build has its highlighter inside: some 20 files, which load in half
  // the time of the 270 its ES module entry pulls in (highlight.js's languages one by one), and
  // render the same.
  const { markedTerminal } = createRequire(import.meta.url)(
    "marked-terminal",
  ) as typeof import("marked-terminal");
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2 }));
  return (markdown) => String(marked.parse(markdown, { async: false })).trimEnd();
}
