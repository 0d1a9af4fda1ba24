// The one error the generator reports as the spec's fault rather than its own.

/** A spec that cannot be generated from; `problems` name file:line for each. */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "SpecError";
  }
}
