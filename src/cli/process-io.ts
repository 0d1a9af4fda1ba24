// The CliIo of this process: its environment, streams and terminal.
import type { CliIo } from "./run.ts";

export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
      return Buffer.concat(chunks);
    },
    stdoutIsTty: process.stdout.isTTY === true,
    columns: process.stdout.columns ?? 80,
  };
}
