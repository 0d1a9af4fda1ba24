// onezone-docs/operation-code-samples: every operation shows code samples (`x-codeSamples`, or the
// older `x-code-samples` that Redoc reads too), each with a language and a source.
import { describeOperation, isNonEmptyString, operationVisitor } from "../lib/operations.js";

export default function OperationCodeSamples() {
  return operationVisitor((operation, ctx, where) => {
    const key = operation["x-codeSamples"] === undefined ? "x-code-samples" : "x-codeSamples";
    const samples = operation[key];
    const name = describeOperation(operation, where);
    if (!Array.isArray(samples) || samples.length === 0) {
      ctx.report({
        message: `${name} has no \`x-codeSamples\`: add the cURL and onezone-rest-cli examples of its page.`,
        location: samples === undefined ? ctx.location.key() : ctx.location.child([key]),
      });
      return;
    }
    const index = samples.findIndex(
      (sample) => !isNonEmptyString(sample?.lang) || !isNonEmptyString(sample?.source),
    );
    if (index === -1) return;
    ctx.report({
      message: `${name} has an \`${key}\` entry (#${index}) without \`lang\` or \`source\`: give both.`,
      location: ctx.location.child([key, index]),
    });
  });
}
