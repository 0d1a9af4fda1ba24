// The parts of a description (CommonMark, as Redoc renders it) that the rules read: its fenced
// code blocks, its links, and its prose with code, links' targets, URLs and HTML taken out.

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/** Fenced code blocks: `{ info, content, line }`, `line` being the 0-based line of the content. */
export function fencedBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", info = ""] = open;
    const content = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? "";
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]?.[0] === fence[0] && (close[1]?.length ?? 0) >= fence.length) break;
      content.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ info: info.toLowerCase(), content: content.join("\n"), line: i + 1 });
    i = j;
  }
  return blocks;
}

/**
 * The description's prose, line by line (0-based `line`), with code blocks, code spans, HTML
 * tags, URLs and link targets blanked out: what a reader reads as words.
 */
export function proseLines(markdown) {
  const result = [];
  const lines = markdown.split("\n");
  const code = codeLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (code.has(i)) continue;
    // A link reference definition is all target.
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(line)) continue;
    const text = line
      .replace(/(`+)[\s\S]*?\1/g, " ")
      .replace(/\]\([^)]*\)/g, "] ")
      .replace(/<[A-Za-z][\w+.-]*:[^>\s]*>/g, " ")
      .replace(/<\/?[A-Za-z][^>]*>/g, " ")
      .replace(/&#?\w+;/g, " ")
      .replace(/\b[A-Za-z][\w+.-]*:\/\/[^\s<>)\]]*/g, " ")
      .replace(/\bwww\.[^\s<>)\]]+/g, " ");
    result.push({ text, line: i });
  }
  return result;
}

/** Every link target of the description, with its 0-based line: inline, reference, auto, HTML, bare. */
export function links(markdown) {
  const found = [];
  const definitions = new Map();
  const lines = markdown.split("\n");
  const code = codeLines(lines);
  for (let i = 0; i < lines.length; i++) {
    if (code.has(i)) continue;
    const definition = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/.exec(lines[i] ?? "");
    if (definition) definitions.set((definition[1] ?? "").toLowerCase(), definition[2] ?? "");
  }
  for (let i = 0; i < lines.length; i++) {
    if (code.has(i)) continue;
    const line = (lines[i] ?? "").replace(/(`+)[\s\S]*?\1/g, " ");
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(line)) continue;
    let rest = line;
    for (const match of line.matchAll(/\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[^)]*)?\)/g)) {
      found.push({ text: match[1] ?? "", target: match[2] ?? "", line: i });
      rest = rest.replace(match[0], " ");
    }
    for (const match of rest.matchAll(/\[([^\]]+)\]\[([^\]]*)\]/g)) {
      const label = (match[2] || match[1] || "").toLowerCase();
      found.push({ text: match[1] ?? "", target: definitions.get(label) ?? "", line: i });
      rest = rest.replace(match[0], " ");
    }
    for (const match of rest.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>/gi)) {
      found.push({ text: "", target: match[1] ?? "", line: i });
      rest = rest.replace(match[0], " ");
    }
    for (const match of rest.matchAll(/<([A-Za-z][\w+.-]*:[^>\s]*)>|\bhttps?:\/\/[^\s<>)\]]+/g)) {
      found.push({ text: "", target: (match[1] ?? match[0]).replace(/[.,;:]+$/, ""), line: i });
    }
  }
  return found;
}

/** The 0-based numbers of the lines of fenced code blocks, their fences included. */
function codeLines(lines) {
  const code = new Set();
  let fence;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fence !== undefined) {
      code.add(i);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]?.[0] === fence[0] && (close[1]?.length ?? 0) >= fence.length) {
        fence = undefined;
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[2];
      code.add(i);
    }
  }
  return code;
}
