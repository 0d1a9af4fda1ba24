// Calls and answers made from a spec's own examples and schemas, for the client tests that run on
// every spec of test/helpers/specs.ts: what a caller passes for each operation, what the server
// must receive, and what each documented answer looks like on the wire.
import { exampleBody, resolve } from "../../scripts/emit/cli-body.ts";
import { loadSpec } from "../../scripts/load.ts";
import { buildModel, isJsonMediaType, type Operation } from "../../scripts/model.ts";

type Node = Record<string, unknown>;

/** Bytes no text decoding keeps: a PNG signature and a byte of each high value. */
export const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

export interface SpecUnderTest {
  document: Node;
  operations: Operation[];
}

export async function readSpec(specPath: string): Promise<SpecUnderTest> {
  const { document } = await loadSpec(specPath);
  return { document, operations: buildModel(document).operations };
}

/** One call of an operation with every parameter the spec gives it, and what the server must see. */
export interface Call {
  /** The path parameters, when the operation has some. */
  path?: Record<string, unknown>;
  options: {
    params: Record<string, Record<string, unknown>>;
    body?: unknown;
    contentType?: string;
  };
  method: string;
  /** The request target after the base path, query included. */
  target: string;
  /** Header and cookie parameters as the server must receive them, by lower-case header name. */
  headers: Record<string, string>;
}

/** The operation's call with each parameter's example (or a value made from its schema). */
export function callOf(spec: SpecUnderTest, op: Operation): Call {
  const values: Record<string, Record<string, unknown>> = {};
  for (const parameter of rawParameters(spec.document, op)) {
    const location = String(parameter.in);
    values[location] = {
      ...values[location],
      [String(parameter.name)]: exampleBody(spec.document, parameter),
    };
  }
  const { path = {}, query = {}, header = {}, cookie = {} } = values;
  const search = Object.entries(query).flatMap(([name, value]) =>
    [value].flat().map((item) => `${name}=${encodeURIComponent(String(item))}`),
  );
  const target = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(path[name])),
  );
  const cookies = Object.entries(cookie).map(
    ([name, value]) => `${name}=${encodeURIComponent(String(value))}`,
  );
  return {
    ...(Object.keys(path).length > 0 ? { path } : {}),
    options: { params: { query, header, cookie } },
    method: op.method.toUpperCase(),
    target: search.length > 0 ? `${target}?${search.join("&")}` : target,
    headers: {
      ...Object.fromEntries(
        Object.entries(header).map(([name, v]) => [name.toLowerCase(), String(v)]),
      ),
      ...(cookies.length > 0 ? { cookie: cookies.join("; ") } : {}),
    },
  };
}

/** Whether the operation needs a credential: its own `security`, or else the spec's, names a scheme. */
export function needsCredential(spec: SpecUnderTest, op: Operation): boolean {
  const item = resolve(spec.document, (spec.document.paths as Node)[op.path]);
  const security = resolve(spec.document, item[op.method]).security ?? spec.document.security;
  return (
    Array.isArray(security) &&
    security.length > 0 &&
    security.every((s) => Object.keys(s).length > 0)
  );
}

/** Path-level parameters, then the operation's own, each resolved. */
function rawParameters(document: Node, op: Operation): Node[] {
  const item = resolve(document, (document.paths as Node)[op.path]);
  const own = resolve(document, item[op.method]);
  const all = [item.parameters, own.parameters].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  const byKey = new Map(
    all.map((raw) => {
      const parameter = resolve(document, raw);
      return [`${parameter.in}:${parameter.name}`, parameter];
    }),
  );
  return [...byKey.values()];
}

/** A body of each media type the operation declares, as a caller passes it. */
export function bodiesOf(
  spec: SpecUnderTest,
  op: Operation,
): { mediaType: string; body: unknown }[] {
  return (op.requestBody?.contentTypes ?? []).map((mediaType) => {
    const content = resolve(spec.document, requestContent(spec.document, op)[mediaType]);
    return { mediaType, body: bodyFor(spec.document, mediaType, content) };
  });
}

function requestContent(document: Node, op: Operation): Node {
  const item = resolve(document, (document.paths as Node)[op.path]);
  const body = resolve(document, resolve(document, item[op.method]).requestBody);
  return resolve(document, body.content);
}

function bodyFor(document: Node, mediaType: string, content: Node): unknown {
  if (mediaType.startsWith("text/")) return String(exampleBody(document, content));
  if (isJsonMediaType(mediaType) || mediaType === "application/x-www-form-urlencoded") {
    return exampleBody(document, content);
  }
  if (mediaType !== "multipart/form-data") return new Blob([BINARY], { type: mediaType });
  // A multipart body: its example's fields, every binary one a file of the part's media type.
  const example = exampleBody(document, content) as Record<string, unknown>;
  const properties = resolve(document, resolve(document, content.schema).properties);
  const encoding = resolve(document, content.encoding);
  const body: Record<string, unknown> = { ...example };
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolve(document, raw);
    if (property.format !== "binary" && property.contentMediaType === undefined) continue;
    const type = String(
      resolve(document, encoding[name]).contentType ?? property.contentMediaType ?? "",
    );
    body[name] = new File([BINARY], `${name}.bin`, { type });
  }
  return body;
}

/** How the client reads the operation's answers: JSON unless one is text (a string) or else binary (a Blob). */
export function readingOf(op: Operation): "json" | "text" | "blob" {
  const types = op.responses.filter((r) => r.status.startsWith("2")).flatMap((r) => r.contentTypes);
  if (types.some((type) => !isJsonMediaType(type) && !type.startsWith("text/"))) return "blob";
  return types.some((type) => type.startsWith("text/")) ? "text" : "json";
}

/** One documented 2xx answer of one media type (or none), as the server sends it. */
export interface Answer {
  status: number;
  mediaType: string | undefined;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** The declared response headers with their examples, by the spec's spelling of the name. */
  headers: Record<string, string>;
}

export function answersOf(spec: SpecUnderTest, op: Operation): Answer[] {
  const item = resolve(spec.document, (spec.document.paths as Node)[op.path]);
  const responses = resolve(spec.document, resolve(spec.document, item[op.method]).responses);
  return op.responses
    .filter((response) => /^2\d\d$/.test(response.status))
    .flatMap((response): Answer[] => {
      const raw = resolve(spec.document, responses[response.status]);
      const content = resolve(spec.document, raw.content);
      const headers = Object.fromEntries(
        response.headers.map((header) => [
          header.name,
          String(
            exampleBody(
              spec.document,
              resolve(spec.document, resolve(spec.document, raw.headers)[header.name]),
            ),
          ),
        ]),
      );
      const status = Number(response.status);
      if (response.contentTypes.length === 0) {
        return [{ status, mediaType: undefined, body: undefined, headers }];
      }
      return response.contentTypes.map((mediaType) => {
        const example = exampleBody(spec.document, resolve(spec.document, content[mediaType]));
        const body = isJsonMediaType(mediaType)
          ? JSON.stringify(example)
          : mediaType.startsWith("text/")
            ? String(example)
            : BINARY;
        return { status, mediaType, body, headers };
      });
    });
}
