// Spawns the real onezone-rest-cli process (its .ts source, run by Node) and collects what it prints.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = ["src/cli/main.ts"];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only PATH and HOME from this process, so no ONEZONE_* setting leaks in. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...CLI, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") return reject(error);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Fails with the secret's name, not its value, if any output holds one of the secrets. */
export function leakedSecrets(result: CliResult, secrets: Record<string, string>): string[] {
  const output = result.stdout + result.stderr;
  return Object.entries(secrets)
    .filter(([, secret]) => output.includes(secret))
    .map(([name]) => name);
}
