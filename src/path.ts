import { defaultPathSerializer } from "openapi-fetch";
import { OnezoneUsageError } from "./errors.js";

/**
 * openapi-fetch's serializer percent-encodes each value into its segment; this one first refuses
 * what no URL can carry as one segment: nothing, `.` and `..` (URLs resolve them away), and
 * ill-formed Unicode.
 */
export function pathSerializer(url: string, params: Record<string, unknown>): string {
  for (const [, name = ""] of url.matchAll(/\{([^}]+)\}/g)) {
    const text = String(params[name] ?? "");
    if (text === "" || text === "." || text === ".." || !text.isWellFormed()) {
      throw new OnezoneUsageError(
        `Path parameter "${name}" cannot be ${JSON.stringify(text)}: no URL carries it as one segment.`,
      );
    }
  }
  return defaultPathSerializer(url, params);
}
