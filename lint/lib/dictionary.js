// The spelling dictionary of the `spelling` rule: cspell's American English dictionary, its
// software terms and company names, and the project's word list (lint/words.txt). Loaded on
// first use, synchronously (Redocly's visitors are synchronous), with the trie library cspell-lib
// itself reads its dictionaries with: cspell-lib's own loader resolves settings and every bundled
// dictionary and takes about a second, decoding the trie alone about a quarter of that.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeTrie, encodeITrieToBTrie } from "cspell-trie-lib";

const require = createRequire(import.meta.url);
export const PROJECT_WORDS_FILE = "lint/words.txt";
const PROJECT_WORDS = new URL("../words.txt", import.meta.url);

/** Files of a cspell dictionary package, next to its cspell-ext.json. */
function dictionaryFile(pkg, file) {
  return path.join(path.dirname(require.resolve(`${pkg}/cspell-ext.json`)), file);
}

/** A cspell word-list file's words: comments dropped, forbidden (`!`) ones left out. */
function wordList(text) {
  const words = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "" || line.startsWith("!")) continue;
    words.push(line.replace(/^[~+*]+|[+*]+$/g, ""));
  }
  return words;
}

function readText(file) {
  const data = readFileSync(file);
  return (file.endsWith(".gz") ? gunzipSync(data) : data).toString("utf8");
}

let loaded;

/**
 * The English trie. Decoding cspell's text format takes about 0.25 s, most of a lint of a small
 * spec, so the decoded trie is kept in cspell's binary format (which loads in a few ms) in the
 * temporary directory, as Node keeps its compile cache there: a cache, deleted at will, named by
 * a hash of the dictionary it was made from.
 */
function englishTrie() {
  const compressed = readFileSync(dictionaryFile("@cspell/dict-en_us", "en_US.trie.gz"));
  const key = createHash("sha256").update(compressed).digest("hex").slice(0, 16);
  const cached = path.join(tmpdir(), "onezone-docs-spelling", `en_US-${key}.btrie`);
  try {
    return decodeTrie(new Uint8Array(readFileSync(cached)));
  } catch {}
  const trie = decodeTrie(new Uint8Array(gunzipSync(compressed)));
  try {
    mkdirSync(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, encodeITrieToBTrie(trie));
    renameSync(partial, cached);
  } catch {}
  return trie;
}

function load() {
  const trie = englishTrie();
  const lists = [
    ["@cspell/dict-software-terms", "dict/softwareTerms.txt.gz"],
    ["@cspell/dict-software-terms", "dict/software-tools.txt"],
    ["@cspell/dict-software-terms", "dict/webServices.txt"],
    ["@cspell/dict-software-terms", "dict/computing-acronyms.txt"],
    ["@cspell/dict-software-terms", "dict/networkingTerms.txt"],
    ["@cspell/dict-companies", "dict/companies.txt"],
  ];
  const extra = new Set();
  for (const [pkg, file] of lists) {
    for (const word of wordList(readText(dictionaryFile(pkg, file)))) extra.add(word.toLowerCase());
  }
  const project = new Set(
    wordList(readFileSync(PROJECT_WORDS, "utf8")).map((w) => w.toLowerCase()),
  );
  return { trie, extra, project, known: new Map() };
}

/** Whether a word is spelt right, case aside (as cspell checks English by default). */
export function isKnownWord(word) {
  loaded ??= load();
  const cached = loaded.known.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  const known =
    loaded.project.has(lower) ||
    loaded.extra.has(lower) ||
    loaded.trie.hasWord(word, true) ||
    loaded.trie.hasWord(lower, true) ||
    loaded.trie.hasWord(lower, false);
  loaded.known.set(word, known);
  return known;
}

const suggestions = new Map();
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Up to three known words one edit away from a misspelt one (a swap of two neighbours, a letter
 * added, changed or dropped, in that order of preference). Cheap and predictable, unlike a full
 * suggestion search, which costs tens of milliseconds a word.
 */
export function suggest(word) {
  const lower = word.toLowerCase();
  let found = suggestions.get(lower);
  if (found === undefined) {
    found = [];
    const add = (candidate) => {
      if (found.length < 3 && !found.includes(candidate) && isKnownWord(candidate)) {
        found.push(candidate);
      }
    };
    for (let i = 0; i + 1 < lower.length; i++) {
      add(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
    }
    for (let i = 0; i <= lower.length; i++) {
      for (const letter of LETTERS) add(lower.slice(0, i) + letter + lower.slice(i));
    }
    for (let i = 0; i < lower.length; i++) {
      for (const letter of LETTERS) {
        if (letter !== lower[i]) add(lower.slice(0, i) + letter + lower.slice(i + 1));
      }
    }
    for (let i = 0; i < lower.length; i++) add(lower.slice(0, i) + lower.slice(i + 1));
    suggestions.set(lower, found);
  }
  return found;
}
