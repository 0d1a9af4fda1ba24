// OpenAPI path templates as Hono routes. Hono names parameters by whole path segments, so each
// template parameter gets a safe name (`p0`, `p1`, …), and a segment mixing text and parameters
// (`{name}.{ext}`) is matched whole and split here.
import type { Context } from "hono";

export interface Route {
  /** Hono's path, under the base path: `/api/v3/onezone/users/:p0/tokens/temporary`. */
  path: string;
  /** The template's parameter values, decoded, by their names in the spec. */
  values(c: Context): Record<string, string>;
}

const PARAMETER = /\{([^}]+)\}/g;

export function route(basePath: string, template: string): Route {
  const readers: ((c: Context, values: Record<string, string>) => void)[] = [];
  const segments = template.split("/").map((segment, i) => {
    const names = [...segment.matchAll(PARAMETER)].map((m) => m[1] ?? "");
    if (names.length === 0) return segment;
    const honoName = `p${i}`;
    const whole = names[0];
    if (names.length === 1 && segment === `{${whole}}`) {
      readers.push((c, values) => {
        values[whole ?? ""] = c.req.param(honoName) ?? "";
      });
      return `:${honoName}`;
    }
    // split() with a capturing pattern puts the parameter names at the odd places.
    const pattern = (parameter: string) =>
      segment
        .split(PARAMETER)
        .map((part, j) => (j % 2 === 1 ? parameter : escapeRegExp(part)))
        .join("");
    const split = new RegExp(`^${pattern("([^/]+?)")}$`);
    readers.push((c, values) => {
      const match = split.exec(c.req.param(honoName) ?? "");
      names.forEach((name, j) => {
        values[name] = match?.[j + 1] ?? "";
      });
    });
    return `:${honoName}{${pattern("[^/]+?")}}`;
  });
  return {
    path: `${basePath}${segments.join("/")}` || "/",
    values(c) {
      const values: Record<string, string> = {};
      for (const read of readers) read(c, values);
      return values;
    },
  };
}

/**
 * Templates ordered so that Hono, which tries routes in the order they were added, prefers text
 * to a parameter in the same place (`/users/me` before `/users/{id}`), as OpenAPI says.
 */
export function bySpecificity(a: string, b: string): number {
  const rank = (template: string) =>
    template
      .split("/")
      .map((segment) => (!segment.includes("{") ? 0 : /^\{[^}]+\}$/.test(segment) ? 2 : 1));
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
