// onezone-docs/code-sample-matches-operation: the commands an operation's samples show request
// that operation. A curl command's method (`-X`, or the one curl implies) is the operation's, and
// its URL's path is the operation's path under a server's base path (`/api/v3/onezone`), with a
// placeholder (`$USER_ID`, `${ID}`) or an example value only where the path has a parameter. An
// `onezone-rest-cli` command names this operation, only its parameters, and all required ones; it
// sends body words (`name==text`, `name:=json`, `name@file`, a lone `-`) only when the operation
// takes a request body, naming only fields the body's schema has (when the schema lists them all),
// a file part (`name@file`) only to a multipart body, and a required body always.
import {
  basePaths,
  describeOperation,
  isObject,
  operationBasePaths,
  operationVisitor,
  resolveNode,
} from "../lib/operations.js";
import { requestBodyOf } from "../lib/request-body.js";
import { operationSamples, placeOf } from "../lib/samples.js";
import {
  camelCase,
  commandName,
  hasPlaceholder,
  parseCurl,
  parseRestCli,
  readSample,
  urlPath,
} from "../lib/shell.js";

export default function CodeSampleMatchesOperation() {
  let documentBases = [""];
  let documentConsumes = [];
  return operationVisitor(
    (operation, ctx, where) => {
      const samples = operationSamples(operation, ctx).filter((s) => s.kind === "shell");
      if (samples.length === 0) return;
      const name = describeOperation(operation, where);
      const bases = operationBasePaths(operation, where.pathItem, documentBases);
      for (const sample of samples) {
        for (const command of readSample(sample.source).commands) {
          const { name: program, args } = commandName(command.words);
          const base = program?.split("/").at(-1) ?? "";
          const at = placeOf(sample, command.line);
          const problems =
            base === "curl"
              ? curlProblems(parseCurl(args), where, bases)
              : /-rest-cli$/.test(base)
                ? cliProblems(parseRestCli(args), base, operation, where, ctx, documentConsumes)
                : [];
          for (const problem of problems) {
            ctx.report({
              message: `${name}: ${problem.replace("{at}", at)}`,
              location: sample.location,
            });
          }
        }
      }
    },
    {
      Root: {
        enter(root) {
          documentBases = basePaths(root);
          documentConsumes = Array.isArray(root?.consumes) ? root.consumes : [];
        },
      },
    },
  );
}

function curlProblems(curl, where, bases) {
  const problems = [];
  if (curl.method !== where.method) {
    problems.push(
      `the curl command {at} sends ${curl.method} (${curl.methodFrom}) but the operation is ${where.method}: ${curl.methodFrom.startsWith("-") ? `change it to \`-X ${where.method}\`` : `add \`-X ${where.method}\``}.`,
    );
  }
  for (const url of curl.urls) {
    const path = urlPath(url);
    if (path === undefined) continue;
    // `$ONEZONE_URL/users/...`: a placeholder in front may stand for the base URL, path included.
    const basesHere = /^\$\{?[A-Za-z_]/.test(url) ? [...bases, ""] : bases;
    const mismatch = pathMismatch(path, basesHere, where.path);
    if (mismatch === undefined) continue;
    const expected = `${bases[0] ?? ""}${where.path}`;
    problems.push(
      `the curl command {at} requests \`${path}\`, which is not the operation's path \`${expected}\`${bases[0] ? ` (base path \`${bases[0]}\` + \`${where.path}\`)` : ""}: ${mismatch}; fix the URL.`,
    );
  }
  return problems;
}

function segments(path) {
  return path.split("/").filter((segment) => segment !== "");
}

/** A template segment as a matcher: a literal, or a pattern when it holds `{parameters}`. */
function matcher(segment) {
  if (!/\{[^}]+\}/.test(segment)) return { literal: segment };
  const pattern = segment
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
  return { pattern: new RegExp(`^${pattern}$`), template: segment };
}

function segmentMatches(actual, expected) {
  return expected.literal !== undefined
    ? actual === expected.literal
    : expected.pattern.test(actual);
}

function allMatch(actual, expected) {
  return (
    actual.length === expected.length && actual.every((s, i) => segmentMatches(s, expected[i]))
  );
}

/** Why a URL path is not the operation's; undefined when it is, under one of the base paths. */
function pathMismatch(path, bases, template) {
  const actual = segments(path);
  const wanted = segments(template).map(matcher);
  for (const base of bases) {
    if (allMatch(actual, [...segments(base).map((s) => ({ literal: s })), ...wanted])) {
      return undefined;
    }
  }
  const base = segments(bases[0] ?? "");
  // The operation's path is there, after the wrong base path.
  if (
    actual.length >= wanted.length &&
    allMatch(actual.slice(actual.length - wanted.length), wanted)
  ) {
    const prefix = actual.slice(0, actual.length - wanted.length);
    const missing = base.filter((s) => !prefix.includes(s));
    return missing.length > 0 && prefix.every((s) => base.includes(s))
      ? `its base path \`/${prefix.join("/")}\` lacks \`/${missing.join("/")}\``
      : `its base path is \`/${prefix.join("/")}\`, not \`/${base.join("/")}\``;
  }
  const startsWithBase = base.every((s, i) => actual[i] === s);
  if (!startsWithBase) return `it does not start with the base path \`/${base.join("/")}\``;
  const rest = actual.slice(base.length);
  if (rest.length !== wanted.length) {
    return `it has ${rest.length} segment(s) after the base path where the operation's path has ${wanted.length}`;
  }
  const index = rest.findIndex((s, i) => !segmentMatches(s, wanted[i]));
  const segment = rest[index] ?? "";
  const expected = wanted[index] ?? {};
  if (expected.literal !== undefined && hasPlaceholder(segment)) {
    return `\`${segment}\` is a placeholder where the path has the literal segment \`${expected.literal}\``;
  }
  return `it has \`${segment}\` where the path has \`${expected.literal ?? expected.template}\``;
}

function cliProblems(cli, program, operation, where, ctx, documentConsumes) {
  const problems = [];
  const id = typeof operation.operationId === "string" ? operation.operationId : undefined;
  if (cli.operation === undefined) {
    return [`the ${program} command {at} names no operation: add \`${id ?? "<operationId>"}\`.`];
  }
  if (id !== undefined && cli.operation !== id && cli.operation !== camelCase(id)) {
    problems.push(
      `the ${program} command {at} calls \`${cli.operation}\`, not this operation: call \`${camelCase(id)}\`.`,
    );
    // Its parameters are another operation's; checking them here would only add noise.
    return problems;
  }
  const allParameters = operationParameters(operation, where.pathItem, ctx);
  const body = requestBodyOf(operation, allParameters, ctx, documentConsumes);
  // Swagger 2.0's body and form fields are the body's, given as body words.
  const parameters = allParameters.filter((p) => p.in !== "body" && p.in !== "formData");
  const passable = parameters.filter((p) => p.in !== "header");
  const names = new Set(passable.map((p) => p.name));
  const unknown = cli.parameters.filter((p) => !names.has(p.name)).map((p) => p.name);
  if (unknown.length > 0) {
    const known = passable.map((p) => `\`${p.name}\``).join(", ");
    problems.push(
      `the ${program} command {at} passes ${unknown.map((n) => `\`${n}=\``).join(", ")}, which ${unknown.length > 1 ? "are" : "is"} not a parameter of this operation (${known === "" ? "it has none" : `its parameters: ${known}`}): remove or rename ${unknown.length > 1 ? "them" : "it"}.`,
    );
  }
  const given = new Set(cli.parameters.map((p) => p.name));
  const givenHeaders = new Set(cli.headers.map((h) => h.name.toLowerCase()));
  const missing = parameters.filter(
    (p) =>
      (p.in === "path" || p.required === true) &&
      (p.in === "header" ? !givenHeaders.has(p.name.toLowerCase()) : !given.has(p.name)),
  );
  if (missing.length > 0) {
    const words = missing.map((p) =>
      p.in === "header" ? `\`${p.name}:<value>\`` : `\`${p.name}=<value>\``,
    );
    problems.push(
      `the ${program} command {at} leaves out the required parameter${missing.length > 1 ? "s" : ""} ${missing.map((p) => `\`${p.name}\``).join(", ")}: add ${words.join(" ")}.`,
    );
  }
  return [...problems, ...bodyProblems(cli, program, body)];
}

/** What is wrong with the body a command sends, given the operation's (undefined: it has none). */
function bodyProblems(cli, program, body) {
  const words = cli.body.map((word) => `\`${word.key}${word.operator}\``);
  if (cli.stdin) words.push("`-` (the body from standard input)");
  if (body === undefined) {
    if (words.length === 0) return [];
    return [
      `the ${program} command {at} sends ${list(words)} as a request body, but the operation takes none: remove ${words.length > 1 ? "them" : "it"}.`,
    ];
  }
  const problems = [];
  if (body.required && words.length === 0) {
    problems.push(
      `the ${program} command {at} sends no request body, which the operation requires: add its fields (\`name==text\`, \`name:=json\`${body.multipart ? ", `name@file`" : ""}), or a lone \`-\` to read it from standard input.`,
    );
  }
  const fields = body.fields;
  const unknown = [...new Set(cli.body.map((word) => word.field))].filter(
    (field) => fields !== undefined && !fields.has(field),
  );
  if (unknown.length > 0) {
    problems.push(
      `the ${program} command {at} sets ${list(unknown.map((f) => `\`${f}\``))}, which ${unknown.length > 1 ? "are not fields" : "is not a field"} of the operation's request body (its fields: ${list([...(fields ?? [])].map((f) => `\`${f}\``))}): remove or rename ${unknown.length > 1 ? "them" : "it"}.`,
    );
  }
  const files = cli.body.filter((word) => word.operator === "@");
  if (files.length > 0 && !body.multipart) {
    const takes =
      body.mediaTypes.length > 0
        ? ` (it takes ${list(body.mediaTypes.map((t) => `\`${t}\``))})`
        : "";
    problems.push(
      `the ${program} command {at} sends ${list(files.map((w) => `\`${w.key}@${w.value}\``))} as a file part, but the operation's request body is not \`multipart/form-data\`${takes}: give the field with \`${files[0]?.key}==\` or \`${files[0]?.key}:=\`.`,
    );
  }
  return problems;
}

function list(items) {
  return items.length > 1
    ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
    : (items[0] ?? "");
}

/** The operation's parameters, its path item's included (the operation's win), `$ref`s resolved. */
function operationParameters(operation, pathItem, ctx) {
  const byKey = new Map();
  for (const owner of [pathItem, operation]) {
    if (!Array.isArray(owner?.parameters)) continue;
    for (const raw of owner.parameters) {
      const parameter = resolveNode(raw, ctx);
      if (!isObject(parameter) || typeof parameter.name !== "string") continue;
      byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}
