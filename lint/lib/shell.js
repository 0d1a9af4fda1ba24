// Reading the shell samples of API docs: a sample (an `x-codeSamples` source, or a fenced block of
// a description) is commands, each perhaps followed by the output it prints. shell-quote reads each
// command's words as the shell would pass them; enough of curl's and onezone-rest-cli's options
// to tell what each command requests.
import { parse } from "shell-quote";

/**
 * Splits a sample into commands and the output shown after them.
 * commands: `{ words: string[], line }` (one per command of a pipeline or list; `line` 0-based);
 * outputs: `{ text, line }`, consecutive lines that are not commands.
 */
export function readSample(text) {
  const commands = [];
  const outputs = [];
  const lines = text.split("\n");
  let output;
  let line = 0;
  while (line < lines.length) {
    const content = lines[line] ?? "";
    const prompt = /^\s*(?:\$|%|>)\s+/.exec(content)?.[0].length ?? 0;
    if (isCommandStart(content.slice(prompt))) {
      output = undefined;
      const command = commandText(lines, line, prompt);
      for (const words of commandWords(command.text)) commands.push({ words, line });
      line += command.lines;
      continue;
    }
    if (content.trim() !== "" || output !== undefined) {
      if (output === undefined) {
        output = { text: content, line };
        outputs.push(output);
      } else {
        output.text += `\n${content}`;
      }
    }
    line++;
  }
  for (const block of outputs) block.text = block.text.trimEnd();
  return { commands, outputs: outputs.filter((block) => block.text.trim() !== "") };
}

/** A line that runs something: a command word (perhaps after VAR=value), not JSON or prose. */
function isCommandStart(line) {
  const trimmed = line.trimStart();
  if (trimmed.startsWith("#")) return false;
  const first = /^(?:[A-Za-z_]\w*=\S*\s+)*([A-Za-z_][\w./-]*)(?=\s|$)/.exec(trimmed);
  if (!first) return false;
  return !["true", "false", "null"].includes(first[1] ?? "");
}

/**
 * The command that starts on `lines[first]` at column `column`, for shell-quote, and how many
 * lines it takes: it goes on past a line that ends in a backslash (a continuation, which the
 * shell removes) or inside quotes. Its comment is left out, and so is the stream number of a
 * redirection (`2>`); a `#` inside a word is escaped, since shell-quote would start a comment there.
 */
function commandText(lines, first, column) {
  let text = "";
  let quote = "";
  let line = first;
  for (; line < lines.length; line++) {
    const content = (lines[line] ?? "").slice(line === first ? column : 0);
    let continued = false;
    for (let i = 0; i < content.length; i++) {
      const c = content[i] ?? "";
      if (c === "\\" && quote !== "'") {
        continued = i + 1 === content.length || content.slice(i + 1) === "\r";
        if (continued) break;
        text += c + content[++i];
      } else if (c === "#" && quote === "") {
        if (/^$|[\s;&|()<>]$/.test(text)) break;
        text += "\\#";
      } else {
        // The stream a redirection is of (`2>`) is not a word of the command.
        if (quote === "" && (c === ">" || c === "<") && /(?:^|[\s;&|()<>])\d$/.test(text)) {
          text = text.slice(0, -1);
        }
        if (c === quote) quote = "";
        else if (quote === "" && (c === "'" || c === '"')) quote = c;
        text += c;
      }
    }
    if (!continued && quote === "") break;
    if (!continued && line + 1 < lines.length) text += "\n";
  }
  // An unclosed quote runs to the end of the sample.
  return { text: text + quote, lines: Math.min(line, lines.length - 1) - first + 1 };
}

/** Stands after each `$` given to shell-quote, which then keeps the `$` rather than expanding. */
const KEEP = "\u{E000}";

/** shell-quote's redirection operators; the word after one is its target. */
const REDIRECTIONS = new Set("< > >> >& >| <& <> &> &>> << <<- <<<".split(" "));

/**
 * The words of each command of a pipeline or list (`|`, `;`, `&&`...), as the shell would pass
 * them; `$VAR` and `${VAR}` are kept as written (they are placeholders in docs), and so is a
 * redirection's target left out: it is a file, not an argument.
 */
function commandWords(text) {
  const commands = [[]];
  let target = false;
  for (const entry of parse(text.replaceAll("$", `$${KEEP}`))) {
    const words = commands.at(-1) ?? [];
    if (typeof entry === "string" || ("op" in entry && entry.op === "glob")) {
      const word = (typeof entry === "string" ? entry : entry.pattern).replaceAll(KEEP, "");
      if (target) target = false;
      else words.push(word);
    } else if ("op" in entry && REDIRECTIONS.has(entry.op)) {
      target = true;
    } else if ("op" in entry) {
      commands.push([]);
      target = false;
    }
  }
  return commands.filter((words) => words.length > 0);
}

/** The program a command runs: its first word after any VAR=value assignments. */
export function commandName(words) {
  const index = words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
  return { name: index === -1 ? undefined : words[index], args: words.slice(index + 1) };
}

const CURL_SHORT_WITH_ARGUMENT = new Set("AbcCdDeEFHKmoQrtTuwxXyYz");
const CURL_LONG_WITH_ARGUMENT = new Set(
  [
    "abstract-unix-socket",
    "aws-sigv4",
    "cacert",
    "capath",
    "cert",
    "cert-type",
    "ciphers",
    "config",
    "connect-timeout",
    "connect-to",
    "continue-at",
    "cookie",
    "cookie-jar",
    "data",
    "data-ascii",
    "data-binary",
    "data-raw",
    "data-urlencode",
    "dump-header",
    "form",
    "form-string",
    "header",
    "interface",
    "json",
    "key",
    "key-type",
    "limit-rate",
    "max-filesize",
    "max-redirs",
    "max-time",
    "oauth2-bearer",
    "output",
    "proxy",
    "proxy-user",
    "quote",
    "range",
    "referer",
    "request",
    "request-target",
    "resolve",
    "retry",
    "retry-delay",
    "retry-max-time",
    "speed-limit",
    "speed-time",
    "stderr",
    "time-cond",
    "tls-max",
    "trace",
    "trace-ascii",
    "unix-socket",
    "upload-file",
    "url",
    "user",
    "user-agent",
    "variable",
    "write-out",
  ].map((name) => `--${name}`),
);
const CURL_DATA = new Set([
  "-d",
  "--data",
  "--data-ascii",
  "--data-binary",
  "--data-raw",
  "--data-urlencode",
  "--json",
]);

const FORM_OPTIONS = new Set(["-F", "--form", "--form-string"]);

/**
 * What a curl command requests: `method` (with `methodFrom`: the `-X` word, or why it is
 * implied), every URL it names, its request bodies (`-d`, `--json` and the like), and the parts
 * of its multipart form (`-F name=value`, `-F name=@file`).
 */
export function parseCurl(args) {
  const options = [];
  const urls = [];
  let rest = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? "";
    if (rest || !word.startsWith("-") || word === "-") {
      urls.push(word);
      continue;
    }
    if (word === "--") {
      rest = true;
      continue;
    }
    if (word.startsWith("--")) {
      if (CURL_LONG_WITH_ARGUMENT.has(word)) {
        options.push({ option: word, value: args[i + 1] });
        i++;
      } else {
        options.push({ option: word });
      }
      continue;
    }
    // Short options can be bundled (-sS) and take their argument attached (-XPOST) or next.
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] ?? "";
      if (CURL_SHORT_WITH_ARGUMENT.has(letter)) {
        const attached = word.slice(j + 1);
        if (attached !== "") {
          options.push({ option: `-${letter}`, value: attached });
        } else {
          options.push({ option: `-${letter}`, value: args[i + 1] });
          i++;
        }
        break;
      }
      options.push({ option: `-${letter}` });
    }
  }
  for (const { option, value } of options) {
    if (option === "--url" && value !== undefined) urls.push(value);
  }
  const has = (...names) => options.some(({ option }) => names.includes(option));
  const explicit = options.filter(({ option }) => option === "-X" || option === "--request").at(-1);
  let method;
  let methodFrom;
  if (explicit?.value !== undefined) {
    method = explicit.value.toUpperCase();
    methodFrom = `${explicit.option} ${explicit.value}`;
  } else if (has("-I", "--head")) {
    method = "HEAD";
    methodFrom = "implied by -I";
  } else if (has("-G", "--get")) {
    method = "GET";
    methodFrom = "implied by -G";
  } else if (has("-T", "--upload-file")) {
    method = "PUT";
    methodFrom = "implied by -T";
  } else if (options.some(({ option }) => CURL_DATA.has(option) || FORM_OPTIONS.has(option))) {
    method = "POST";
    methodFrom = "implied by its request body";
  } else {
    method = "GET";
    methodFrom = "curl's default";
  }
  const bodies = options
    .filter(({ option, value }) => CURL_DATA.has(option) && value !== undefined)
    .map(({ option, value }) => ({ option, value }));
  const forms = options
    .filter(({ option, value }) => FORM_OPTIONS.has(option) && value !== undefined)
    .map(({ option, value }) => ({ option, value }));
  return { method, methodFrom, urls, bodies, forms };
}

/** The path of a URL as written in a sample (scheme and host optional, placeholders kept). */
export function urlPath(url) {
  let rest = url;
  const scheme = /^[A-Za-z][\w+.-]*:\/\//.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  if (!scheme && !rest.startsWith("/")) {
    // `$HOST/api/...` or `localhost:8080/api/...`: the first segment is the host.
    if (!rest.includes("/")) return undefined;
  }
  const slash = rest.startsWith("/") && !scheme ? 0 : rest.indexOf("/");
  const path = slash === -1 ? "/" : rest.slice(slash);
  return path.replace(/[?#].*$/, "") || "/";
}

const PLACEHOLDER = /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|^<[^>]+>$|^\{[^}]+\}$|^:[A-Za-z_]\w*$/;

/** Whether a URL segment is (or holds) a placeholder: `$USER_ID`, `${ID}`, `<id>`, `{id}`, `:id`. */
export function hasPlaceholder(segment) {
  return PLACEHOLDER.test(segment);
}

/** Options of onezone-rest-cli (and the clients Onedata generates) that take an argument. */
const CLI_OPTIONS_WITH_ARGUMENT = new Set([
  "-u",
  "--user",
  "--host",
  "-ct",
  "--content-type",
  "-ac",
  "--accept",
]);

/**
 * An onezone-rest-cli command: the operation it names and its arguments, each `key=value` (a
 * parameter), `Header:value`, or a part of the request body: `key==text` (a JSON string),
 * `key:=json` (any JSON value), `key@path` (a file part of a multipart body), `-` (the whole body
 * from standard input). A body key may be dotted (`owner.id==abc`); `field` is its top-level name.
 */
export function parseRestCli(args) {
  let operation;
  const parameters = [];
  const headers = [];
  const body = [];
  let stdin = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? "";
    if (operation === undefined) {
      if (word.startsWith("-") && word !== "-") {
        if (CLI_OPTIONS_WITH_ARGUMENT.has(word)) i++;
        continue;
      }
      operation = word;
      continue;
    }
    if (word === "-") {
      stdin = true;
      continue;
    }
    const field = /^([^=:@\s]+)(==|:=|@)(.*)$/s.exec(word);
    if (field) {
      const key = field[1] ?? "";
      body.push({
        key,
        field: key.split(/[.[]/)[0] ?? key,
        operator: field[2] ?? "",
        value: field[3] ?? "",
      });
      continue;
    }
    const parameter = /^([^=:\s]+)=(.*)$/s.exec(word);
    if (parameter) {
      parameters.push({ name: parameter[1] ?? "", value: parameter[2] ?? "" });
      continue;
    }
    const header = /^([A-Za-z0-9-]+):(.*)$/s.exec(word);
    if (header) headers.push({ name: header[1] ?? "", value: header[2] ?? "" });
  }
  return { operation, parameters, headers, body, stdin };
}

/** `list_client_tokens` → `listClientTokens`: how Onedata's generated clients name operations. */
export function camelCase(id) {
  return id.replace(/[_-]+([A-Za-z0-9])/g, (_, letter) => letter.toUpperCase());
}
