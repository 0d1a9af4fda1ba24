import { OnezoneUsageError } from "./errors.ts";

/**
 * Percent-encodes each value into its segment, as openapi-fetch's serializer does for a string
 * in the `simple` style (a list becomes its comma-joined text, encoded). First it refuses what
 * no URL can carry as one segment: nothing, `.` and `..` (URLs resolve them away), and
 * ill-formed Unicode. One pass over the path, since it runs on every call.
 */
export function pathSerializer(url: string, params: Record<string, unknown>): string {
  return url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const text = String(params[name] ?? "");
    if (text === "" || text === "." || text === ".." || !text.isWellFormed()) {
      throw new OnezoneUsageError(
        `Path parameter "${name}" cannot be ${JSON.stringify(text)}: no URL carries it as one segment.`,
      );
    }
    return encodeURIComponent(text);
  });
}
