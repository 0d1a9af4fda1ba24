// Finds an operation of the generated table by id, suggesting the nearest id for a typo.
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import type { IndexedOperation } from "../../generated/operation-index.gen.js";
import { OnezoneUsageError } from "../errors.ts";
import { GENERATED } from "./generated.ts";

/** A command: the operation as the CLI table describes it, and as the client sends it (method, path, ...). */
export type CliCommand = CliOperation & IndexedOperation;

/**
 * The command is the operation's name (`getNamedTokenStatus`); its operationId as the spec spells
 * it (`get_named_token_status`) works too. The table and index default to generated/'s.
 */
export function findOperation(
  id: string,
  operations: readonly CliOperation[] = GENERATED.cliOperations,
  index: Readonly<Record<string, IndexedOperation>> = GENERATED.operationIndex,
): CliCommand {
  const operation =
    operations.find((op) => op.name === id) ?? operations.find((op) => op.id === id);
  if (operation) return { ...operation, ...indexed(operation.name, index) };
  const guess = nearest(
    id,
    operations.map((op) => op.name),
  );
  const hint = guess ? `did you mean ${guess}?` : "see onezone-rest-cli --help for the list";
  throw new OnezoneUsageError(`Unknown operation "${id}"; ${hint}`);
}

/** The operation's entry in the generated operation index, which the client reads too. */
function indexed(
  name: string,
  index: Readonly<Record<string, IndexedOperation>>,
): IndexedOperation {
  const entry = Object.hasOwn(index, name) ? index[name] : undefined;
  if (entry === undefined) {
    throw new Error(`The operation index has no ${name}; run npm run generate.`);
  }
  return entry;
}

/** The candidate closest to `word` by edit distance (case-insensitive), if it is close enough. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
