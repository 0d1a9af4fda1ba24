export * from "../generated/operations.gen.ts";
export type { components, operations, paths } from "../generated/schema.js";
export type { OnezoneAuth } from "./auth.ts";
export type { PerCallOptions } from "./call.ts";
export {
  createOnezoneClient,
  type OnezoneClient,
  type OnezoneClientOptions,
  type OperationResult,
} from "./client.ts";
export {
  type OnedataError,
  OnezoneError,
  type OnezoneErrorInit,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
  OnezoneValidationError,
} from "./errors.ts";
export { BodyTooLargeError, responseSizeLimit } from "./response-size-limit.ts";
export { type RetryOptions, retries } from "./retry.ts";
