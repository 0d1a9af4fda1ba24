import type { Middleware } from "openapi-fetch";

/** The body of a response grew past the client's `maxResponseBytes`. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(
    readonly limit: number,
    readonly status: number,
  ) {
    super(`the response body exceeds the ${limit}-byte limit (maxResponseBytes)`);
  }
}

/** Makes every response body fail once it passes `limit` bytes, so no reply can exhaust memory. */
export function bodyLimitMiddleware(limit: number): Middleware {
  return {
    onResponse({ response }) {
      if (!response.body) return undefined;
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (declared > limit) {
        void response.body.cancel();
        throw new BodyTooLargeError(limit, response.status);
      }
      let seen = 0;
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > limit) controller.error(new BodyTooLargeError(limit, response.status));
          else controller.enqueue(chunk);
        },
      });
      return new Response(response.body.pipeThrough(counter), response);
    },
  };
}
