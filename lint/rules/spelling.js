// onezone-docs/spelling: the prose of the docs is spelt right: summaries and descriptions of
// operations, parameters, request bodies, responses, schemas, tags and the rest, checked against
// cspell's American English dictionary with its software terms, company names and the project's
// word list (lint/words.txt). Code (fenced blocks, code spans), URLs, link targets and HTML are
// skipped, and so are words that read as code: identifiers (camelCase, snake_case), acronyms,
// anything with a digit, and words under four letters (as cspell does).
import { isKnownWord, PROJECT_WORDS_FILE, suggest } from "../lib/dictionary.js";
import { proseLines } from "../lib/markdown.js";
import { describeOperation } from "../lib/operations.js";

const MIN_WORD_LENGTH = 4;

export default function Spelling() {
  const pathItems = [];
  const operations = [];

  /** Checks `node[field]`; `what` names the text in messages ("the description of ..."). */
  const check = (node, field, what, ctx) => {
    const text = node?.[field];
    if (typeof text !== "string" || text.trim() === "") return;
    const misspelt = misspeltWords(text);
    if (misspelt.length === 0) return;
    const location = ctx.location.child([field]);
    const owner = ownerOf(ctx.location);
    const subject =
      owner === undefined
        ? `\`${ctx.location.pointer}\`: ${what}`
        : owner.inside
          ? `${owner.name}: ${what}`
          : `${owner.name}: ${what} (\`${ctx.location.pointer}\`)`;
    for (const { word, line } of misspelt) {
      const suggestions = suggest(word);
      const hint = suggestions.length > 0 ? ` (did you mean "${suggestions[0]}"?)` : "";
      ctx.report({
        message: `${subject} has "${word}" (line ${line + 1}), which is neither an English word nor in ${PROJECT_WORDS_FILE}: correct it${hint}, or add it to ${PROJECT_WORDS_FILE} if it is a term.`,
        location,
      });
    }
  };

  /** The operation being walked, and whether the node at `location` is written inside it. */
  const ownerOf = (location) => {
    const current = operations.at(-1);
    if (current === undefined) return undefined;
    const inside =
      location.source.absoluteRef === current.location.source.absoluteRef &&
      (location.pointer === current.location.pointer ||
        location.pointer.startsWith(`${current.location.pointer}/`));
    return { name: current.name, inside };
  };

  const described = (what) => ({
    enter(node, ctx) {
      check(node, "description", typeof what === "function" ? what(node, ctx) : what, ctx);
    },
  });

  return {
    Info: {
      enter(info, ctx) {
        check(info, "title", "the API's title", ctx);
        check(info, "description", "the API's description", ctx);
      },
    },
    Tag: described((tag) => `the description of tag \`${tag.name}\``),
    Server: described("the description of a server"),
    ServerVariable: described((_, ctx) => `the description of server variable \`${ctx.key}\``),
    SecurityScheme: described((_, ctx) => `the description of security scheme \`${ctx.key}\``),
    Parameter: described((parameter) => `the description of parameter \`${parameter.name}\``),
    RequestBody: described("the description of the request body"),
    Response: described((_, ctx) => `the description of the \`${ctx.key}\` response`),
    Header: described((_, ctx) => `the description of header \`${ctx.key}\``),
    Schema: {
      enter(schema, ctx) {
        check(schema, "title", "the title of a schema", ctx);
        check(schema, "description", "the description of a schema", ctx);
      },
    },
    Example: {
      enter(example, ctx) {
        check(example, "summary", `the summary of example \`${ctx.key}\``, ctx);
        check(example, "description", `the description of example \`${ctx.key}\``, ctx);
      },
    },
    PathItem: {
      enter(_pathItem, ctx) {
        pathItems.push(String(ctx.key));
      },
      leave() {
        pathItems.pop();
      },
      Operation: {
        enter(operation, ctx) {
          const where = { method: String(ctx.key).toUpperCase(), path: pathItems.at(-1) ?? "?" };
          operations.push({ name: describeOperation(operation, where), location: ctx.location });
          check(operation, "summary", "its summary", ctx);
          check(operation, "description", "its description", ctx);
        },
        leave() {
          operations.pop();
        },
      },
    },
  };
}

/** The misspelt words of a text, each once, with the 0-based line where it first appears. */
export function misspeltWords(text) {
  const found = new Map();
  for (const { text: prose, line } of proseLines(text)) {
    for (const chunk of prose.split(/\s+/)) {
      if (chunk === "") continue;
      for (const word of misspeltIn(chunk)) if (!found.has(word)) found.set(word, line);
    }
  }
  return [...found].map(([word, line]) => ({ word, line }));
}

/** What each chunk of prose (text between spaces) holds that is misspelt: most chunks recur. */
const checkedChunks = new Map();

function misspeltIn(chunk) {
  let misspelt = checkedChunks.get(chunk);
  if (misspelt === undefined) {
    misspelt = [...words(chunk)].filter((word) => !isKnownWord(word));
    checkedChunks.set(chunk, misspelt);
  }
  return misspelt;
}

/** The words of a chunk of prose that a spell checker should check. */
function* words(raw) {
  // Markdown emphasis and punctuation around a word are not part of it.
  const chunk = raw.replace(/^[^A-Za-z0-9/-]+|[^A-Za-z0-9]+$/g, "").replace(/^[*_]+|[*_]+$/g, "");
  if (chunk === "" || /^[/-]/.test(chunk)) return;
  // Identifiers, paths, file names, domains, placeholders: code, not prose.
  if (/[0-9_@=\\$%{}<>|~^*+#]/.test(chunk) || /[A-Za-z]\.[A-Za-z]/.test(chunk)) return;
  for (const part of chunk.split(/[^A-Za-z'’]+/)) {
    const word = part
      .replaceAll("’", "'")
      .replace(/^'+|'+$/g, "")
      .replace(/'s$/i, "");
    if (word.length < MIN_WORD_LENGTH) continue;
    // camelCase, a name with capitals inside (OAuth, GitHub) or an acronym (JSON, URLs).
    if (/[a-z][A-Z]/.test(word) || /^[A-Z]+s?$/.test(word) || /^[A-Z]{2}/.test(word)) continue;
    yield word;
  }
}
