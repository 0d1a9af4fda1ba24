// Redocly plugin "onezone-docs": rules for API docs, one per file in lint/rules/, named by its id.
// Some keep every operation's docs complete (a description, tags, code samples, ...); the others
// catch docs that are there but wrong (an error example under the wrong status, a sample that
// requests another path, JSON that does not parse, a misspelt word, a deprecated operation that
// names no replacement). Each message names the operation (operationId, method and path), what is
// wrong and how to fix it, and lands on the operation's file:line. Every rule reads OpenAPI 3.x
// and Swagger 2.0 alike, so Onedata's own published descriptions can be linted with them.
import CodeSampleMatchesOperation from "./rules/code-sample-matches-operation.js";
import DeprecatedNamesReplacement from "./rules/deprecated-names-replacement.js";
import ErrorExampleMatchesStatus from "./rules/error-example-matches-status.js";
import OperationCodeSamples from "./rules/operation-code-samples.js";
import OperationDescription from "./rules/operation-description.js";
import OperationErrorResponses from "./rules/operation-error-responses.js";
import OperationIdCamelCase from "./rules/operation-id-camel-case.js";
import OperationTags from "./rules/operation-tags.js";
import SampleJsonParses from "./rules/sample-json-parses.js";
import Spelling from "./rules/spelling.js";
import SuccessResponseExample from "./rules/success-response-example.js";

const rules = {
  "operation-description": OperationDescription,
  "operation-tags": OperationTags,
  "operation-id-camel-case": OperationIdCamelCase,
  "operation-code-samples": OperationCodeSamples,
  "operation-error-responses": OperationErrorResponses,
  "success-response-example": SuccessResponseExample,
  "error-example-matches-status": ErrorExampleMatchesStatus,
  "code-sample-matches-operation": CodeSampleMatchesOperation,
  "sample-json-parses": SampleJsonParses,
  spelling: Spelling,
  "deprecated-names-replacement": DeprecatedNamesReplacement,
};

export default function onezoneDocsPlugin() {
  return {
    id: "onezone-docs",
    rules: { oas3: rules, oas2: rules },
  };
}
