export type {
  ClientMethods,
  OperationTypes,
  ParseAs,
  ResponseMethods,
} from "../generated/client-types.gen.ts";
export * from "../generated/operations.gen.ts";
export type { components, operations, paths } from "../generated/schema.js";
export type { OnezoneAuth } from "./auth.ts";
export type { ApiResponse, PerCallOptions } from "./call.ts";
export {
  type ApiClient,
  createApiClient,
  createOnezoneClient,
  type OnezoneClient,
  type OnezoneClientOptions,
  type OperationResponse,
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
