// Shared by the rules of lint/rules/: which operation is being visited (its path comes from the
// enclosing path item, so split specs name it too), how messages name it, and what the whole
// document says about its operations (their ids, the servers' base paths).

/** "Operation `getNamedTokenStatus` (GET /tokens/named/{id}/status)", or without the id. */
export function describeOperation(operation, where) {
  const at = `${where.method} ${where.path}`;
  return isNonEmptyString(operation?.operationId)
    ? `Operation \`${operation.operationId}\` (${at})`
    : `Operation ${at}`;
}

export function isNonEmptyString(value) {
  return typeof value === "string" && value.trim() !== "";
}

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Visitors that call `onOperation(operation, ctx, where)` for every operation, `where` being
 * `{ method, path, pathItem }`. A stack, since a callback's path items sit inside an operation.
 * `extra` adds visitors of other types (Root, Info, ...).
 */
export function operationVisitor(onOperation, extra = {}) {
  const pathItems = [];
  return {
    ...extra,
    PathItem: {
      enter(node, ctx) {
        pathItems.push({ path: String(ctx.key), node });
      },
      leave() {
        pathItems.pop();
      },
      Operation(operation, ctx) {
        const current = pathItems.at(-1);
        onOperation(operation, ctx, {
          method: String(ctx.key).toUpperCase(),
          path: current?.path ?? "?",
          pathItem: current?.node,
        });
      },
    },
  };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

/**
 * What the rules need to know of the whole document, read once from its root: every operation by
 * id and by method and path (path items behind `$ref`s resolved), and the base paths its servers
 * (OpenAPI 3) or `basePath` (Swagger 2.0) put in front of every path.
 */
export function indexDocument(root, ctx) {
  const byId = new Map();
  const byPath = new Map();
  const paths = isObject(root?.paths) ? root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveNode(rawItem, ctx);
    if (!isObject(item)) continue;
    const methods = new Map();
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      methods.set(method, operation);
      if (isNonEmptyString(operation.operationId) && !byId.has(operation.operationId)) {
        byId.set(operation.operationId, { method: method.toUpperCase(), path });
      }
    }
    byPath.set(path, methods);
  }
  return { byId, byPath, basePaths: basePaths(root) };
}

/** `$ref`s followed (a chain too) until a node that is not one; undefined if one is dangling. */
export function resolveNode(node, ctx) {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 20; hops++) {
    current = ctx.resolve(current).node;
  }
  return current;
}

/** The path part of every server URL, or of Swagger 2.0's basePath; [""] when there is none. */
export function basePaths(root) {
  if (typeof root?.swagger === "string") {
    return [trimSlash(typeof root.basePath === "string" ? root.basePath : "")];
  }
  const servers = Array.isArray(root?.servers) ? root.servers.filter(isObject) : [];
  const bases = servers.map((server) => serverBasePath(server)).filter((b) => b !== undefined);
  return bases.length > 0 ? [...new Set(bases)] : [""];
}

/** Operation-level `servers` override the document's. */
export function operationBasePaths(operation, pathItem, documentBases) {
  for (const owner of [operation, pathItem]) {
    if (Array.isArray(owner?.servers) && owner.servers.length > 0) {
      const bases = owner.servers.filter(isObject).map(serverBasePath);
      const known = bases.filter((b) => b !== undefined);
      if (known.length > 0) return [...new Set(known)];
    }
  }
  return documentBases;
}

function serverBasePath(server) {
  if (typeof server.url !== "string") return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  // Only the path part matters; a variable in it stands for its default.
  const afterAuthority = server.url.replace(/^[A-Za-z][\w+.-]*:\/\/[^/]*/, "");
  const pathPart = afterAuthority.startsWith("/") ? afterAuthority : `/${afterAuthority}`;
  const substituted = pathPart.replace(/\{([^}]+)\}/g, (whole, name) => {
    const value = variables[name]?.default;
    return typeof value === "string" ? value : whole;
  });
  return trimSlash(substituted.replace(/[?#].*$/, ""));
}

function trimSlash(path) {
  const withLeading = path === "" || path.startsWith("/") ? path : `/${path}`;
  return withLeading.replace(/\/+$/, "");
}
