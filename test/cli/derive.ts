// What the CLI suites derive from a spec's CLI table: the words of a valid call of an operation,
// and the requests and answers to expect.
import type { CliOperation, CliParameter } from "../../generated/cli-table.gen.ts";

export interface Call {
  /** The words after the operation id. */
  words: string[];
  /** Standard input, for a body given with `-`. */
  stdin?: string;
}

/** A value for a parameter: plain, so that it arrives as it was given. */
export function parameterValue(name: string): string {
  return `value-of-${name.toLowerCase()}`;
}

/**
 * Every required parameter (its value from `value`, parameterValue by default), and the body of
 * the help's example when the operation takes one (a file part reads `file`): a call the CLI
 * sends as it is.
 */
export function validCall(
  op: CliOperation,
  file: string,
  value: (p: CliParameter) => string = (p) => parameterValue(p.name),
): Call {
  const parameters = op.parameters
    .filter((p) => p.required)
    .map((p) => (p.in === "header" ? `${p.name}:${value(p)}` : `${p.name}=${value(p)}`));
  const example = op.requestBody?.example;
  if (!example) return { words: parameters };
  const body = example.words.map((word) => word.replace(/@PATH$/, `@${file}`));
  return {
    words: [...parameters, ...body],
    ...(example.stdin === null ? {} : { stdin: example.stdin }),
  };
}

/** The path the operation's call goes to, its path parameters given by parameterValue. */
export function calledPath(op: CliOperation & { path: string }): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(parameterValue(name)),
  );
}

/** The successful answers an operation documents. */
export function successes(op: CliOperation): CliOperation["responses"] {
  return op.responses.filter((r) => r.status.startsWith("2"));
}
