// Where to send and as whom: --host/ONEZONE_HOST, and one credential from the command line or env.
import type { OnezoneAuth } from "../auth.ts";
import { resolveBaseUrl } from "../base-url.ts";
import type { OnezoneClientOptions } from "../client.ts";
import { OnezoneUsageError } from "../errors.ts";
import type { Invocation } from "./args.ts";
import { isSendable, storedHeaderValue, UNSENDABLE } from "./header-value.ts";

export interface Connection {
  target: Pick<OnezoneClientOptions, "host" | "baseUrl" | "allowInsecureHttp">;
  /** Where the client sends calls, as it resolves `target` with `auth`. */
  baseUrl: string;
  auth: OnezoneAuth | undefined;
  /** The command line's headers, less the credential header taken into `auth`. */
  headers: [name: string, value: string][];
}

export type Environment = Record<string, string | undefined>;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

export function resolveConnection(
  invocation: Pick<Invocation, "host" | "user" | "allowInsecureHttp">,
  env: Environment,
  headers: [string, string][],
): Connection {
  const target = {
    ...resolveTarget(invocation, env),
    allowInsecureHttp: invocation.allowInsecureHttp,
  };
  const credential = resolveAuth(invocation, env, headers);
  return { target, baseUrl: clientBaseUrl(target, credential.auth), ...credential };
}

/** The client's own resolution, whose refusal is a usage error: the options came from the command line. */
function clientBaseUrl(target: Connection["target"], auth: OnezoneAuth | undefined): string {
  try {
    return resolveBaseUrl({ ...target, auth });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const message = error.message.replace("allowInsecureHttp: true", "--allow-insecure-http");
    throw new OnezoneUsageError(message);
  }
}

/** A bare host name means `https://<host>/api/v3/onezone`; a URL with a scheme is the base itself. */
function resolveTarget(invocation: Pick<Invocation, "host">, env: Environment) {
  const [source, value] =
    invocation.host !== undefined
      ? ["--host", invocation.host]
      : ["ONEZONE_HOST", env.ONEZONE_HOST];
  if (value === undefined || value === "") {
    throw new OnezoneUsageError(
      "No Onezone host given; pass --host onezone.example.com or set ONEZONE_HOST.",
    );
  }
  const credentialsInHost = new OnezoneUsageError(
    `${source} must not hold credentials; give them with -u, ONEZONE_BASIC_AUTH or ONEZONE_API_KEY.`,
  );
  if (!SCHEME.test(value)) {
    if (value.includes("@")) throw credentialsInHost;
    if (/[\s/?#]/.test(value)) {
      throw new OnezoneUsageError(
        `${source} "${value}" is not a host name; give e.g. onezone.example.com, or a URL with its scheme.`,
      );
    }
    return { host: value };
  }
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    // The value may hold credentials that did not parse, so it is not repeated.
    throw new OnezoneUsageError(
      `${source} is not an http(s) URL; give e.g. https://onezone.example.com/api/v3/onezone.`,
    );
  }
  if (url.username !== "" || url.password !== "") throw credentialsInHost;
  if (url.search !== "" || url.hash !== "") {
    throw new OnezoneUsageError(
      `${source} "${value}" has a query or fragment; give the base URL only.`,
    );
  }
  return { baseUrl: url.href };
}

/**
 * One credential, first found wins: an X-Auth-Token or Authorization header on the command line,
 * then -u, then ONEZONE_API_KEY, then ONEZONE_BASIC_AUTH (Onezone itself prefers tokens to basic).
 */
function resolveAuth(
  invocation: Pick<Invocation, "user">,
  env: Environment,
  headers: [string, string][],
): Pick<Connection, "auth" | "headers"> {
  const isCredential = ([name]: [string, string]) =>
    ["x-auth-token", "authorization"].includes(name.toLowerCase());
  const credentials = headers.filter(isCredential);
  if (credentials.length + (invocation.user === undefined ? 0 : 1) > 1) {
    throw new OnezoneUsageError(
      "Give one credential on the command line: -u, X-Auth-Token: or Authorization:, not several.",
    );
  }
  const [header] = credentials;
  if (header) {
    const [name, value] = header;
    const rest = headers.filter((h) => h !== header);
    if (name.toLowerCase() === "x-auth-token") return { auth: { token: value }, headers: rest };
    const bearer = /^Bearer (.+)$/.exec(value);
    if (bearer?.[1]) return { auth: { bearer: bearer[1] }, headers: rest };
    return { auth: undefined, headers };
  }
  if (invocation.user !== undefined) return { auth: basic(invocation.user, "-u"), headers };
  if (env.ONEZONE_API_KEY) {
    if (!isSendable(storedHeaderValue(env.ONEZONE_API_KEY))) {
      throw new OnezoneUsageError(`ONEZONE_API_KEY ${UNSENDABLE}.`);
    }
    return { auth: { token: env.ONEZONE_API_KEY }, headers };
  }
  if (env.ONEZONE_BASIC_AUTH) {
    return { auth: basic(env.ONEZONE_BASIC_AUTH, "ONEZONE_BASIC_AUTH"), headers };
  }
  return { auth: undefined, headers };
}

function basic(pair: string, source: string): OnezoneAuth {
  const colon = pair.indexOf(":");
  if (colon <= 0) {
    throw new OnezoneUsageError(`${source} must be user:password, with a non-empty user name.`);
  }
  return { username: pair.slice(0, colon), password: pair.slice(colon + 1) };
}
