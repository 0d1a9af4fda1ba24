// Redocly plugin "onezone-docs": rules that keep every operation's API docs complete.
// A plugin rather than configurable rules (`rule/...`) so that each message can name the
// operation (operationId, method and path) as well as what is missing.
// Every problem is reported inside the operation, so its pointer contains the path and its
// file:line lands on the operation.

const REQUIRED_ERROR_STATUSES = ["400", "401", "403", "404", "500"];
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const SUCCESS_STATUS = /^2(\d\d|XX)$/;
const JSON_MEDIA_TYPE = "application/json";

/** Turns `#/paths/~1users~1{id}/get` into "GET /users/{id}". */
function methodAndPath(pointer) {
  const parts = pointer.replace(/^#\//, "").split("/");
  const unescapeFragment = (part) =>
    decodeURIComponent(part.replaceAll("~1", "/").replaceAll("~0", "~"));
  const path = parts[1] === undefined ? "?" : unescapeFragment(parts[1]);
  const method = parts[2] === undefined ? "?" : unescapeFragment(parts[2]).toUpperCase();
  return `${method} ${path}`;
}

/** A short, unambiguous name of the operation for messages. */
function describeOperation(operation, ctx) {
  const where = methodAndPath(ctx.location.pointer);
  return typeof operation.operationId === "string" && operation.operationId !== ""
    ? `Operation \`${operation.operationId}\` (${where})`
    : `Operation ${where}`;
}

function isNonEmptyString(value) {
  return typeof value === "string" && value.trim() !== "";
}

/** A rule that checks one field of every operation. */
function fieldRule(check) {
  return () => ({
    Operation(operation, ctx) {
      const problem = check(operation, ctx);
      if (problem) {
        ctx.report({
          message: `${describeOperation(operation, ctx)} ${problem.message}`,
          location: problem.location ?? ctx.location.key(),
        });
      }
    },
  });
}

const OperationSummary = fieldRule((operation) =>
  isNonEmptyString(operation.summary)
    ? undefined
    : { message: "has no `summary`: add the title of its reference page." },
);

const OperationDescription = fieldRule((operation) =>
  isNonEmptyString(operation.description)
    ? undefined
    : { message: "has no `description`: add the text of its reference page." },
);

const OperationTags = fieldRule((operation, ctx) => {
  if (Array.isArray(operation.tags) && operation.tags.some(isNonEmptyString)) return undefined;
  return {
    message: "has no `tags`: list at least one tag defined in the top-level `tags`.",
    location: operation.tags === undefined ? undefined : ctx.location.child(["tags"]),
  };
});

const OperationIdCamelCase = fieldRule((operation, ctx) => {
  const { operationId } = operation;
  if (operationId === undefined) {
    return { message: "has no `operationId`: add one in camelCase (e.g. `getNamedTokenStatus`)." };
  }
  if (typeof operationId === "string" && CAMEL_CASE.test(operationId)) return undefined;
  return {
    message: `has an \`operationId\` that is not camelCase: rename "${operationId}" to camelCase (letters and digits, starting lower-case).`,
    location: ctx.location.child(["operationId"]),
  };
});

const OperationCodeSamples = fieldRule((operation, ctx) => {
  const samples = operation["x-codeSamples"];
  if (!Array.isArray(samples) || samples.length === 0) {
    return {
      message: "has no `x-codeSamples`: add the cURL and onezone-rest-cli examples of its page.",
      location: samples === undefined ? undefined : ctx.location.child(["x-codeSamples"]),
    };
  }
  const index = samples.findIndex(
    (sample) => !isNonEmptyString(sample?.lang) || !isNonEmptyString(sample?.source),
  );
  if (index === -1) return undefined;
  return {
    message: `has an \`x-codeSamples\` entry (#${index}) without \`lang\` or \`source\`: give both.`,
    location: ctx.location.child(["x-codeSamples", index]),
  };
});

const OperationErrorResponses = fieldRule((operation, ctx) => {
  const responses = operation.responses ?? {};
  const missing = REQUIRED_ERROR_STATUSES.filter((status) => responses[status] === undefined);
  if (missing.length === 0) return undefined;
  return {
    message: `does not document the error response${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: add ${missing.length > 1 ? "them" : "it"} under \`responses\` (see \`components/responses\`).`,
    location:
      operation.responses === undefined ? undefined : ctx.location.child(["responses"]).key(),
  };
});

const SuccessResponseExample = () => ({
  Operation(operation, ctx) {
    const responses = operation.responses ?? {};
    for (const status of Object.keys(responses)) {
      if (!SUCCESS_STATUS.test(status)) continue;
      const rawResponse = responses[status];
      const response = ctx.resolve(rawResponse).node;
      const rawMediaType = response?.content?.[JSON_MEDIA_TYPE];
      if (rawMediaType === undefined) continue;
      const mediaType = ctx.resolve(rawMediaType).node ?? {};
      const hasExample =
        mediaType.example !== undefined ||
        (mediaType.examples !== null &&
          typeof mediaType.examples === "object" &&
          Object.keys(mediaType.examples).length > 0);
      if (hasExample) continue;
      const location =
        rawResponse?.$ref === undefined
          ? ctx.location.child(["responses", status, "content", JSON_MEDIA_TYPE]).key()
          : ctx.location.child(["responses", status]).key();
      ctx.report({
        message: `${describeOperation(operation, ctx)} has no example for its ${status} \`${JSON_MEDIA_TYPE}\` response: add \`example\` or \`examples\` (the example of its reference page).`,
        location,
      });
    }
  },
});

export default function onezoneDocsPlugin() {
  return {
    id: "onezone-docs",
    rules: {
      oas3: {
        "operation-summary": OperationSummary,
        "operation-description": OperationDescription,
        "operation-tags": OperationTags,
        "operation-id-camel-case": OperationIdCamelCase,
        "operation-code-samples": OperationCodeSamples,
        "operation-error-responses": OperationErrorResponses,
        "success-response-example": SuccessResponseExample,
      },
    },
  };
}
