// Prints an answer by its media type: JSON indented for a person at a terminal and on one line
// for a pipe, text as it is, anything else as its bytes (never to a terminal).
import { isBinary, isText } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";

export function formatBody(body: unknown, pretty: boolean): string {
  return JSON.stringify(body, null, pretty ? 2 : undefined);
}

/** What stdout gets for an answer's data (as the client reads it): nothing when there is none. */
export async function answerOutput(
  data: unknown,
  contentType: string,
  pretty: boolean,
): Promise<string | Uint8Array | undefined> {
  if (data === undefined) return undefined;
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  if (typeof data === "string" && isText(contentType)) return data;
  return `${formatBody(data, pretty)}\n`;
}

/** The media types of the operation's 2xx answers, when every one of them is binary. */
export function binaryAnswers(op: CliCommand): string[] | undefined {
  const types = op.responses.filter((r) => r.status.startsWith("2")).flatMap((r) => r.contentTypes);
  return types.length > 0 && types.every(isBinary) ? types : undefined;
}

/** Why binary is not written to a terminal, and what to do instead. */
export function binaryRefusal(op: CliCommand, what: string): string {
  return `${op.name} answers ${what}, which is not written to a terminal; send it to a file (> file) or a pipe.`;
}
