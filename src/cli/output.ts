// Prints a response body: indented JSON for a person at a terminal, one line for a pipe.

export function formatBody(body: unknown, pretty: boolean): string {
  return JSON.stringify(body, null, pretty ? 2 : undefined);
}
