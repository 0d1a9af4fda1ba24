// onezone-docs/error-example-matches-status: the Onedata error an error response's example shows
// (`error.id`) is one that Onedata answers with that response's HTTP status, by Onedata's error
// catalogue (lint/onedata-errors.json). The examples checked are the ones a reader of the docs
// sees: the response's own (Swagger 2.0 `examples`), its media types' (`example`, `examples`), or,
// when it has none, the `example` of its schema, which it inherits from a shared schema.
import { readFileSync } from "node:fs";
import { describeOperation, isObject, operationVisitor, resolveNode } from "../lib/operations.js";

const CATALOGUE_FILE = "lint/onedata-errors.json";
const catalogue = JSON.parse(
  readFileSync(new URL("../onedata-errors.json", import.meta.url), "utf8"),
);
/** The status each listed error id comes with. */
const statusOfId = new Map(
  Object.entries(catalogue.statuses).flatMap(([status, ids]) => ids.map((id) => [id, status])),
);

/** The HTTP status Onedata answers an error id with, if the catalogue knows it. */
function statusOf(id) {
  const listed = statusOfId.get(id);
  if (listed !== undefined) return listed;
  for (const [status, prefixes] of Object.entries(catalogue.unlistedIdPrefixes ?? {})) {
    if (prefixes.some((prefix) => id.startsWith(prefix))) return status;
  }
  return undefined;
}

/** Whether a response key (`404`, `4XX`) covers a status. */
function covers(responseKey, status) {
  return /^\dXX$/i.test(responseKey) ? responseKey[0] === status[0] : responseKey === status;
}

export default function ErrorExampleMatchesStatus() {
  return operationVisitor((operation, ctx, where) => {
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [key, rawResponse] of Object.entries(responses)) {
      if (!/^[45](\d\d|XX)$/i.test(key)) continue;
      for (const example of errorExamples(rawResponse, key, ctx)) {
        const problem = checkExample(example, key);
        if (problem === undefined) continue;
        ctx.report({
          message: `${describeOperation(operation, where)}: ${problem}`,
          location: example.location,
        });
      }
    }
  });
}

function checkExample(example, key) {
  const id = errorId(example.value);
  if (id === undefined) return undefined;
  const actual = statusOf(id);
  const expected = catalogue.statuses[key.toUpperCase()];
  if (actual !== undefined && covers(key, actual)) return undefined;
  if (actual === undefined && expected === undefined) return undefined;
  const shown = `${example.name}${example.from ? ` (${example.from})` : ""}`;
  const answered =
    actual === undefined
      ? "which Onedata's error catalogue does not list"
      : `which Onedata answers with HTTP ${actual}`;
  const carries =
    expected === undefined
      ? `use an example of a ${key} error (${CATALOGUE_FILE} lists the ids of each status)`
      : `a ${key} answer carries ${idList(expected)}: ${example.fix} ${expected.length === 1 ? "that id" : "one of those ids"}`;
  return `${shown} has error id \`${id}\`, ${answered}; ${carries}${example.note ? ` ${example.note}` : ""}.`;
}

function idList(ids) {
  const quoted = ids.map((id) => `\`${id}\``);
  if (quoted.length === 1) return `only ${quoted[0]}`;
  if (quoted.length <= 6) return `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
  return `one of the ${ids.length} ids ${CATALOGUE_FILE} lists for it, such as ${quoted.slice(0, 3).join(", ")}`;
}

/** `error.id` of an Onedata error body, given as a value or as JSON text. */
function errorId(value) {
  let body = value;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const id = isObject(body) && isObject(body.error) ? body.error.id : undefined;
  return typeof id === "string" ? id : undefined;
}

/**
 * The examples a reader sees for one error response: `{ name, value, location, from, fix }`. The
 * location stays inside the operation: at the example's `error.id` when it is written there, or
 * at the `$ref` through which it comes (`from` names where it lives).
 */
function errorExamples(rawResponse, key, ctx) {
  const examples = [];
  const base = ["responses", key];
  let anchor;
  let from;
  if (typeof rawResponse?.$ref === "string") {
    anchor = ctx.location.child(base).key();
    from = rawResponse.$ref;
  }
  const response = resolveNode(rawResponse, ctx);
  if (!isObject(response)) return examples;
  /** Where a value at `path` (inside the response) is reported, and where it comes from. */
  const place = (path, value, ref) => {
    if (anchor) return { location: anchor, from: ref ? `${from} → ${ref}` : from };
    if (ref) return { location: ctx.location.child([...base, ...path]).key(), from: ref };
    const idPath = isObject(value) && isObject(value.error) ? ["error", "id"] : [];
    return { location: ctx.location.child([...base, ...path, ...idPath]), from: undefined };
  };
  const own = (name, value, path, ref, fix, note) =>
    examples.push({ name, value, ...place(path, value, ref), fix, note });
  const inherited = (rawSchema, path) => {
    const ref = typeof rawSchema?.$ref === "string" ? rawSchema.$ref : undefined;
    const schema = resolveNode(rawSchema, ctx);
    if (!isObject(schema)) return;
    const values = [];
    if (schema.example !== undefined) values.push([schema.example, ["example"]]);
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, index) => {
        values.push([value, ["examples", index]]);
      });
    }
    for (const [value, at] of values) {
      own(
        `the example of its ${key} response's schema`,
        value,
        ref ? path : [...path, ...at],
        ref,
        `give the ${key} response an example of its own with`,
        "(a schema's example shows under every status whose response uses the schema)",
      );
    }
  };
  const fix = "change its `error.id` (and `description`) to";

  if (ctx.specVersion === "oas2") {
    if (isObject(response.examples) && Object.keys(response.examples).length > 0) {
      for (const [mime, value] of Object.entries(response.examples)) {
        own(
          `the ${mime} example of its ${key} response`,
          value,
          ["examples", mime],
          undefined,
          fix,
        );
      }
    } else if (response.schema !== undefined) {
      inherited(response.schema, ["schema"]);
    }
    return examples;
  }

  const content = isObject(response.content) ? response.content : {};
  for (const [mime, rawMediaType] of Object.entries(content)) {
    const mediaType = resolveNode(rawMediaType, ctx);
    if (!isObject(mediaType)) continue;
    const path = ["content", mime];
    let shown = 0;
    if (mediaType.example !== undefined) {
      own(
        `the example of its ${key} response`,
        mediaType.example,
        [...path, "example"],
        undefined,
        fix,
      );
      shown++;
    }
    if (isObject(mediaType.examples)) {
      for (const [name, rawExample] of Object.entries(mediaType.examples)) {
        const example = resolveNode(rawExample, ctx);
        if (!isObject(example) || example.value === undefined) continue;
        const ref = typeof rawExample?.$ref === "string" ? rawExample.$ref : undefined;
        own(
          `the example "${name}" of its ${key} response`,
          example.value,
          ref ? [...path, "examples", name] : [...path, "examples", name, "value"],
          ref,
          ref ? "replace it by an example with" : "change its `error.id` (and `description`) to",
        );
        shown++;
      }
    }
    if (shown === 0 && mediaType.schema !== undefined)
      inherited(mediaType.schema, [...path, "schema"]);
  }
  return examples;
}
