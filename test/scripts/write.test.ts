import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replaceAtomically, staleFiles, writeOutput } from "../../scripts/write.ts";
import { scratchDir } from "../helpers/processes.ts";

describe("writeOutput", () => {
  it("makes the directory hold exactly the files, creating its parents", () => {
    const out = path.join(scratchDir("write"), "a/b/out");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "old.ts"), "old");
    const files = [
      { path: "x.ts", content: "x" },
      { path: "nested/y.json", content: "{}" },
    ];
    writeOutput(out, files);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual([
      "nested",
      "nested/y.json",
      "x.ts",
    ]);
    expect(staleFiles(out, files)).toEqual([]);
    expect(readdirSync(path.dirname(out))).toEqual(["out"]); // no staging left behind
  });
});

describe("replaceAtomically", () => {
  it("replaces a file with what was written beside it", () => {
    const dir = scratchDir("replace");
    const page = path.join(dir, "index.html");
    writeFileSync(page, "old");
    replaceAtomically(page, (staging) => writeFileSync(staging, "new"));
    expect(readFileSync(page, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["index.html"]);
  });

  it("leaves the target as it was, and nothing beside it, when writing fails", () => {
    const dir = scratchDir("replace-fail");
    const out = path.join(dir, "out");
    mkdirSync(out);
    writeFileSync(path.join(out, "kept.ts"), "kept");
    const failing = (staging: string) => {
      mkdirSync(staging);
      writeFileSync(path.join(staging, "half.ts"), "half");
      throw new Error("disk full");
    };
    expect(() => replaceAtomically(out, failing)).toThrow("disk full");
    expect(readdirSync(out)).toEqual(["kept.ts"]);
    expect(readdirSync(dir)).toEqual(["out"]);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});

describe("staleFiles", () => {
  it("names the files that differ, are missing or are extra, sorted", () => {
    const out = scratchDir("stale");
    writeFileSync(path.join(out, "same.ts"), "same");
    writeFileSync(path.join(out, "edited.ts"), "edited by hand");
    writeFileSync(path.join(out, "extra.ts"), "");
    const files = [
      { path: "same.ts", content: "same" },
      { path: "edited.ts", content: "generated" },
      { path: "missing.ts", content: "" },
    ];
    expect(staleFiles(out, files)).toEqual(["edited.ts", "extra.ts", "missing.ts"]);
  });
});
