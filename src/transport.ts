export interface Endpoint {
  host?: string;
  baseUrl?: string;
}

/** `host` means `https://<host>/api/v3/onezone`; `baseUrl` is taken as it is. */
export function resolveBaseUrl({ host, baseUrl }: Endpoint): string {
  if ((host === undefined) === (baseUrl === undefined)) {
    throw new TypeError("createOnezoneClient needs exactly one of `host` or `baseUrl`.");
  }
  if (baseUrl !== undefined) {
    if (!URL.canParse(baseUrl)) throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL.`);
    const { protocol } = new URL(baseUrl);
    if (protocol !== "https:" && protocol !== "http:") {
      throw new TypeError(`baseUrl "${baseUrl}" must be an http or https URL.`);
    }
    return baseUrl.replace(/\/+$/, "");
  }
  if (!/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host ?? "")) {
    throw new TypeError(
      `host "${host}" is not a host name; pass e.g. "onezone.example.com", or a full URL as baseUrl.`,
    );
  }
  return `https://${host}/api/v3/onezone`;
}

/** Credentials go over https only, or to this machine, unless the caller opts in. */
export function assertSafeTransport(baseUrl: string, allowInsecureHttp: boolean): void {
  const url = new URL(baseUrl);
  if (url.protocol === "https:" || allowInsecureHttp || isLoopback(url.hostname)) return;
  throw new TypeError(
    `Refusing to send credentials over plain http to ${url.host}; use https, or set allowInsecureHttp: true.`,
  );
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
