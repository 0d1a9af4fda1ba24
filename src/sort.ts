/**
 * Sorts `items` in place by a text key, in UTF-16 code-unit order (as `<` compares): the same
 * on every machine, whatever its locale.
 */
export function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
