// onezone-docs/deprecated-names-replacement: a deprecated operation says what to use instead, by
// a link in its description that resolves (to an operation of the same spec, as `#operation/<id>`
// (Redoc's anchors) or `#/paths/<path>/<method>`, or to an absolute URL), or by an `x-replacement`
// extension: an operationId of this spec, an absolute URL, or `{ operationId, method, path }` of
// an operation documented elsewhere. A link that resolves nowhere is reported wherever it is.
import { links } from "../lib/markdown.js";
import { describeOperation, indexDocument, isObject, operationVisitor } from "../lib/operations.js";

const METHODS = new Set([
  "GET",
  "PUT",
  "POST",
  "DELETE",
  "OPTIONS",
  "HEAD",
  "PATCH",
  "TRACE",
  "QUERY",
]);
const HOW =
  "link the replacement as `#operation/<operationId>` (an operation of this spec) or by an absolute URL, or name it in `x-replacement`";

export default function DeprecatedNamesReplacement() {
  let index = { byId: new Map(), byPath: new Map() };
  return operationVisitor(
    (operation, ctx, where) => {
      if (operation.deprecated !== true) return;
      const name = describeOperation(operation, where);
      const description = typeof operation.description === "string" ? operation.description : "";
      let replacements = 0;
      let dead = 0;
      for (const link of links(description)) {
        const verdict = resolveLink(link.target, index, operation, where);
        if (verdict.resolves) {
          if (!verdict.self) replacements++;
          continue;
        }
        dead++;
        const label = link.text ? ` "${link.text}"` : "";
        ctx.report({
          message: `${name} is deprecated, and its description's link${label} to \`${link.target}\` (line ${link.line + 1}) ${verdict.why}: ${HOW}.`,
          location: ctx.location.child(["description"]),
        });
      }
      const replacement = operation["x-replacement"];
      if (replacement !== undefined) {
        const problem = replacementProblem(replacement, index);
        if (problem === undefined) {
          replacements++;
        } else {
          dead++;
          ctx.report({
            message: `${name} is deprecated, and its \`x-replacement\` ${problem}.`,
            location: ctx.location.child(["x-replacement"]),
          });
        }
      }
      if (replacements > 0 || dead > 0) return;
      ctx.report({
        message: `${name} is deprecated but does not say what to use instead: ${HOW}.`,
        location: ctx.location.child(["deprecated"]).key(),
      });
    },
    {
      Root: {
        enter(root, ctx) {
          index = indexDocument(root, ctx);
        },
      },
    },
  );
}

function isAbsoluteUrl(target) {
  if (!/^[A-Za-z][\w+.-]*:\/\/\S/.test(target)) return false;
  try {
    new URL(target);
    return true;
  } catch {
    return false;
  }
}

/** Whether a link target resolves, and whether it is the deprecated operation itself. */
function resolveLink(target, index, operation, where) {
  if (target === "") return { resolves: false, why: "has no target" };
  const byId = /^#(?:tag\/[^/]+\/)?operation\/(.+)$/.exec(target);
  if (byId) {
    const id = safeDecode(byId[1] ?? "");
    return index.byId.has(id)
      ? { resolves: true, self: id === operation.operationId }
      : { resolves: false, why: `names no operation of this spec (no operationId \`${id}\`)` };
  }
  if (target.startsWith("#/paths/")) {
    const [rawPath = "", rawMethod = ""] = target.slice("#/paths/".length).split("/");
    const path = safeDecode(rawPath).replaceAll("~1", "/").replaceAll("~0", "~");
    const method = rawMethod.toLowerCase();
    return index.byPath.get(path)?.has(method)
      ? { resolves: true, self: path === where.path && method.toUpperCase() === where.method }
      : {
          resolves: false,
          why: `points to no operation of this spec (no ${method.toUpperCase() || "operation"} ${path})`,
        };
  }
  if (target.startsWith("#")) {
    return { resolves: false, why: "is an anchor that names no operation" };
  }
  if (isAbsoluteUrl(target)) return { resolves: true, self: false };
  return {
    resolves: false,
    why: "is relative, so it resolves against wherever the docs happen to be served",
  };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What is wrong with an `x-replacement`; undefined when it names a replacement. */
function replacementProblem(replacement, index) {
  const shapes =
    "give an operationId of this spec, an absolute URL, or `{ operationId, method, path }` of an operation documented elsewhere";
  if (typeof replacement === "string") {
    if (index.byId.has(replacement) || isAbsoluteUrl(replacement)) return undefined;
    return `\`${replacement}\` is neither an operationId of this spec nor an absolute URL: ${shapes}`;
  }
  if (!isObject(replacement)) return `is not a string or an object: ${shapes}`;
  const { operationId, method, path, url } = replacement;
  const known = typeof operationId === "string" ? index.byId.get(operationId) : undefined;
  if (known !== undefined) {
    const sameMethod = method === undefined || String(method).toUpperCase() === known.method;
    const samePath = path === undefined || path === known.path;
    return sameMethod && samePath
      ? undefined
      : `says \`${operationId}\` is ${method ?? known.method} ${path ?? known.path}, but in this spec it is ${known.method} ${known.path}: fix \`method\` and \`path\``;
  }
  if (
    typeof method === "string" &&
    METHODS.has(method.toUpperCase()) &&
    typeof path === "string" &&
    path.startsWith("/")
  ) {
    return undefined;
  }
  if (typeof url === "string" && isAbsoluteUrl(url)) return undefined;
  return `names no operation: ${shapes}`;
}
