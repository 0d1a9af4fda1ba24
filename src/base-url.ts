export interface Endpoint {
  host?: string;
  baseUrl?: string;
  /** Whether credentials will be sent, which plain http to another machine would expose. */
  auth?: unknown;
  allowInsecureHttp?: boolean;
}

/**
 * `host` means `https://<host>/api/v3/onezone`; `baseUrl` is taken as it is. Credentials go over
 * https only, or to this machine, unless the caller opts in.
 */
export function resolveBaseUrl({ host, baseUrl, auth, allowInsecureHttp }: Endpoint): string {
  const url = baseUrl ?? `https://${host}/api/v3/onezone`;
  if (
    (host === undefined) === (baseUrl === undefined) ||
    !/^https?:\/\//i.test(url) ||
    !URL.canParse(url) ||
    // A host name (and port) only: no scheme, path, query, user or whitespace.
    (host !== undefined && !/^[^\s/?#@\\]+$/.test(host))
  ) {
    throw new TypeError(
      `Give host (a host name) or baseUrl (an http(s) URL), not ${JSON.stringify({ host, baseUrl })}.`,
    );
  }
  const { protocol, hostname } = new URL(url);
  // The URL parser writes a loopback address as 127.x.x.x or [::1].
  if (auth && protocol === "http:" && !allowInsecureHttp) {
    if (!/^(localhost|127\.[\d.]+|\[::1\])$/.test(hostname)) {
      throw new TypeError(
        `Credentials go over https only (or to loopback), not to ${hostname}; allowInsecureHttp: true allows it.`,
      );
    }
  }
  return url.replace(/\/+$/, "");
}
