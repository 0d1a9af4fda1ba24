// Builds the request body from the command line, with the official client's conventions:
// `name==text` (a JSON string), `name:=JSON` (any JSON value), dotted names for nested objects
// (`owner.id==abc`), `name@path[;type=…]` for a file part of a multipart body, or a lone `-` for
// the whole body from standard input.
import type { CliBodyField } from "../../generated/cli-table.gen.ts";
import { OnezoneUsageError } from "../errors.ts";
import { fullMediaType, isJson, isMultipart, isUrlEncoded } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";
import { nearest } from "./operations.ts";

/** One body word: `name==text`, `name:=JSON` or `name@path`; `where` says which argument it was. */
export interface BodyWord {
  kind: "text" | "json" | "file";
  name: string;
  value: string;
  where: string;
}

/** A file part, read only when the request is sent. */
export interface FilePart {
  name: string;
  path: string;
  /** The part's media type: `;type=` on the command line, else the spec's, else octet-stream. */
  type: string;
}

export interface BodyPlan {
  mediaType: string;
  /** The body as a JSON value: for a form, an object of its fields. Undefined for raw bytes. */
  value: unknown;
  /** The file parts of a multipart body. */
  files: FilePart[];
  /** Bytes from standard input, sent as they are, for a media type that is neither JSON nor a form. */
  raw: Uint8Array | undefined;
}

export interface BodyOptions {
  /** Standard input, when the words hold a lone `-`. */
  stdin?: Uint8Array | undefined;
  /** -ct/--content-type, as given. */
  contentType?: string | undefined;
  /** --force: no check of field names or media type. */
  force?: boolean | undefined;
}

const OCTET_STREAM = "application/octet-stream";

/** The body the words give; undefined when they give none (the caller checks whether one is needed). */
export function planBody(
  op: CliCommand,
  words: readonly BodyWord[],
  fromStdin: boolean,
  options: BodyOptions,
): BodyPlan | undefined {
  const given = words.length > 0 || fromStdin;
  if (!op.body) {
    if (given || options.contentType !== undefined) {
      throw new OnezoneUsageError(
        `${op.name} takes no request body; see onezone-rest-cli ${op.name} --help.`,
      );
    }
    return undefined;
  }
  if (fromStdin && words.length > 0) {
    throw new OnezoneUsageError(
      `Give ${op.name}'s body either with - (standard input) or as fields (${words[0]?.where}), not both.`,
    );
  }
  const mediaType = chooseMediaType(op, words, options);
  if (!given) return undefined;
  if (fromStdin) return stdinBody(op, mediaType, options.stdin ?? new Uint8Array());
  for (const word of words) {
    if (word.kind !== "file" && word.name.split(".").includes("")) {
      throw new OnezoneUsageError(
        `The body field name "${word.name}" (${word.where}) has an empty part.`,
      );
    }
    if (!options.force) assertKnownField(op, word);
  }
  const value = Object.create(null) as Record<string, unknown>;
  const files: FilePart[] = [];
  for (const word of words) {
    if (word.kind === "file") {
      if (!isMultipart(mediaType)) {
        const multipart = op.body.mediaTypes.find(isMultipart);
        const hint = multipart ? `; give -ct ${multipart} to send it as one` : "";
        throw new OnezoneUsageError(
          `${word.name}@… (${word.where}) is a file part, which only a multipart body has, and ${op.name}'s is ${mediaType}${hint}.`,
        );
      }
      files.push(filePart(op, word));
      continue;
    }
    setField(value, word, word.kind === "text" ? word.value : parseJson(word));
  }
  for (const file of files) {
    if (Object.hasOwn(value, file.name)) {
      throw new OnezoneUsageError(
        `${op.name} got the body field ${file.name} twice; give it once.`,
      );
    }
  }
  return { mediaType, value, files, raw: undefined };
}

/** -ct when given (it must be one the operation takes, unless --force), else the default. */
function chooseMediaType(op: CliCommand, words: readonly BodyWord[], options: BodyOptions): string {
  const declared = op.body?.mediaTypes ?? [];
  if (options.contentType === undefined) {
    // A file part needs a multipart body: take it when the operation takes one.
    const multipart = declared.find(isMultipart);
    if (multipart && words.some((w) => w.kind === "file")) return multipart;
    return declared[0] ?? OCTET_STREAM;
  }
  const mediaType = fullMediaType(options.contentType);
  if (options.force || declared.includes(mediaType)) return mediaType;
  throw new OnezoneUsageError(
    `${op.name} takes its body as ${declared.join(" or ")}, not ${mediaType}; --force sends it anyway.`,
  );
}

function stdinBody(op: CliCommand, mediaType: string, bytes: Uint8Array): BodyPlan {
  if (isJson(mediaType)) {
    const text = new TextDecoder().decode(bytes);
    try {
      return { mediaType, value: JSON.parse(text), files: [], raw: undefined };
    } catch {
      // JSON.parse's message quotes the text, which may hold a secret.
      throw new OnezoneUsageError(
        `The body on standard input is not JSON, which ${op.name} takes as ${mediaType}.`,
      );
    }
  }
  if (isUrlEncoded(mediaType)) {
    const value = Object.create(null) as Record<string, unknown>;
    for (const [name, item] of new URLSearchParams(new TextDecoder().decode(bytes).trim())) {
      const previous = value[name];
      value[name] = previous === undefined ? item : [previous, item].flat();
    }
    return { mediaType, value, files: [], raw: undefined };
  }
  if (isMultipart(mediaType)) {
    throw new OnezoneUsageError(
      `A multipart body cannot come from standard input; give its parts as name==text and name@path.`,
    );
  }
  return { mediaType, value: undefined, files: [], raw: bytes };
}

/** `name==text` and `name:=JSON` words must name a field of the body (dotted into objects). */
function assertKnownField(op: CliCommand, word: BodyWord): void {
  const fields = (op.requestBody?.fields ?? []).filter((f) => !f.name.includes("[]"));
  if (fields.length === 0 || isKnown(fields, word.name)) return;
  const guess = nearest(
    word.name,
    fields.map((f) => f.name),
  );
  const hint = guess ? `did you mean ${guess}? ` : "";
  throw new OnezoneUsageError(
    `Unknown body field "${word.name}" (${word.where}); ${hint}${op.name}'s body has ${fields.map((f) => f.name).join(", ")}.`,
  );
}

/** Listed, or inside a listed object whose own fields are not listed (any key goes there). */
function isKnown(fields: readonly CliBodyField[], name: string): boolean {
  if (fields.some((f) => f.name === name)) return true;
  return fields.some(
    (f) =>
      name.startsWith(`${f.name}.`) &&
      f.type.split(" or ").some((type) => type === "object" || type === "any") &&
      !fields.some((child) => child.name.startsWith(`${f.name}.`)),
  );
}

function filePart(op: CliCommand, word: BodyWord): FilePart {
  const typed = /^(.*);type=([^;]+)$/.exec(word.value);
  const path = typed ? (typed[1] as string) : word.value;
  if (path === "") throw new OnezoneUsageError(`${word.name}@ (${word.where}) has no file path.`);
  const field = op.requestBody?.fields.find((f) => f.name === word.name);
  return { name: word.name, path, type: typed?.[2] ?? (field?.mediaType || OCTET_STREAM) };
}

/**
 * Refuses a file part whose file is not there, so that a dry run refuses what sending would.
 * node:fs is imported here, not above: the bundled CLI would load it on every start.
 */
export async function assertFilesExist(body: BodyPlan | undefined): Promise<void> {
  if (!body || body.files.length === 0) return;
  const { stat } = await import("node:fs/promises");
  for (const file of body.files) {
    const found = await stat(file.path).catch(() => undefined);
    if (!found?.isFile()) {
      throw new OnezoneUsageError(`${file.name}@${file.path}: there is no file ${file.path}.`);
    }
  }
}

function parseJson(word: BodyWord): unknown {
  try {
    return JSON.parse(word.value);
  } catch {
    // Not JSON.parse's message: it quotes the value, which may be a secret.
    throw new OnezoneUsageError(
      `The value of ${word.name}:= (${word.where}) is not JSON; quote it for the shell (e.g. 'flags:=["a","b"]'), or give a string as ${word.name}==text.`,
    );
  }
}

/** Sets `a.b.c` in `body`, making the objects on the way; a field given twice is refused. */
function setField(body: Record<string, unknown>, word: BodyWord, value: unknown): void {
  const keys = word.name.split(".");
  let node = body;
  for (const [depth, key] of keys.slice(0, -1).entries()) {
    const existing = Object.hasOwn(node, key) ? node[key] : undefined;
    if (existing === undefined) {
      const child = Object.create(null) as Record<string, unknown>;
      define(node, key, child);
      node = child;
    } else if (isPlainObject(existing)) {
      node = existing;
    } else {
      const parent = keys.slice(0, depth + 1).join(".");
      throw new OnezoneUsageError(
        `The body field ${parent} is given a value and ${word.name} (${word.where}) too; give one of them.`,
      );
    }
  }
  const last = keys.at(-1) as string;
  if (Object.hasOwn(node, last)) {
    throw new OnezoneUsageError(
      `The body field ${word.name} is given twice (${word.where}); give it once.`,
    );
  }
  define(node, last, value);
}

/**
 * A JSON or URL-encoded body's text, as the client's serializeBody (src/body.ts) makes it: a
 * form has one field per array item, and values that are not text as JSON. Worked out here too,
 * since the client's builds the form with FormData, whose first use loads all of fetch (undici).
 */
export function bodyText(value: unknown, mediaType: string): string {
  if (isJson(mediaType)) return JSON.stringify(value);
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value as object)) {
    for (const item of [field].flat()) {
      if (item != null) form.append(name, formValue(item));
    }
  }
  return form.toString();
}

/** A form field's value: text as it is, anything else as JSON. */
export function formValue(item: unknown): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}

/** An own property, even for a key like `__proto__`. */
function define(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
