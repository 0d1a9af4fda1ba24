import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/** Spawns `onezone-fake` from source, as `npx onezone-fake` would run the built file. */
export function spawnFake(args: string[]): RunningCli {
  const child = spawn(process.execPath, ["src/fake/main.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until stdout contains `text`; fails with what the process wrote if it exits first. */
export async function waitForOutput(cli: RunningCli, text: string): Promise<string> {
  while (!cli.stdout().includes(text)) {
    const ended = await Promise.race([
      cli.exited.then((code) => ({ code })),
      new Promise<undefined>((resolve) => setTimeout(resolve, 25)),
    ]);
    if (ended !== undefined) {
      throw new Error(
        `onezone-fake exited (${ended.code}) before printing "${text}":\n${cli.stdout()}\n${cli.stderr()}`,
      );
    }
  }
  return cli.stdout();
}

/** Runs `onezone-fake` to its end. */
export async function runFake(args: string[]) {
  const cli = spawnFake(args);
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
