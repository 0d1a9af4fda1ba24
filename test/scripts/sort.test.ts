import { describe, expect, it } from "vitest";
import { sortBy, sortKeys } from "../../scripts/sort.ts";

describe("sortBy", () => {
  it.each([
    [
      "text in code-unit order, not the locale's",
      ["b", "B", "a", "ä", "A"],
      ["A", "B", "a", "b", "ä"],
    ],
    ["numbers by value, not as text", [10, 9, 100], [9, 10, 100]],
  ])("%s", (_, given, want) => {
    expect(sortBy([...given], (item) => item)).toEqual(want);
  });

  it("sorts by each key in turn, keeping the order of ties", () => {
    const items = [
      { path: "/b", method: 0, id: "first" },
      { path: "/a", method: 1, id: "second" },
      { path: "/a", method: 0, id: "third" },
      { path: "/b", method: 0, id: "fourth" },
    ];
    const sorted = sortBy(
      items,
      (item) => item.path,
      (item) => item.method,
    );
    expect(sorted.map((item) => item.id)).toEqual(["third", "second", "first", "fourth"]);
  });
});

describe("sortKeys", () => {
  it("orders the keys of every object, however deep, and keeps arrays in order", () => {
    const sorted = sortKeys({ b: [{ z: 1, y: 2 }, 3], a: { d: null, c: "x" } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":"x","d":null},"b":[{"y":2,"z":1},3]}');
  });

  it("keeps a key named __proto__ as an ordinary entry", () => {
    const sorted = sortKeys(JSON.parse('{"z": 1, "__proto__": {"a": 1}}'));
    expect(JSON.stringify(sorted)).toBe('{"__proto__":{"a":1},"z":1}');
  });
});
