import type { components } from "../../generated/schema.js";

type ErrorBody = components["schemas"]["Error"];

/** The nested reasons of a 401 for a credential that is present but not accepted. */
export type AuthErrorId = "badToken" | "tokenInvalid" | "tokenRevoked" | "badBasicCredentials";

const authErrorDescriptions: Record<AuthErrorId, string> = {
  badToken: "Provided token could not be understood by the server.",
  tokenInvalid: "Provided token is not valid.",
  tokenRevoked: "Provided token has been revoked.",
  badBasicCredentials: "Invalid username or password.",
};

/** An error response: its status and the Onedata error body. */
export interface FakeError {
  status: 400 | 401 | 403 | 404 | 405 | 500 | 501;
  body: ErrorBody;
}

export const unauthorized: FakeError = {
  status: 401,
  body: {
    error: {
      id: "unauthorized",
      description: "You must authenticate yourself to perform this operation.",
    },
  },
};

export function badCredential(reason: AuthErrorId): FakeError {
  return {
    status: 401,
    body: {
      error: {
        id: "unauthorized",
        details: { authError: { id: reason, description: authErrorDescriptions[reason] } },
        description: "Provided authentication is not valid (see details).",
      },
    },
  };
}

export const forbidden: FakeError = {
  status: 403,
  body: {
    error: { id: "forbidden", description: "You are not authorized to perform this operation." },
  },
};

export const notFound: FakeError = {
  status: 404,
  body: { error: { id: "notFound", description: "The resource could not be found." } },
};

/** Onezone answers an unsupported method with 405; the fake gives it Onedata's error shape. */
export const methodNotAllowed: FakeError = {
  status: 405,
  body: { error: { id: "notSupported", description: "This operation is not supported." } },
};

/** `--strict`: an operation the fake keeps no state for. */
export const notImplemented: FakeError = {
  status: 501,
  body: { error: { id: "notImplemented", description: "This operation is not implemented." } },
};

export function internalServerError(reference: string): FakeError {
  return {
    status: 500,
    body: {
      error: {
        id: "internalServerError",
        details: { reference },
        description:
          "The server has encountered an error while processing this request. If the problem " +
          `persists, please contact the site's administrators, citing the following reference: ${reference}.`,
      },
    },
  };
}
