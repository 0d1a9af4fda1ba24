import type { Credential } from "./store.ts";

const BEARER = "Bearer";
const BASIC = "Basic ";

/**
 * Reads the credential as Onezone does: `X-Auth-Token`, then `Authorization: Bearer ` (prefix
 * case-sensitive), then `Authorization: Basic ` only when no token header is present.
 */
export function readCredential(headers: Headers): Credential {
  const xAuthToken = headers.get("x-auth-token");
  if (xAuthToken !== null) return { type: "token", token: xAuthToken.trim() };
  const authorization = headers.get("authorization");
  // HTTP trims the header, so an empty bearer token arrives as a bare "Bearer".
  if (authorization === BEARER || authorization?.startsWith(`${BEARER} `)) {
    return { type: "token", token: authorization.slice(BEARER.length).trim() };
  }
  if (authorization?.startsWith(BASIC)) return decodeBasic(authorization.slice(BASIC.length));
  return { type: "none" };
}

function decodeBasic(encoded: string): Credential {
  const text = Buffer.from(encoded.trim(), "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return { type: "malformedBasic" };
  return { type: "basic", username: text.slice(0, colon), password: text.slice(colon + 1) };
}
