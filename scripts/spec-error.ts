// The one error the generator reports as the spec's fault rather than its own.

/** A spec that cannot be generated from; `problems` name file:line for each. */
export class SpecError extends Error {
  override name = "SpecError";
  readonly problems: string[];

  constructor(message: string, problems: string[]) {
    super(message);
    this.problems = problems;
  }
}
