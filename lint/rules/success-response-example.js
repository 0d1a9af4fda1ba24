// onezone-docs/success-response-example: every 2xx JSON response shows an example. OpenAPI 3: the
// media type's `example` or `examples`. Swagger 2.0: the response's `examples`, or its schema's
// `example` (Swagger 2.0 has no media type object).
import { describeOperation, isObject, operationVisitor, resolveNode } from "../lib/operations.js";

const SUCCESS_STATUS = /^2(\d\d|XX)$/;
const JSON_MEDIA_TYPE = "application/json";

export default function SuccessResponseExample() {
  return operationVisitor((operation, ctx, where) => {
    const responses = isObject(operation.responses) ? operation.responses : {};
    const swagger2 = ctx.specVersion === "oas2";
    for (const [status, rawResponse] of Object.entries(responses)) {
      if (!SUCCESS_STATUS.test(status)) continue;
      const response = resolveNode(rawResponse, ctx);
      if (!isObject(response)) continue;
      let subject;
      if (swagger2) {
        if (response.schema === undefined) continue;
        const examples = isObject(response.examples) ? Object.keys(response.examples) : [];
        if (examples.length > 0 || resolveNode(response.schema, ctx)?.example !== undefined) {
          continue;
        }
        subject = `${status} response`;
      } else {
        const rawMediaType = response.content?.[JSON_MEDIA_TYPE];
        if (rawMediaType === undefined) continue;
        const mediaType = resolveNode(rawMediaType, ctx) ?? {};
        const hasExample =
          mediaType.example !== undefined ||
          (isObject(mediaType.examples) && Object.keys(mediaType.examples).length > 0);
        if (hasExample) continue;
        subject = `${status} \`${JSON_MEDIA_TYPE}\` response`;
      }
      const location =
        rawResponse?.$ref !== undefined || swagger2
          ? ctx.location.child(["responses", status]).key()
          : ctx.location.child(["responses", status, "content", JSON_MEDIA_TYPE]).key();
      ctx.report({
        message: `${describeOperation(operation, where)} has no example for its ${subject}: add ${swagger2 ? "`examples` (or an `example` on its schema)" : "`example` or `examples`"} (the example of its reference page).`,
        location,
      });
    }
  });
}
