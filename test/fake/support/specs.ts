// The specs the fake's spec-driven tests run on: the project's, the growth fixture, and the fake's
// own fixture, which has a field for each validation error the other two lack.
import path from "node:path";
import { ROOT } from "../../helpers/processes.ts";
import { SPECS, type SpecUnderTest } from "../../helpers/specs.ts";
import { loadSpec, type Spec } from "./spec.ts";

export const FAKE_SPECS: readonly SpecUnderTest[] = [
  ...SPECS,
  { name: "fake-validation", path: path.join(ROOT, "test/fixtures/fake/validation.yaml") },
];

export interface LoadedSpec extends SpecUnderTest {
  spec: Spec;
}

/** Every spec of FAKE_SPECS, bundled (for `describe.each` at the top level of a test file). */
export function loadFakeSpecs(): Promise<LoadedSpec[]> {
  return Promise.all(
    FAKE_SPECS.map(async (under) => ({ ...under, spec: await loadSpec(under.path) })),
  );
}
