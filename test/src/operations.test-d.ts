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

describe("the project spec's functions", () => {
  it("take the client, the path parameters and their operation's options", () => {
    expectTypeOf<{
      [Name in keyof OperationTypes]: Parameters<(typeof operations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof OperationTypes]: Parameters_<
        paths,
        Operation<paths, OperationTypes[Name]>,
        TakesPath<Operation<paths, OperationTypes[Name]>>
      >;
    }>();
  });

  it("resolve to what request() types for their method and path", () => {
    expectTypeOf<{
      [Name in keyof OperationTypes]: ReturnType<(typeof operations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof OperationTypes]: Requested<
        Operation<paths, OperationTypes[Name]>,
        Init<paths, OperationTypes[Name]>
      >;
    }>();
  });
});

describe("the growth fixture's functions", () => {
  it("take the client, the path parameters and their operation's options", () => {
    expectTypeOf<{
      [Name in keyof GrowthTypes]: Parameters<(typeof growthOperations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof GrowthTypes]: Parameters_<
        GrowthPaths,
        Operation<GrowthPaths, GrowthTypes[Name]>,
        TakesPath<Operation<GrowthPaths, GrowthTypes[Name]>>
      >;
    }>();
  });

  it("resolve to what request() types for their method and path", () => {
    expectTypeOf<{
      [Name in keyof GrowthTypes]: ReturnType<(typeof growthOperations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof GrowthTypes]: Requested<
        Operation<GrowthPaths, GrowthTypes[Name]>,
        Init<GrowthPaths, GrowthTypes[Name]>
      >;
    }>();
  });
});
