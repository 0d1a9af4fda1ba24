import type { Middleware } from "openapi-fetch";

/** A response body that grew past `responseSizeLimit`; the call fails with its status. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  readonly limit: number;
  readonly status: number;

  constructor(limit: number, status: number) {
    super(`the response body exceeds the ${limit}-byte limit`);
    this.limit = limit;
    this.status = status;
  }
}

/**
 * Fails any response whose body passes `limit` bytes, so no reply can exhaust memory:
 * `createOnezoneClient({ ..., middleware: [responseSizeLimit(16 * 1024 * 1024)] })`.
 */
export function responseSizeLimit(limit: number): Middleware {
  return {
    onResponse({ response }) {
      const { body, status } = response;
      if (!body) return undefined;
      if (Number(response.headers.get("content-length")) > limit) {
        void body.cancel();
        throw new BodyTooLargeError(limit, status);
      }
      let seen = 0;
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > limit) controller.error(new BodyTooLargeError(limit, status));
          else controller.enqueue(chunk);
        },
      });
      return new Response(body.pipeThrough(counter), response);
    },
  };
}
