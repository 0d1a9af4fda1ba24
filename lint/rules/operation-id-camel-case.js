// onezone-docs/operation-id-camel-case: every operation has an operationId in camelCase, the name
// the client method and the onezone-rest-cli command take.
import { describeOperation, operationVisitor } from "../lib/operations.js";

const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

export default function OperationIdCamelCase() {
  return operationVisitor((operation, ctx, where) => {
    const { operationId } = operation;
    if (typeof operationId === "string" && CAMEL_CASE.test(operationId)) return;
    const name = describeOperation(operation, where);
    if (operationId === undefined) {
      ctx.report({
        message: `${name} has no \`operationId\`: add one in camelCase (e.g. \`getNamedTokenStatus\`).`,
        location: ctx.location.key(),
      });
      return;
    }
    ctx.report({
      message: `${name} has an \`operationId\` that is not camelCase: rename "${operationId}" to camelCase (letters and digits, starting lower-case).`,
      location: ctx.location.child(["operationId"]),
    });
  });
}
