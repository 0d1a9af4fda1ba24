import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { Middleware } from "openapi-fetch";
import schemas from "../generated/response-schemas.json" with { type: "json" };
import { OnezoneValidationError } from "./errors.ts";

const SPEC_ID = "onezone-response-schemas";
const operationIds: Record<string, string> = schemas.operations;
const responses: Record<string, Record<string, unknown>> = schemas.responses;

/**
 * Middleware that checks every 2xx JSON body against the spec (generated/response-schemas.json)
 * and fails the call with OnezoneValidationError on a mismatch:
 * `createOnezoneClient({ ..., middleware: [validateResponses()] })`. Apart from the client, so
 * that code that does not validate does not carry ajv.
 */
export function validateResponses(): Middleware {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...schemas, $id: SPEC_ID });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (operationId: string, status: number) => {
    const key = `${operationId}/${status}`;
    if (responses[operationId]?.[status] === undefined) return undefined;
    const validate = compiled.get(key) ?? ajv.compile({ $ref: `${SPEC_ID}#/responses/${key}` });
    compiled.set(key, validate);
    return validate;
  };
  return {
    async onResponse({ request, response, schemaPath }) {
      const operationId = operationIds[`${request.method} ${schemaPath}`] ?? "";
      const validate = response.ok ? validatorFor(operationId, response.status) : undefined;
      const body = validate ? await response.clone().text() : "";
      let data: unknown;
      try {
        data = JSON.parse(body);
      } catch {
        return undefined; // not JSON at all: the client reports that itself
      }
      if (validate?.(data) !== false) return undefined;
      const problems = (validate.errors ?? []).map(
        (error) => `${error.instancePath || "(body)"} ${error.message ?? "is invalid"}`,
      );
      throw new OnezoneValidationError(
        `${operationId}: the HTTP ${response.status} body does not match the spec: ${problems.join("; ")}`,
        { operationId, status: response.status, body },
      );
    },
  };
}
