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
      return request;
    },
  };
}

function authHeader(auth: OnezoneAuth): [string, string] {
  if ("token" in auth) return ["X-Auth-Token", nonEmpty(auth.token, "auth.token")];
  if ("bearer" in auth) return ["Authorization", `Bearer ${nonEmpty(auth.bearer, "auth.bearer")}`];
  if ("username" in auth) {
    const pair = `${nonEmpty(auth.username, "auth.username")}:${auth.password}`;
    return ["Authorization", `Basic ${base64(pair)}`];
  }
  throw new TypeError("auth must be { token }, { bearer } or { username, password }.");
}

function nonEmpty(value: unknown, option: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${option} must be a non-empty string.`);
  }
  return value;
}

/** UTF-8 safe base64 that works in browsers and Node alike. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
