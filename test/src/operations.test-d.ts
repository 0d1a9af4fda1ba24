// The thin per-operation functions take and resolve to what openapi-fetch's own `request()` types
// for the same call: for every operation of the project's spec and of the growth fixture, at the
// path template and method its entry in `OperationTypes` names.
import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { OperationTypes } from "../../generated/client-types.gen.ts";
import type * as operations from "../../generated/operations.gen.ts";
import type { CallOptions } from "../../generated/operations.gen.ts";
import type { paths } from "../../generated/schema.js";
import type { OperationTypes as GrowthTypes } from "../fixtures/growth/expected/client-types.gen.ts";
import type * as growthOperations from "../fixtures/growth/expected/operations.gen.ts";
import type { paths as GrowthPaths } from "../fixtures/growth/expected/schema.js";

/** openapi-typescript's type of the operation at the path template and method an entry names. */
type Operation<Paths, Entry> = Entry extends { pathTemplate: infer Template extends keyof Paths }
  ? Entry extends { method: infer Method extends keyof Paths[Template] }
    ? Paths[Template][Method]
    : never
  : never;

/** openapi-fetch's options for the call an entry names (`MaybeOptionalInit`, as `request()` takes them). */
type Init<Paths, Entry> = Entry extends { pathTemplate: infer Template extends keyof Paths }
  ? Entry extends { method: infer Method extends keyof Paths[Template] }
    ? MaybeOptionalInit<Paths[Template], Method>
    : never
  : never;

/** Whether openapi-typescript types path parameters for the operation. */
type TakesPath<Op> = Op extends { parameters: { path?: infer Path } }
  ? [NonNullable<Path>] extends [never]
    ? false
    : true
  : false;

/** What `Client<Paths>["request"]` resolves to for an operation called with its options (openapi-fetch's own formula). */
type Requested<Op, Init> =
  Op extends Record<string | number, unknown>
    ? Promise<FetchResponse<Op, Init, `${string}/${string}`>>
    : never;

/** The client, the path parameters when the path has any, then the options (optional unless something in them is required). */
type Parameters_<Paths extends {}, Op, HasPath> = [
  client: Client<Paths>,
  ...(HasPath extends true ? [path: Op extends { parameters: { path: infer P } } ? P : never] : []),
  // biome-ignore lint/complexity/noBannedTypes: `{}` is what an options object without required members takes
  ...({} extends CallOptions<Op> ? [options?: CallOptions<Op>] : [options: CallOptions<Op>]),
];

/** Each function's parameters and result, by its name in `OperationTypes` (a missing function fails here). */
type FunctionsOf<Functions extends Record<keyof Types, (...args: never[]) => unknown>, Types> = {
  [Name in keyof Types]: [Parameters<Functions[Name]>, ReturnType<Functions[Name]>];
};

/** What openapi-fetch's formula gives each operation: its parameters and its result, by name. */
type Expected<Paths extends {}, Types> = {
  [Name in keyof Types]: [
    Parameters_<Paths, Operation<Paths, Types[Name]>, TakesPath<Operation<Paths, Types[Name]>>>,
    Requested<Operation<Paths, Types[Name]>, Init<Paths, Types[Name]>>,
  ];
};

describe("the functions", () => {
  it("of the project spec take and resolve to what request() types for their method and path", () => {
    expectTypeOf<FunctionsOf<typeof operations, OperationTypes>>().toEqualTypeOf<
      Expected<paths, OperationTypes>
    >();
  });

  it("of the growth fixture take and resolve to what request() types for their method and path", () => {
    expectTypeOf<FunctionsOf<typeof growthOperations, GrowthTypes>>().toEqualTypeOf<
      Expected<GrowthPaths, GrowthTypes>
    >();
  });
});
