// Renders spec Markdown for a terminal; imported only by an operation's --help, since marked is heavy.
import { Marked } from "marked";
import { markedTerminal } from "marked-terminal";

export function renderMarkdown(text: string, width: number): string {
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2 }));
  return String(marked.parse(text, { async: false })).trimEnd();
}
