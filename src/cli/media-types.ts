// Media types as onezone-rest-cli names and sorts them: short names for -ct and -ac, and which
// kind of body or answer each is.

/** The short names -ct/--content-type and -ac/--accept take, as the official client does. */
export const SHORT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  json: "application/json",
  xml: "application/xml",
  text: "text/plain",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

/** `json` → `application/json`; anything else as given. */
export function fullMediaType(name: string): string {
  return Object.hasOwn(SHORT_MEDIA_TYPES, name) ? (SHORT_MEDIA_TYPES[name] as string) : name;
}

/** The media type without its parameters, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

export function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/.test(essence(mediaType));
}

export function isText(mediaType: string): boolean {
  return essence(mediaType).startsWith("text/");
}

export function isUrlEncoded(mediaType: string): boolean {
  return essence(mediaType) === "application/x-www-form-urlencoded";
}

export function isMultipart(mediaType: string): boolean {
  return essence(mediaType).startsWith("multipart/");
}

/** Neither JSON nor text: written to stdout as bytes, never to a terminal. */
export function isBinary(mediaType: string): boolean {
  return !isJson(mediaType) && !isText(mediaType);
}
