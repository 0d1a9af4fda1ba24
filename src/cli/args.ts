// Splits the command line into options and the operation's words, with node:util parseArgs.
import { parseArgs } from "node:util";
import { OnezoneUsageError } from "../errors.ts";

/** Every option; completion offers these names too. */
export const OPTIONS = {
  host: { type: "string" },
  user: { type: "string", short: "u" },
  "content-type": { type: "string" },
  accept: { type: "string" },
  "allow-insecure-http": { type: "boolean" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean" },
  compact: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  about: { type: "boolean" },
  version: { type: "boolean", short: "V" },
} as const;

/**
 * The official client's two-letter short options, which parseArgs cannot take (its shorts are one
 * letter): each is rewritten to its long name before parsing.
 */
export const TWO_LETTER_OPTIONS: Readonly<Record<string, keyof typeof OPTIONS>> = {
  "-ct": "content-type",
  "-ac": "accept",
};

export interface Invocation {
  host: string | undefined;
  /** `user:password` for basic auth. */
  user: string | undefined;
  /** The request body's media type, as given (`json`, `application/json`, ...). */
  contentType: string | undefined;
  /** The Accept header, as given (`json`, `text/plain`, ...). */
  accept: string | undefined;
  /** Lets credentials go over plain http to a host that is not this machine. */
  allowInsecureHttp: boolean;
  dryRun: boolean;
  /** Sends even when the body does not match the spec or required parameters are missing. */
  force: boolean;
  compact: boolean;
  verbose: boolean;
  help: boolean;
  about: boolean;
  version: boolean;
  /** The operation id, or `completion`. */
  command: string | undefined;
  /** What follows the command: `key=value`, `Header:value`, body words and `-`, or a shell name. */
  words: string[];
}

export function parseInvocation(argv: string[]): Invocation {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(withLongNames(argv));
  } catch (error) {
    // Node's messages name the option, never its value; keep their first sentence.
    const first = (error as Error).message.split(". ")[0]?.replace(/\.$/, "");
    throw new OnezoneUsageError(`${first}; see onezone-rest-cli --help.`);
  }
  const { values, positionals } = parsed;
  return {
    host: values.host,
    user: values.user,
    contentType: values["content-type"],
    accept: values.accept,
    allowInsecureHttp: values["allow-insecure-http"] === true,
    dryRun: values["dry-run"] === true,
    force: values.force === true,
    compact: values.compact === true,
    verbose: values.verbose === true,
    help: values.help === true,
    about: values.about === true,
    version: values.version === true,
    command: positionals[0],
    words: positionals.slice(1),
  };
}

/** `-ct json` → `--content-type json`; after `--`, every word is the operation's. */
function withLongNames(argv: string[]): string[] {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  return argv.map((word, i) => {
    const long = i < end ? TWO_LETTER_OPTIONS[word] : undefined;
    return long ? `--${long}` : word;
  });
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}
