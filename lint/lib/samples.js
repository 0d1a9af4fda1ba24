// The samples an operation shows: its `x-codeSamples` (or the older `x-code-samples`) entries,
// and the fenced code blocks of its description, where Onedata's published descriptions keep
// their cURL examples ("Example cURL requests", a ```bash block).
import { fencedBlocks } from "./markdown.js";

const SHELL_LANGS = /^(shell|bash|sh|zsh|curl|console|terminal|shell-session|cli)$/i;
const SHELL_INFOS = new Set(["", "bash", "sh", "shell", "zsh", "console", "curl", "shell-session"]);
const JSON_INFOS = new Set(["json"]);

/**
 * Every sample of the operation: `{ source, kind: "shell" | "json", name, location, field, line }`:
 * `name` says where it is, for messages; `location` is the Redocly location of the text that
 * holds it, `field` what that text is ("sample" or "description"), and `line` the 0-based line
 * where the sample starts in it.
 */
export function operationSamples(operation, ctx) {
  const samples = [];
  for (const key of ["x-codeSamples", "x-code-samples"]) {
    const entries = operation[key];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (typeof entry?.source !== "string") return;
      const lang = typeof entry.lang === "string" ? entry.lang : "";
      const label = typeof entry.label === "string" ? entry.label : "";
      if (lang !== "" && !SHELL_LANGS.test(lang) && !SHELL_LANGS.test(label)) return;
      samples.push({
        source: entry.source,
        kind: "shell",
        name: `its \`${key}\` entry #${index}${label ? ` ("${label}")` : ""}`,
        location: ctx.location.child([key, index, "source"]),
        field: "sample",
        line: 0,
      });
    });
  }
  if (typeof operation.description === "string") {
    samples.push(...descriptionSamples(operation.description, ctx.location.child(["description"])));
  }
  return samples;
}

/** The shell and JSON code blocks of a description. */
export function descriptionSamples(description, location, owner = "its description") {
  const samples = [];
  for (const block of fencedBlocks(description)) {
    const kind = SHELL_INFOS.has(block.info)
      ? "shell"
      : JSON_INFOS.has(block.info)
        ? "json"
        : undefined;
    if (kind === undefined) continue;
    samples.push({
      source: block.content,
      kind,
      name: `the ${block.info === "" ? "" : `${block.info} `}code block at line ${block.line} of ${owner}`,
      location,
      field: "description",
      line: block.line,
    });
  }
  return samples;
}

/**
 * Where a line of a sample is, for messages: "at line 7 of its description", or "in its
 * `x-codeSamples` entry #0 ("cURL")", with the line when the sample has more than one.
 */
export function placeOf(sample, lineInSample) {
  const line = sample.line + lineInSample + 1;
  if (sample.field === "description") return `at line ${line} of its description`;
  return `in ${sample.name}${sample.source.includes("\n") ? ` (line ${line})` : ""}`;
}
