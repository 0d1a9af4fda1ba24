/** The three credentials Onezone accepts; `token` is sent as `X-Auth-Token`. */
export type OnezoneAuth =
  | { token: string }
  | { bearer: string }
  | { username: string; password: string };

/** The credential's header name and value, as every request carries it. */
export function authHeader(auth: OnezoneAuth): [string, string] {
  const secret =
    "token" in auth
      ? auth.token
      : "bearer" in auth
        ? auth.bearer
        : auth.username && `${auth.username}:${auth.password}`;
  if (typeof secret !== "string" || secret === "") {
    throw new TypeError(
      "auth must be a non-empty { token }, { bearer } or { username, password }.",
    );
  }
  if ("token" in auth) return ["X-Auth-Token", secret];
  return ["Authorization", "bearer" in auth ? `Bearer ${secret}` : `Basic ${base64(secret)}`];
}

/** UTF-8 safe base64 that works in browsers and Node alike. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
