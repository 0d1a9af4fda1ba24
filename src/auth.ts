import type { Middleware } from "openapi-fetch";

/** The three credentials Onezone accepts; `token` is sent as `X-Auth-Token`. */
export type OnezoneAuth =
  | { token: string }
  | { bearer: string }
  | { username: string; password: string };

/** Sets the credential header on each request; the credential lives only in this closure. */
export function authMiddleware(auth: OnezoneAuth): Middleware {
  const [name, value] = authHeader(auth);
  return {
    onRequest({ request }) {
      request.headers.set(name, value);
    },
  };
}

/** The credential's header name and value, as every request carries it. */
export function authHeader(auth: OnezoneAuth): [string, string] {
  const [name, kind, secret] =
    "token" in auth
      ? ["X-Auth-Token", "", auth.token]
      : "bearer" in auth
        ? ["Authorization", "Bearer ", auth.bearer]
        : ["Authorization", "Basic ", auth.username && `${auth.username}:${auth.password}`];
  if (typeof secret !== "string" || secret === "") {
    throw new TypeError(
      "auth must be a non-empty { token }, { bearer } or { username, password }.",
    );
  }
  return [name, kind === "Basic " ? kind + base64(secret) : kind + secret];
}

/** UTF-8 safe base64 that works in browsers and Node alike. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
