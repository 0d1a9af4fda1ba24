// A parameter's text, read from the path, the query, a header or a cookie by its `style` and
// `explode` (OpenAPI's serialization): one string, a list, or an object's fields.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { ParameterLocation, SpecParameter } from "./operations.ts";
import { type RawValue, shapeOf } from "./text-values.ts";

export class RawParameters {
  private readonly c: Context;
  private readonly pathValues: Record<string, string>;
  private query: URLSearchParams | undefined;
  private cookies: Record<string, string> | undefined;

  constructor(c: Context, pathValues: Record<string, string>) {
    this.c = c;
    this.pathValues = pathValues;
  }

  read(parameter: SpecParameter): RawValue | undefined {
    const shape = parameter.json ? "string" : shapeOf(parameter.schema?.node);
    if (parameter.in === "query") return this.fromQuery(parameter, shape);
    const text = this.single(parameter.in, parameter.name);
    if (text === undefined || shape === "string") return text;
    // simple (path, header) and form (cookie) styles: comma-separated, `k,v` or `k=v` pairs.
    const parts = (text === "" ? [] : text.split(",")).map((part) =>
      parameter.in === "header" ? part.trim() : part,
    );
    if (shape === "array") return parts;
    return parameter.explode ? pairs(parts.map((p) => p.split("="))) : pairs(chunks(parts));
  }

  private single(place: Exclude<ParameterLocation, "query">, name: string): string | undefined {
    if (place === "path") return this.pathValues[name];
    if (place === "header") return this.c.req.header(name);
    this.cookies ??= getCookie(this.c);
    return this.cookies[name];
  }

  private fromQuery({ name, style, explode }: SpecParameter, shape: string): RawValue | undefined {
    this.query ??= new URL(this.c.req.url).searchParams;
    const query = this.query;
    if (shape === "object" && (style === "deepObject" || explode)) {
      const prefix = style === "deepObject" ? `${name}[` : "";
      const fields: Record<string, string> = {};
      for (const [key, value] of query) {
        if (style === "deepObject" && key.startsWith(prefix) && key.endsWith("]")) {
          fields[key.slice(prefix.length, -1)] = value;
        } else if (style !== "deepObject" && key !== name) fields[key] = value;
      }
      return Object.keys(fields).length > 0 ? fields : undefined;
    }
    if (shape === "array" && explode) {
      const all = query.getAll(name);
      return all.length > 0 ? all : undefined;
    }
    const text = query.get(name) ?? undefined;
    if (text === undefined || shape === "string") return text;
    const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    const parts = text === "" ? [] : text.split(separator);
    return shape === "array" ? parts : pairs(chunks(parts));
  }
}

/** `["a", "1", "b", "2"]` → `[["a", "1"], ["b", "2"]]` */
function chunks(parts: string[]): string[][] {
  return Array.from({ length: Math.ceil(parts.length / 2) }, (_, i) =>
    parts.slice(2 * i, 2 * i + 2),
  );
}

function pairs(entries: string[][]): Record<string, string> {
  return Object.fromEntries(entries.map(([key = "", value = ""]) => [key, value]));
}
