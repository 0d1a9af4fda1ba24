// Spawns the real onezone-rest-cli process (its .ts source, run by Node) and collects what it prints:
// on the project's generated code (src/cli/main.ts), or on another spec's (test/cli/cli-on.ts).
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = ["src/cli/main.ts"];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The directory of the generated code to run on; the project's generated/ when absent. */
  generated?: string | undefined;
  /** What the process reads on standard input. */
  stdin?: string | undefined;
  /** The working directory; the repository's root when absent. */
  cwd?: string | undefined;
  /** How stdout is decoded: latin1 keeps each byte of a binary answer as one character. */
  encoding?: "utf8" | "latin1";
}

/** Node's arguments that start the CLI on the given generated code, from any directory. */
export function cliCommand(generated?: string): string[] {
  const own = generated === undefined || path.resolve(generated) === path.join(ROOT, "generated");
  return own
    ? CLI.map((file) => path.join(ROOT, file))
    : [path.join(ROOT, "test/cli/cli-on.ts"), generated];
}

/** Runs the CLI with only PATH and HOME from this process, so no ONEZONE_* setting leaks in. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: CliOptions = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...cliCommand(options.generated), ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        encoding: options.encoding ?? "utf8",
      },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? "");
  });
}

/** Fails with the secret's name, not its value, if any output holds one of the secrets. */
export function leakedSecrets(result: CliResult, secrets: Record<string, string>): string[] {
  const output = result.stdout + result.stderr;
  return Object.entries(secrets)
    .filter(([, secret]) => output.includes(secret))
    .map(([name]) => name);
}
