// Turns the words after an operation id into its parameters, headers and body, checked against
// the table.
import type { CliParameter } from "../../generated/cli-table.gen.ts";
import { OnezoneUsageError } from "../errors.ts";
import { type BodyOptions, type BodyPlan, type BodyWord, planBody } from "./body.ts";
import { isSendable, UNSENDABLE } from "./header-value.ts";
import { fullMediaType } from "./media-types.ts";
import { type CliCommand, nearest } from "./operations.ts";

export interface RequestPlan {
  path: Record<string, string>;
  /** A query parameter given more than once becomes an array (`key=a key=b`). */
  query: Record<string, string | string[]>;
  /** Every `Header:value` word, in order; cookie parameters become one `Cookie` header. */
  headers: [name: string, value: string][];
  /** The request body, when the words give one. */
  body: BodyPlan | undefined;
}

export interface PlanOptions extends BodyOptions {
  /** -ac/--accept, as given: sent as the Accept header. */
  accept?: string | undefined;
}

/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * What a word is, by the first of `=`, `:` and `@` in it: `key=value` (a parameter), `name==text`,
 * `name:=JSON`, `Header:value`, `name@path`; a lone `-` is the body on standard input.
 */
const WORD = /^([^=:@]+)(==|=|:=|:|@)([\s\S]*)$/;

export function planRequest(
  op: CliCommand,
  words: readonly string[],
  options: PlanOptions = {},
): RequestPlan {
  // Null-prototype records: a parameter named e.g. "__proto__" or "constructor" is just a key.
  const plan: RequestPlan = {
    path: Object.create(null),
    query: Object.create(null),
    headers: [],
    body: undefined,
  };
  const cookies: string[] = [];
  const bodyWords: BodyWord[] = [];
  let fromStdin = false;
  words.forEach((word, index) => {
    const where = `argument ${index + 1} after ${op.name}`;
    if (word === "-") {
      fromStdin = true;
      return;
    }
    const [, name = "", operator, value = ""] = WORD.exec(word) ?? [];
    if (operator === "==" || operator === ":=" || operator === "@") {
      const kind = operator === "==" ? "text" : operator === ":=" ? "json" : "file";
      bodyWords.push({ kind, name, value, where });
      return;
    }
    if (operator === "=") {
      const parameter = findParameter(op, name, where);
      if (parameter.in === "path") {
        if (Object.hasOwn(plan.path, name)) {
          throw new OnezoneUsageError(`${op.name} got ${name}= twice; give it once.`);
        }
        plan.path[name] = value;
      } else if (parameter.in === "query") {
        const previous = plan.query[name];
        plan.query[name] = previous === undefined ? value : [previous, value].flat();
      } else {
        if (!isSendable(value)) {
          throw new OnezoneUsageError(`Cookie ${name} (${where}) ${UNSENDABLE}.`);
        }
        cookies.push(`${name}=${value}`);
      }
      return;
    }
    if (operator === ":" && HEADER_NAME.test(name)) {
      const trimmed = value.trim();
      if (trimmed === "") throw new OnezoneUsageError(`Header ${name} (${where}) has no value.`);
      if (!isSendable(trimmed)) {
        throw new OnezoneUsageError(`Header ${name} (${where}) ${UNSENDABLE}.`);
      }
      plan.headers.push([name, trimmed]);
      return;
    }
    throw new OnezoneUsageError(
      `The ${where} is neither key=VALUE, Header:VALUE nor a body field (name==text, name:=JSON); see onezone-rest-cli ${op.name} --help.`,
    );
  });
  if (cookies.length > 0) plan.headers.push(["Cookie", cookies.join("; ")]);
  if (options.accept !== undefined) plan.headers.push(["Accept", fullMediaType(options.accept)]);
  plan.body = planBody(op, bodyWords, fromStdin, options);
  if (!options.force) assertRequiredGiven(op, plan, cookies);
  return plan;
}

function findParameter(op: CliCommand, name: string, where: string): CliParameter {
  const parameter = op.parameters.find((p) => p.name === name);
  if (parameter?.in === "header") {
    throw new OnezoneUsageError(`${name} is a header of ${op.name}; give it as ${name}:VALUE.`);
  }
  if (parameter) return parameter;
  const names = op.parameters.filter((p) => p.in !== "header").map((p) => p.name);
  const guess = nearest(name, names);
  const takes = names.length === 0 ? "no parameters" : names.map((n) => `${n}=`).join(" ");
  const hint = guess ? `did you mean ${guess}=? ` : "";
  throw new OnezoneUsageError(
    `Unknown parameter "${name}" (${where}); ${hint}${op.name} takes ${takes}.`,
  );
}

/** Every required parameter, and the body when it is required; --force skips this. */
function assertRequiredGiven(op: CliCommand, plan: RequestPlan, cookies: string[]): void {
  const given = (p: CliParameter): boolean => {
    if (p.in === "path") return Object.hasOwn(plan.path, p.name);
    if (p.in === "query") return Object.hasOwn(plan.query, p.name);
    if (p.in === "cookie") return cookies.some((c) => c.startsWith(`${p.name}=`));
    return plan.headers.some(([name]) => name.toLowerCase() === p.name.toLowerCase());
  };
  const missing = op.parameters.filter((p) => p.required && !given(p));
  const needs = missing.map((p) => (p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`));
  const body = op.body?.required && plan.body === undefined;
  if (needs.length === 0 && !body) return;
  const what = [
    ...(needs.length > 0 ? [needs.join(" ")] : []),
    ...(body
      ? ["a request body (its fields as name==text or name:=JSON, or - for standard input)"]
      : []),
  ];
  throw new OnezoneUsageError(
    `${op.name} needs ${what.join(" and ")}; see onezone-rest-cli ${op.name} --help.`,
  );
}
