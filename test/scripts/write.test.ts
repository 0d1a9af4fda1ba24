import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { header, jsonHeader } from "../../scripts/emit/header.ts";
import { SpecError } from "../../scripts/spec-error.ts";
import { OutputDirError, replaceAtomically, staleFiles, writeOutput } from "../../scripts/write.ts";
import { scratchDir } from "../helpers/processes.ts";

const context = { specPath: "spec/other.yaml" };
/** Files as generate writes them: TypeScript with the header, JSON with it as `$comment`. */
const GENERATED = [
  { path: "x.ts", content: `${header("scripts/emit/x.ts", context)}export {};\n` },
  {
    path: "nested/y.json",
    content: `${JSON.stringify({ $comment: jsonHeader("scripts/emit/y.ts", context), a: 1 }, null, 2)}\n`,
  },
];

function hashTree(dir: string): string {
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    hash.update(path.relative(dir, full));
    if (entry.isFile()) hash.update(readFileSync(full));
  }
  return hash.digest("hex");
}

function refusal(outDir: string, files = GENERATED): OutputDirError {
  try {
    writeOutput(outDir, files);
  } catch (error) {
    if (error instanceof OutputDirError) return error;
    throw error;
  }
  throw new Error(`writeOutput wrote into ${outDir}`);
}

describe("writeOutput", () => {
  it("makes a missing directory hold exactly the files, creating its parents", () => {
    const out = path.join(scratchDir("write"), "a/b/out");
    writeOutput(out, GENERATED);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual([
      "nested",
      "nested/y.json",
      "x.ts",
    ]);
    expect(staleFiles(out, GENERATED)).toEqual([]);
    expect(readdirSync(path.dirname(out))).toEqual(["out"]); // nothing left beside it
  });

  it("replaces what it generated before, and writes into an empty directory", () => {
    const dir = scratchDir("write-again");
    const out = path.join(dir, "out");
    writeOutput(out, [...GENERATED, { path: "old.ts", content: GENERATED[0]?.content ?? "" }]);
    writeOutput(out, GENERATED);
    expect(staleFiles(out, GENERATED)).toEqual([]);
    const empty = path.join(dir, "empty");
    mkdirSync(empty);
    writeOutput(empty, GENERATED);
    expect(staleFiles(empty, GENERATED)).toEqual([]);
  });

  it.each([
    [
      "a file of the user's",
      "notes.txt",
      (out: string) => writeFileSync(path.join(out, "notes.txt"), "mine"),
    ],
    [
      "one deeper down",
      "nested/notes.txt",
      (out: string) => writeFileSync(path.join(out, "nested/notes.txt"), "mine"),
    ],
    [
      "a JSON file without the header",
      "data.json",
      (out: string) => writeFileSync(path.join(out, "data.json"), '{ "$comment": "mine" }'),
    ],
    [
      "a TypeScript file that only mentions the header",
      "mine.ts",
      (out: string) =>
        writeFileSync(
          path.join(out, "mine.ts"),
          `// mine\n${header("scripts/emit/x.ts", context)}`,
        ),
    ],
    ["an empty directory", "drafts/", (out: string) => mkdirSync(path.join(out, "drafts"))],
    [
      "a link",
      "link.ts",
      (out: string) => symlinkSync(path.join(out, "x.ts"), path.join(out, "link.ts")),
    ],
  ])("refuses a directory holding %s, naming it, and changes nothing", (_, entry, add) => {
    const out = path.join(scratchDir("refuse"), "out");
    writeOutput(out, GENERATED);
    add(out);
    const before = hashTree(out);
    const error = refusal(out, [{ path: "z.ts", content: "" }]);
    expect(error).toBeInstanceOf(SpecError); // reported as generate and dev report a spec's faults
    expect(error.message).toContain(path.join(out, entry));
    expect(error.problems).toEqual([expect.stringMatching(/ {2}not-generated {2}\S/)]);
    expect(hashTree(out)).toBe(before);
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  it("refuses a path that is a file or a link, not a directory", () => {
    const dir = scratchDir("refuse-file");
    const file = path.join(dir, "file");
    writeFileSync(file, "mine");
    expect(refusal(file).message).toContain(`${file} is not a directory`);
    expect(readFileSync(file, "utf8")).toBe("mine");
    const linked = path.join(dir, "generated");
    writeOutput(linked, GENERATED);
    const link = path.join(dir, "link");
    symlinkSync(linked, link);
    expect(refusal(link).problems).toEqual([
      `${link}  not-generated  a file or a link, which generate would replace with a directory`,
    ]);
    expect(readdirSync(dir).sort()).toEqual(["file", "generated", "link"]);
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
  });

  it("touches nothing beside the target, whatever it is named", () => {
    const dir = scratchDir("replace-siblings");
    const out = path.join(dir, "out");
    // Names the writer once used for its own staging: someone else's now.
    const siblings = [`out.tmp-${process.pid}`, `out.old-${process.pid}`, ".out.tmp"];
    for (const name of siblings) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "keep.txt"), name);
    }
    replaceAtomically(out, (staging) => writeFileSync(staging, "new"));
    for (const name of siblings) {
      expect(readFileSync(path.join(dir, name, "keep.txt"), "utf8")).toBe(name);
    }
    expect(readdirSync(dir).sort()).toEqual([...siblings, "out"].sort());
    expect(existsSync(out)).toBe(true);
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
