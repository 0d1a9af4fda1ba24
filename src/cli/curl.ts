// Shows a request as a curl command or as header lines, with every credential masked.

/** A request as fetch's Request shows it: headers lower-cased, sorted and joined as Headers lists them. */
export interface ShownRequest {
  method: string;
  url: string;
  headers: Iterable<[name: string, value: string]>;
}

const MASK = "***";

/** The equivalent curl command; a basic credential becomes `-u user:***`. */
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
  return words.map(shellQuote).join(" ");
}

/** The request line and headers as `> ` lines, for --verbose. */
export function requestLines(request: ShownRequest): string[] {
  return [
    `> ${request.method} ${request.url}`,
    ...maskedHeaders(request.headers).map(([name, value]) => `> ${name}: ${value}`),
  ];
}

/** Headers with canonical names; credential values keep only their scheme word. */
export function maskedHeaders(headers: Iterable<[string, string]>): [string, string][] {
  return [...headers].map(([name, value]) => {
    const shown = canonicalName(name);
    if (name === "x-auth-token") return [shown, MASK];
    if (name === "authorization") {
      const scheme = /^(Basic|Bearer) /i.exec(value)?.[1];
      return [shown, scheme ? `${scheme} ${MASK}` : MASK];
    }
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
