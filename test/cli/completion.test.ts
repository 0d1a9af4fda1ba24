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
  const cases: [string, { words: string[]; want: string[] }][] = [
    [
      "operation ids for a prefix",
      { words: ["getT"], want: ["getTemporaryTokenGenerationOfUser"] },
    ],
    [
      "several ids for a shorter prefix",
      { words: ["get"], want: ["getNamedTokenStatus", "getTemporaryTokenGenerationOfUser"] },
    ],
    [
      "every id and completion for nothing typed",
      { words: [""], want: ["completion", ...cliOperations.map((op) => op.id)].sort() },
    ],
    ["id= after an operation id", { words: ["getNamedTokenStatus", ""], want: ["id="] }],
    [
      "id= for its prefix, after options",
      { words: ["--dry-run", "--host", "h", "getNamedTokenStatus", "i"], want: ["id="] },
    ],
    ["nothing for an operation without parameters", { words: ["listClientTokens", ""], want: [] }],
    ["shells after completion", { words: ["completion", ""], want: ["bash", "zsh"] }],
    ["options after a dash", { words: ["getNamedTokenStatus", "--d"], want: ["--dry-run"] }],
  ];
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
