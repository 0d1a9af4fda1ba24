// The bash completion script, sourced in a real bash: operation ids for a prefix, parameter
// names after an operation id, shells after `completion`, options after a dash.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliOperations } from "../../generated/cli-table.gen.ts";
import { CLI, ROOT, runCli } from "./run-cli.ts";

/** What _onezone_rest_cli puts in COMPREPLY for the words typed so far (the last is the current). */
function complete(words: string[]): Promise<string[]> {
  const cli = [process.execPath, ...CLI].join(" ");
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

describe("bash completion", () => {
  const ids = cliOperations.map((op) => op.id);
  const first = ids[0] ?? "";
  const startingWith = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).sort();
  // Parameters given as name=VALUE (headers are Name:VALUE), from the spec's own operations.
  const withParameters = cliOperations.find(
    (op) => op.parameters.length > 0 && op.parameters.every((p) => p.in !== "header"),
  );
  const withoutParameters = cliOperations.find((op) => op.parameters.length === 0);
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
  ];
  if (withParameters) {
    const names = withParameters.parameters.map((p) => `${p.name}=`).sort();
    const firstName = names[0] ?? "";
    cases.push(
      ["parameter names after an operation id", { words: [withParameters.id, ""], want: names }],
      [
        "a parameter name for its prefix, after options",
        {
          words: ["--dry-run", "--host", "h", withParameters.id, firstName.slice(0, 1)],
          want: names.filter((name) => name.startsWith(firstName.slice(0, 1))),
        },
      ],
    );
  }
  if (withoutParameters) {
    cases.push([
      "nothing for an operation without parameters",
      { words: [withoutParameters.id, ""], want: [] },
    ]);
  }
  for (const [name, { words, want }] of cases) {
    it(name, async () => {
      expect((await complete(words)).sort()).toEqual(want);
    });
  }
});

describe("zsh completion", () => {
  it("defines the completer with every operation and its parameter names", async () => {
    const { code, stdout } = await runCli(["completion", "zsh"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("#compdef onezone-rest-cli\n")).toBe(true);
    for (const op of cliOperations) {
      expect(stdout).toContain(`'${op.id}:${op.summary}'`);
      const names = op.parameters.map((p) => `${p.name}=`).join(" ");
      expect(stdout).toContain(
        `    ${op.id}) ${names ? `compadd -S '' -- ${names}` : "return 1"} ;;`,
      );
    }
  });
});
