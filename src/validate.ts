import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import schemas from "../generated/response-schemas.json" with { type: "json" };

/** Says what is wrong with a response body, or `undefined` when it matches the spec. */
export type ResponseValidator = (
  operationId: string,
  status: number,
  body: unknown,
) => string | undefined;

const SPEC_ID = "onezone-response-schemas";

/**
 * Checks response bodies against the spec's JSON schemas (from generated/response-schemas.json).
 * Pass it as `validateResponses` to `createOnezoneClient`; it lives apart from the client so that
 * code that does not validate does not carry ajv.
 */
export function createResponseValidator(): ResponseValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...schemas, $id: SPEC_ID });
  const compiled = new Map<string, ValidateFunction | undefined>();
  const validatorFor = (operationId: string, status: number) => {
    const key = `${operationId}/${status}`;
    if (!compiled.has(key)) {
      const byStatus = (schemas.responses as Record<string, Record<string, unknown>>)[operationId];
      const known = byStatus?.[String(status)] !== undefined;
      compiled.set(key, known ? ajv.compile({ $ref: `${SPEC_ID}#/responses/${key}` }) : undefined);
    }
    return compiled.get(key);
  };
  return (operationId, status, body) => {
    const validate = validatorFor(operationId, status);
    if (!validate || validate(body)) return undefined;
    return (validate.errors ?? [])
      .map((error) => `${error.instancePath || "(body)"} ${error.message ?? "is invalid"}`)
      .join("; ");
  };
}
