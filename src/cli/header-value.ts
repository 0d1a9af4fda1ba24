// Header values as fetch's Headers takes them, checked and shown without loading fetch (undici).

/** The value as Headers stores it: surrounding HTTP whitespace removed. */
export function storedHeaderValue(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

/** Whether Headers takes a (stored) value: no NUL, CR or LF in it, nothing above U+00FF. */
export function isSendable(value: string): boolean {
  return !/[\0\r\n\u0100-\uffff]/.test(value);
}

/** Ends a refusal that says where the value came from; never the value, which may be a secret. */
export const UNSENDABLE =
  "holds a line break, NUL or a character above U+00FF, which no HTTP header can carry";
