// Shows a request as a curl command or as header lines, with every credential masked.

/** A request as fetch's Request shows it: headers lower-cased, sorted and joined as Headers lists them. */
export interface ShownRequest {
  method: string;
  url: string;
  headers: Iterable<[name: string, value: string]>;
  body?: ShownBody;
}

/**
 * A request body: its text as sent and as shown (secret fields masked), a multipart body's parts,
 * or bytes from standard input (which curl then reads from its own).
 */
export type ShownBody =
  | { kind: "text"; text: string; shown: string }
  | { kind: "parts"; parts: ShownPart[] }
  | { kind: "stdin" };

/** A text part (its value shown, secrets masked) or a file part of a multipart body. */
export type ShownPart =
  | { name: string; value: string }
  | { name: string; file: string; type: string };

export const MASK = "***";

/**
 * The equivalent curl command; a basic credential becomes `-u user:***`. A body follows as
 * `-d '…'`, `--data-binary @-` (standard input), or one `-F 'name=@path;type=…'` per file part
 * and one `--form-string 'name=value'` per text part (-F would read a value starting with @ or <).
 */
export function curlCommand(request: ShownRequest): string {
  const words = ["curl"];
  const headers = [...request.headers];
  const user = basicUser(headers.find(([name]) => name === "authorization")?.[1]);
  if (user !== undefined) words.push("-u", `${user}:${MASK}`);
  words.push("-X", request.method, request.url);
  for (const [name, value] of maskedHeaders(headers)) {
    if (user !== undefined && name === "Authorization") continue;
    words.push("-H", `${name}: ${value}`);
  }
  words.push(...bodyWords(request.body));
  return words.map(shellQuote).join(" ");
}

function bodyWords(body: ShownBody | undefined): string[] {
  if (body === undefined) return [];
  if (body.kind === "text") return ["-d", body.shown];
  if (body.kind === "stdin") return ["--data-binary", "@-"];
  return body.parts.flatMap((part) =>
    "file" in part
      ? ["-F", `${part.name}=@${curlFormPath(part.file)};type=${part.type}`]
      : ["--form-string", `${part.name}=${part.value}`],
  );
}

/** A path as -F reads it: double-quoted when it holds one of its separators. */
function curlFormPath(path: string): string {
  return /[;,"\\]/.test(path) ? `"${path.replace(/["\\]/g, "\\$&")}"` : path;
}

/** The request line and headers as `> ` lines, for --verbose. */
export function requestLines(request: Omit<ShownRequest, "body">): string[] {
  return [
    `> ${request.method} ${request.url}`,
    ...maskedHeaders(request.headers).map(([name, value]) => `> ${name}: ${value}`),
  ];
}

/**
 * Headers with canonical names; credential values keep only their scheme word, and cookies (a
 * session is a credential) only their names.
 */
export function maskedHeaders(headers: Iterable<[string, string]>): [string, string][] {
  return [...headers].map(([name, value]) => {
    const shown = canonicalName(name);
    const key = name.toLowerCase();
    if (key === "x-auth-token") return [shown, MASK];
    if (key === "authorization") {
      const scheme = /^(Basic|Bearer) /i.exec(value)?.[1];
      return [shown, scheme ? `${scheme} ${MASK}` : MASK];
    }
    if (key === "cookie") return [shown, value.replace(/=[^;]*/g, `=${MASK}`)];
    if (key === "set-cookie") return [shown, value.replace(/^([^=;]*)=[^;]*/, `$1=${MASK}`)];
    return [shown, value];
  });
}

function basicUser(authorization: string | undefined): string | undefined {
  const encoded = /^Basic (\S+)$/i.exec(authorization ?? "")?.[1];
  if (encoded === undefined) return undefined;
  try {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const pair = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return pair.includes(":") ? pair.slice(0, pair.indexOf(":")) : undefined;
  } catch {
    return undefined;
  }
}

/** `x-auth-token` → `X-Auth-Token`: how people write header names. */
function canonicalName(name: string): string {
  return name.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, letter: string) => dash + letter.toUpperCase(),
  );
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
