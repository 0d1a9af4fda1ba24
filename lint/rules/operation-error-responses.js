// onezone-docs/operation-error-responses: every operation documents the error statuses every
// Onedata REST operation can answer with.
import { describeOperation, operationVisitor } from "../lib/operations.js";

const REQUIRED_ERROR_STATUSES = ["400", "401", "403", "404", "500"];

export default function OperationErrorResponses() {
  return operationVisitor((operation, ctx, where) => {
    const responses = operation.responses ?? {};
    const missing = REQUIRED_ERROR_STATUSES.filter((status) => responses[status] === undefined);
    if (missing.length === 0) return;
    const plural = missing.length > 1;
    const shared =
      ctx.specVersion === "oas2" ? "the top-level `responses`" : "`components/responses`";
    ctx.report({
      message: `${describeOperation(operation, where)} does not document the error response${plural ? "s" : ""} ${missing.join(", ")}: add ${plural ? "them" : "it"} under \`responses\` (see ${shared}).`,
      location:
        operation.responses === undefined
          ? ctx.location.key()
          : ctx.location.child(["responses"]).key(),
    });
  });
}
