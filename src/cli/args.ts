// Splits the command line into options and the operation's words, with node:util parseArgs.
import { parseArgs } from "node:util";
import { OnezoneUsageError } from "../errors.ts";

/** Every option; completion offers these names too. */
export const OPTIONS = {
  host: { type: "string" },
  user: { type: "string", short: "u" },
  "allow-insecure-http": { type: "boolean" },
  "dry-run": { type: "boolean" },
  compact: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

export interface Invocation {
  host: string | undefined;
  /** `user:password` for basic auth. */
  user: string | undefined;
  /** Lets credentials go over plain http to a host that is not this machine. */
  allowInsecureHttp: boolean;
  dryRun: boolean;
  compact: boolean;
  verbose: boolean;
  help: boolean;
  /** The operation id, or `completion`. */
  command: string | undefined;
  /** What follows the command: `key=value` and `Header:value` words, or a shell name. */
  words: string[];
}

export function parseInvocation(argv: string[]): Invocation {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // Node's messages name the option, never its value; keep their first sentence.
    const first = (error as Error).message.split(". ")[0]?.replace(/\.$/, "");
    throw new OnezoneUsageError(`${first}; see onezone-rest-cli --help.`);
  }
  const { values, positionals } = parsed;
  return {
    host: values.host,
    user: values.user,
    allowInsecureHttp: values["allow-insecure-http"] === true,
    dryRun: values["dry-run"] === true,
    compact: values.compact === true,
    verbose: values.verbose === true,
    help: values.help === true,
    command: positionals[0],
    words: positionals.slice(1),
  };
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}
