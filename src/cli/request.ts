// Turns the words after an operation id into its parameters and headers, checked against the table.
import type { CliOperation, CliParameter } from "../../generated/cli-table.gen.ts";
import { OnezoneUsageError } from "../errors.ts";
import { isSendable, UNSENDABLE } from "./header-value.ts";
import { nearest } from "./operations.ts";

export interface RequestPlan {
  path: Record<string, string>;
  /** A query parameter given more than once becomes an array (`key=a key=b`). */
  query: Record<string, string | string[]>;
  /** Every `Header:value` word, in order; cookie parameters become one `Cookie` header. */
  headers: [name: string, value: string][];
}

/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function planRequest(op: CliOperation, words: readonly string[]): RequestPlan {
  // Null-prototype records: a parameter named e.g. "__proto__" or "constructor" is just a key.
  const plan: RequestPlan = { path: Object.create(null), query: Object.create(null), headers: [] };
  const cookies: string[] = [];
  words.forEach((word, index) => {
    const where = `argument ${index + 1} after ${op.id}`;
    const equals = word.indexOf("=");
    const colon = word.indexOf(":");
    if (equals > 0 && (colon < 0 || equals < colon)) {
      const name = word.slice(0, equals);
      const value = word.slice(equals + 1);
      const parameter = findParameter(op, name, where);
      if (parameter.in === "path") {
        if (Object.hasOwn(plan.path, name)) {
          throw new OnezoneUsageError(`${op.id} got ${name}= twice; give it once.`);
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
    if (colon > 0 && HEADER_NAME.test(word.slice(0, colon))) {
      const value = word.slice(colon + 1).trim();
      if (value === "") {
        throw new OnezoneUsageError(`Header ${word.slice(0, colon)} (${where}) has no value.`);
      }
      if (!isSendable(value)) {
        throw new OnezoneUsageError(`Header ${word.slice(0, colon)} (${where}) ${UNSENDABLE}.`);
      }
      plan.headers.push([word.slice(0, colon), value]);
      return;
    }
    throw new OnezoneUsageError(
      `The ${where} is neither key=VALUE nor Header:VALUE; see onezone-rest-cli ${op.id} --help.`,
    );
  });
  if (cookies.length > 0) plan.headers.push(["Cookie", cookies.join("; ")]);
  assertRequiredGiven(op, plan, cookies);
  return plan;
}

function findParameter(op: CliOperation, name: string, where: string): CliParameter {
  const parameter = op.parameters.find((p) => p.name === name);
  if (parameter?.in === "header") {
    throw new OnezoneUsageError(`${name} is a header of ${op.id}; give it as ${name}:VALUE.`);
  }
  if (parameter) return parameter;
  const names = op.parameters.filter((p) => p.in !== "header").map((p) => p.name);
  const guess = nearest(name, names);
  const takes = names.length === 0 ? "no parameters" : names.map((n) => `${n}=`).join(" ");
  const hint = guess ? `did you mean ${guess}=? ` : "";
  throw new OnezoneUsageError(
    `Unknown parameter "${name}" (${where}); ${hint}${op.id} takes ${takes}.`,
  );
}

function assertRequiredGiven(op: CliOperation, plan: RequestPlan, cookies: string[]): void {
  const given = (p: CliParameter): boolean => {
    if (p.in === "path") return Object.hasOwn(plan.path, p.name);
    if (p.in === "query") return Object.hasOwn(plan.query, p.name);
    if (p.in === "cookie") return cookies.some((c) => c.startsWith(`${p.name}=`));
    return plan.headers.some(([name]) => name.toLowerCase() === p.name.toLowerCase());
  };
  const missing = op.parameters.filter((p) => p.required && !given(p));
  if (missing.length === 0) return;
  const forms = missing.map((p) => (p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`));
  throw new OnezoneUsageError(
    `${op.id} needs ${forms.join(" ")}; see onezone-rest-cli ${op.id} --help.`,
  );
}
