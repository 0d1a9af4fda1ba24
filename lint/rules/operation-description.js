// onezone-docs/operation-description: every operation has a description (its reference page's text).
import { describeOperation, isNonEmptyString, operationVisitor } from "../lib/operations.js";

export default function OperationDescription() {
  return operationVisitor((operation, ctx, where) => {
    if (isNonEmptyString(operation.description)) return;
    ctx.report({
      message: `${describeOperation(operation, where)} has no \`description\`: add the text of its reference page.`,
      location: ctx.location.key(),
    });
  });
}
