// The generator's one way to order things, so that output never depends on the spec's key order,
// the order files were read in, or the machine's locale.

type Node = Record<string, unknown>;

/**
 * Sorts `items` in place by each key in turn: text in UTF-16 code-unit order (as `<` and a plain
 * `.sort()` compare it, the same on every machine), numbers by value.
 */
export function sortBy<T>(items: T[], ...keys: ((item: T) => string | number)[]): T[] {
  return items.sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** A copy of a JSON value in which every object lists its keys in code-unit order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  // No prototype, so that a key named __proto__ is an entry like any other.
  const sorted: Node = Object.create(null);
  for (const key of sortBy(Object.keys(value), String)) {
    sorted[key] = sortKeys((value as Node)[key]);
  }
  return sorted;
}
