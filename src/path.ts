import { defaultPathSerializer } from "openapi-fetch";
import { OnezoneUsageError } from "./errors.js";

const PARAMETER = /\{([^}]+)\}/g;

/**
 * openapi-fetch's serializer percent-encodes each value into its segment; this one first refuses
 * the values no URL can carry in one segment: missing, empty, and `.`/`..`, which URLs resolve away.
 */
export function pathSerializer(url: string, params: Record<string, unknown>): string {
  for (const [, name = ""] of url.matchAll(PARAMETER)) {
    const value = params[name];
    if (value === undefined || value === null) {
      throw new OnezoneUsageError(`Path parameter "${name}" is missing.`);
    }
    const text = String(value);
    if (text === "") throw new OnezoneUsageError(`Path parameter "${name}" must not be empty.`);
    if (text === "." || text === "..") {
      throw new OnezoneUsageError(
        `Path parameter "${name}" cannot be "${text}": URLs resolve it as a relative segment.`,
      );
    }
    if (!text.isWellFormed()) {
      throw new OnezoneUsageError(`Path parameter "${name}" is not well-formed Unicode.`);
    }
  }
  return defaultPathSerializer(url, params);
}
