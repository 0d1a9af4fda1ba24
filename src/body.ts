// Request bodies by media type, as the client sends them.
import { OnezoneUsageError } from "./errors.ts";

// The same test as isJsonMediaType (scripts/model.ts), which the generated types follow.
const JSON_TYPE = /^application\/(.+\+)?json(;|$)/;

/** The one form that FormData sends with its own Content-Type, which names its boundary. */
export const MULTIPART = "multipart/form-data";

/**
 * The request body as its media type carries it, refused unless the operation declares that
 * media type: JSON text; a form (multipart or URL-encoded), an array as one field per item, a
 * Blob or File as a file part, other values as JSON text; anything else as it is given (text,
 * Blob, ArrayBuffer, Uint8Array).
 */
export function serializeBody(
  body: unknown,
  mediaType: string,
  declared: readonly string[],
): unknown {
  if (!declared.includes(mediaType)) {
    throw new OnezoneUsageError(
      `contentType cannot be ${JSON.stringify(mediaType)}, only one of [${declared}].`,
    );
  }
  if (JSON_TYPE.test(mediaType)) return JSON.stringify(body);
  const urlEncoded = mediaType === "application/x-www-form-urlencoded";
  if (!urlEncoded && mediaType !== MULTIPART) return body;
  const form = new FormData();
  for (const [name, value] of Object.entries(body as object)) {
    for (const item of [value].flat()) {
      if (item != null)
        form.append(
          name,
          item instanceof Blob || typeof item === "string" ? item : JSON.stringify(item),
        );
    }
  }
  // URLSearchParams takes FormData's entries, which are all text in a URL-encoded form.
  return urlEncoded ? new URLSearchParams(form as unknown as string[][]) : form;
}
