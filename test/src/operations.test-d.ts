// The thin per-operation functions take and resolve to what openapi-fetch's own `request()` types
// for the same call: for every operation of the project's spec and of the growth fixture.
import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { operationIndex } from "../../generated/operation-index.gen.ts";
import type * as operations from "../../generated/operations.gen.ts";
import type { CallOptions } from "../../generated/operations.gen.ts";
import type { paths } from "../../generated/schema.js";
import type { operationIndex as growthIndex } from "../fixtures/growth/expected/operation-index.gen.ts";
import type * as growthOperations from "../fixtures/growth/expected/operations.gen.ts";
import type { paths as GrowthPaths } from "../fixtures/growth/expected/schema.js";

type Index = typeof operationIndex;
type Operation<Name extends keyof Index> = paths[Index[Name]["path"]][Index[Name]["method"]];
type GrowthIndex = typeof growthIndex;
type GrowthOperation<Name extends keyof GrowthIndex> =
  GrowthPaths[GrowthIndex[Name]["path"]][GrowthIndex[Name]["method"]];

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
    expectTypeOf<{ [Name in keyof Index]: Parameters<(typeof operations)[Name]> }>().toEqualTypeOf<{
      [Name in keyof Index]: Parameters_<paths, Operation<Name>, Index[Name]["pathParameters"]>;
    }>();
  });

  it("resolve to what request() types for their method and path", () => {
    expectTypeOf<{ [Name in keyof Index]: ReturnType<(typeof operations)[Name]> }>().toEqualTypeOf<{
      [Name in keyof Index]: Requested<
        Operation<Name>,
        MaybeOptionalInit<paths[Index[Name]["path"]], Index[Name]["method"]>
      >;
    }>();
  });
});

describe("the growth fixture's functions", () => {
  it("take the client, the path parameters and their operation's options", () => {
    expectTypeOf<{
      [Name in keyof GrowthIndex]: Parameters<(typeof growthOperations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof GrowthIndex]: Parameters_<
        GrowthPaths,
        GrowthOperation<Name>,
        GrowthIndex[Name]["pathParameters"]
      >;
    }>();
  });

  it("resolve to what request() types for their method and path", () => {
    expectTypeOf<{
      [Name in keyof GrowthIndex]: ReturnType<(typeof growthOperations)[Name]>;
    }>().toEqualTypeOf<{
      [Name in keyof GrowthIndex]: Requested<
        GrowthOperation<Name>,
        MaybeOptionalInit<GrowthPaths[GrowthIndex[Name]["path"]], GrowthIndex[Name]["method"]>
      >;
    }>();
  });
});
