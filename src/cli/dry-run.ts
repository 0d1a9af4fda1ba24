// The request the client would send for a plan, worked out as openapi-fetch and the client's
// middleware do but without fetch's Request and Headers, whose first use loads all of Node's
// fetch (undici): --dry-run shows it, and costs no more than --help. Built by the real client with
// a fetch that only captures the Request, a dry run took about twice as long (2.7× `node -e 0`,
// against 1.4×); test/cli/dry-run.test.ts holds the two to the same request.
import { createFinalURL, createQuerySerializer } from "openapi-fetch";
import { authHeader } from "../auth.ts";
import { OnezoneUsageError } from "../errors.ts";
import { pathSerializer } from "../path.ts";
import { sortBy } from "../sort.ts";
import type { Connection } from "./connection.ts";
import type { ShownRequest } from "./curl.ts";
import { storedHeaderValue } from "./header-value.ts";
import type { CliCommand } from "./operations.ts";
import type { RequestPlan } from "./request.ts";

export function plannedRequest(
  op: CliCommand,
  plan: RequestPlan,
  connection: Connection,
): ShownRequest {
  return {
    method: op.method.toUpperCase(),
    url: requestUrl(op, plan, connection.baseUrl),
    headers: requestHeaders(connection),
  };
}

/** The URL as the client builds it, and as Request then normalizes it (e.g. `'` in a query → %27). */
function requestUrl(op: CliCommand, plan: RequestPlan, baseUrl: string): string {
  try {
    const url = createFinalURL(op.path, {
      baseUrl,
      params: { path: plan.path, query: plan.query },
      querySerializer: createQuerySerializer(),
      pathSerializer,
    });
    return new URL(url).href;
  } catch (error) {
    // The client puts the operation id in front of a refused path value.
    if (!(error instanceof OnezoneUsageError)) throw error;
    throw new OnezoneUsageError(`${op.id}: ${error.message}`);
  }
}

/**
 * The headers as Headers lists them: names lower-cased and sorted, a repeated name's values
 * joined with ", ", and the credential last, replacing any header of its name, as the client's
 * middleware sets it.
 */
function requestHeaders({ headers, auth }: Connection): [string, string][] {
  const merged = new Map<string, string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const previous = merged.get(key);
    const stored = storedHeaderValue(value);
    merged.set(key, previous === undefined ? stored : `${previous}, ${stored}`);
  }
  if (auth) {
    const [name, value] = authHeader(auth);
    merged.set(name.toLowerCase(), storedHeaderValue(value));
  }
  return sortBy([...merged], ([name]) => name);
}
