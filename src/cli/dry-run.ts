// The request the client would send for a plan, worked out as openapi-fetch and the client's
// middleware do but without fetch's Request and Headers, whose first use loads all of Node's
// fetch (undici): --dry-run shows it, and costs no more than --help. Built by the real client with
// a fetch that only captures the Request, a dry run took about twice as long (2.7× `node -e 0`,
// against 1.4×); test/cli/dry-run.test.ts holds the two to the same request, body included.
import { createFinalURL, createQuerySerializer } from "openapi-fetch";
import type { CliBodyField } from "../../generated/cli-table.gen.ts";
import { authHeader } from "../auth.ts";
import { OnezoneUsageError } from "../errors.ts";
import { pathSerializer } from "../path.ts";
import { sortBy } from "../sort.ts";
import { type BodyPlan, bodyText, formValue } from "./body.ts";
import type { Connection } from "./connection.ts";
import { MASK, type ShownBody, type ShownPart, type ShownRequest } from "./curl.ts";
import { storedHeaderValue } from "./header-value.ts";
import { isMultipart } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";
import type { RequestPlan } from "./request.ts";

export function plannedRequest(
  op: CliCommand,
  plan: RequestPlan,
  connection: Connection,
): ShownRequest {
  const fields = op.requestBody?.fields ?? [];
  return {
    method: op.method.toUpperCase(),
    url: requestUrl(op, plan, connection.baseUrl),
    headers: requestHeaders(connection, plan.body),
    ...(plan.body ? { body: shownBody(plan.body, fields) } : {}),
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
    throw new OnezoneUsageError(`${op.name}: ${error.message}`);
  }
}

/**
 * The headers as Headers lists them: names lower-cased and sorted, a repeated name's values
 * joined with ", ", the credential as the client adds it to every call (a command-line header of
 * its name would replace it), and the body's Content-Type unless the command line gives one (a
 * multipart body's is FormData's, with its boundary: curl's -F sets its own).
 */
function requestHeaders(
  { headers, auth }: Connection,
  body: BodyPlan | undefined,
): [string, string][] {
  const given = new Map<string, string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const previous = given.get(key);
    const stored = storedHeaderValue(value);
    given.set(key, previous === undefined ? stored : `${previous}, ${stored}`);
  }
  const merged = new Map<string, string>();
  if (auth) {
    const [name, value] = authHeader(auth);
    merged.set(name.toLowerCase(), storedHeaderValue(value));
  }
  for (const [name, value] of given) merged.set(name, value);
  if (body && !isMultipart(body.mediaType) && !merged.has("content-type")) {
    merged.set("content-type", body.mediaType);
  }
  return sortBy([...merged], ([name]) => name);
}

/** The body as the client serializes it, and as shown, every secret field's value masked. */
function shownBody(body: BodyPlan, fields: readonly CliBodyField[]): ShownBody {
  if (body.raw !== undefined) return { kind: "stdin" };
  const masked = maskSecrets(body.value, fields);
  if (isMultipart(body.mediaType)) {
    return { kind: "parts", parts: [...textParts(masked), ...body.files.map(filePart)] };
  }
  return {
    kind: "text",
    text: bodyText(body.value, body.mediaType),
    shown: bodyText(masked, body.mediaType),
  };
}

/** A form's text parts, as the client's serializeBody makes them: one per array item. */
function textParts(value: unknown): ShownPart[] {
  return Object.entries(value as object).flatMap(([name, item]) =>
    [item]
      .flat()
      .filter((part) => part != null)
      .map((part) => ({ name, value: formValue(part) })),
  );
}

function filePart(file: BodyPlan["files"][number]): ShownPart {
  return { name: file.name, file: file.path, type: file.type };
}

/** A copy of a body in which the value of every field the table marks secret is `***`. */
export function maskSecrets(value: unknown, fields: readonly CliBodyField[], name = ""): unknown {
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, fields, `${name}[]`));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const field = name === "" ? key : `${name}.${key}`;
      const secret = fields.some((f) => f.secret && f.name === field);
      return [key, secret ? MASK : maskSecrets(item, fields, field)];
    }),
  );
}
