// The completion scripts of every spec of SPECS, the bash one sourced in a real bash: operation
// ids for a prefix, parameter names (`id=`, `Name:`) and body field names (`name==`, `name:=`,
// `name@` for a file part) after an operation id, shells after `completion`, options after a dash.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { cliCommand, ROOT, runCli } from "./run-cli.ts";

/** What the CLI should offer after an operation id, worked out from its table entry. */
function expectedWords(op: CliOperation): string[] {
  const parameters = op.parameters.map((p) => (p.in === "header" ? `${p.name}:` : `${p.name}=`));
  const fields = (op.requestBody?.fields ?? [])
    .filter((f) => !f.name.includes("[]"))
    .flatMap((f) => (f.file ? [`${f.name}@`] : [`${f.name}==`, `${f.name}:=`]));
  return [...parameters, ...fields].sort();
}

describe.each(SPECS)("completion on $name", async (spec) => {
  const api = await generatedApi(spec.path);

  /** What _onezone_rest_cli puts in COMPREPLY for the words typed so far (the last is the current). */
  function complete(words: string[]): Promise<string[]> {
    const cli = [process.execPath, ...cliCommand(api.dir)].join(" ");
    const typed = ["onezone-rest-cli", ...words].map((w) => `'${w}'`).join(" ");
    const script = `source <(${cli} completion bash) || exit 9
COMP_WORDS=(${typed}); COMP_CWORD=${words.length}
_onezone_rest_cli
printf '%s\\n' "\${COMPREPLY[@]}"`;
    return new Promise((resolve, reject) =>
      execFile("bash", ["-c", script], { cwd: ROOT }, (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(stdout.split("\n").filter(Boolean)),
      ),
    );
  }

  describe("bash", () => {
    const ids = api.cliOperations.map((op) => op.id);
    const first = ids[0] ?? "";
    const startingWith = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).sort();
    const cases: [string, { words: string[]; want: string[] }][] = [
      [
        "operation ids for a prefix",
        { words: [first.slice(0, 4)], want: startingWith(first.slice(0, 4)) },
      ],
      [
        "ids for a shorter prefix",
        { words: [first.slice(0, 2)], want: startingWith(first.slice(0, 2)) },
      ],
      [
        "every id and completion for nothing typed",
        { words: [""], want: ["completion", ...ids].sort() },
      ],
      ["shells after completion", { words: ["completion", ""], want: ["bash", "zsh"] }],
      ["options after a dash", { words: [first, "--d"], want: ["--dry-run"] }],
      ["two-letter options", { words: [first, "-a"], want: ["-ac"] }],
    ];
    for (const op of api.cliOperations) {
      const words = expectedWords(op);
      cases.push([
        `${op.id}: its parameter and body field names, after options and their values`,
        { words: ["--dry-run", "-ct", "json", "--host", "h", op.id, ""], want: words },
      ]);
      const [word] = words;
      if (word) {
        const prefix = word.slice(0, 1);
        cases.push([
          `${op.id}: the names for a prefix`,
          { words: [op.id, prefix], want: words.filter((w) => w.startsWith(prefix)) },
        ]);
      }
    }
    for (const [name, { words, want }] of cases) {
      it(name, async () => {
        expect((await complete(words)).sort()).toEqual(want);
      });
    }

    it("covers parameters and body fields, if the spec has any", () => {
      const offered = api.cliOperations.flatMap(expectedWords);
      const hasBody = api.cliOperations.some((op) => op.requestBody?.fields.length);
      expect(offered.some((w) => /[^=]==$/.test(w))).toBe(hasBody);
    });
  });

  describe("zsh", () => {
    it("defines the completer with every operation, its parameter and body field names", async () => {
      const { code, stdout } = await runCli(["completion", "zsh"], {}, { generated: api.dir });
      expect(code).toBe(0);
      expect(stdout.startsWith("#compdef onezone-rest-cli\n")).toBe(true);
      for (const op of api.cliOperations) {
        // Single-quoted for zsh, with the colons _describe would split at escaped.
        const described = `${op.id}:${op.summary.replaceAll(":", "\\:")}`;
        expect(stdout).toContain(`'${described.replaceAll("'", "'\\''")}'`);
        const line = stdout.split("\n").find((l) => l.startsWith(`    ${op.id}) `)) ?? "";
        const words = expectedWords(op);
        if (words.length === 0) expect(line).toBe(`    ${op.id}) return 1 ;;`);
        else {
          expect(line).toMatch(new RegExp(`^ {4}${op.id}\\) compadd -S '' -- .* ;;$`));
          expect(line.split(" -- ")[1]?.replace(/ ;;$/, "").split(" ").sort()).toEqual(words);
        }
      }
    });
  });
});
