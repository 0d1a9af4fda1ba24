// onezone-docs/operation-tags: every operation lists at least one tag.
import { describeOperation, isNonEmptyString, operationVisitor } from "../lib/operations.js";

export default function OperationTags() {
  return operationVisitor((operation, ctx, where) => {
    if (Array.isArray(operation.tags) && operation.tags.some(isNonEmptyString)) return;
    ctx.report({
      message: `${describeOperation(operation, where)} has no \`tags\`: list at least one tag defined in the top-level \`tags\`.`,
      location: operation.tags === undefined ? ctx.location.key() : ctx.location.child(["tags"]),
    });
  });
}
