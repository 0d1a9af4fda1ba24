export * from "../generated/operations.gen.js";
export type { components, operations, paths } from "../generated/schema.js";
export type { OnezoneAuth } from "./auth.js";
export { BodyTooLargeError, responseSizeLimit } from "./body.js";
export type { PerCallOptions } from "./call.js";
export {
  createOnezoneClient,
  type OnezoneClient,
  type OnezoneClientOptions,
  type OperationResult,
} from "./client.js";
export {
  type OnedataError,
  OnezoneError,
  type OnezoneErrorInit,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
  OnezoneValidationError,
} from "./errors.js";
export { type RetryOptions, retries } from "./retry.js";
