// A recorded request reduced to what a dry run and the real call must agree on, whoever sent it
// (fetch or curl): the method, the target, the headers neither adds by itself, and the body read by
// its media type, every credential and secret body field masked as --dry-run shows them.
import type { CliBodyField } from "../../generated/cli-table.gen.ts";
import { maskedHeaders } from "../../src/cli/curl.ts";
import { maskSecrets } from "../../src/cli/dry-run.ts";
import type { RecordedRequest } from "../helpers/recording-server.ts";

/** Headers fetch or curl add by themselves; the two add different ones. */
export const CLIENT_OWN = [
  "host",
  "connection",
  "accept",
  "accept-language",
  "accept-encoding",
  "sec-fetch-mode",
  "user-agent",
  "content-length",
  "expect",
];

export interface RequestShape {
  method: string;
  target: string;
  headers: [string, string][];
  body: unknown;
}

export function requestShape(
  request: RecordedRequest,
  fields: readonly CliBodyField[],
): RequestShape {
  const contentType = String(request.headers["content-type"] ?? "");
  const headers = Object.entries(request.headers)
    .filter(([name]) => !CLIENT_OWN.includes(name))
    .map(([name, value]): [string, string] => [
      name,
      // A multipart body's boundary is made afresh by each sender.
      name === "content-type"
        ? String(value).replace(/; boundary=.*/, "; boundary=…")
        : String(value),
    ])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    method: request.method,
    target: request.target,
    headers: maskedHeaders(headers),
    body: bodyShape(request.body, contentType, fields),
  };
}

function bodyShape(body: string, contentType: string, fields: readonly CliBodyField[]): unknown {
  if (body === "") return undefined;
  if (/[/+]json\b/.test(contentType)) return maskSecrets(JSON.parse(body), fields);
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const form: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(body))
      form[name] = [...(form[name] ?? []), value];
    return maskSecrets(form, fields);
  }
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (boundary) return multipartParts(body, boundary, fields);
  return body;
}

/** Each part's headers (lower-cased, sorted) and content; a secret text part's content masked. */
function multipartParts(body: string, boundary: string, fields: readonly CliBodyField[]) {
  const parts = body.split(`--${boundary}`).slice(1, -1);
  return parts.map((part) => {
    const [head = "", ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
    const content = rest.join("\r\n\r\n").replace(/\r\n$/, "");
    const lines = head
      .split("\r\n")
      .map((line) => line.replace(/^([^:]+):\s*/, (_, name: string) => `${name.toLowerCase()}: `))
      .sort();
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? "";
    const secret = fields.some((f) => f.secret && f.name === name);
    return { head: lines, content: secret ? "***" : content };
  });
}
