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
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (
    (host === undefined) === (baseUrl === undefined) ||
    !/^https?:$/.test(parsed?.protocol ?? "") ||
    (host !== undefined && !/^([\w.-]+|\[[\d:a-f.]+\])(:\d+)?$/i.test(host))
  ) {
    throw new TypeError(
      `createOnezoneClient needs a host name (host) or an http(s) URL (baseUrl), not ${JSON.stringify({ host, baseUrl })}.`,
    );
  }
  const { protocol, hostname } = parsed as URL;
  if (auth && protocol === "http:" && !allowInsecureHttp) {
    if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(hostname)) {
      throw new TypeError(
        `Credentials go over https only (or to loopback), not to ${hostname}; allowInsecureHttp: true allows it.`,
      );
    }
  }
  return url.replace(/\/+$/, "");
}
