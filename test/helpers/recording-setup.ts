// The setup the CLI suites share: a recording server on 127.0.0.1 for the file's tests, and a
// temporary directory holding one file part for the bodies that take one.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RecordingServer, type Reply, startRecordingServer } from "./recording-server.ts";

export interface RecordingSetup {
  /** Valid inside tests and hooks (the server starts in beforeAll). */
  server: RecordingServer;
  scratch: string;
  /** The file part, in `scratch`. */
  file: string;
}

/**
 * Registers the hooks of the enclosing file or describe: the server starts before all and closes
 * after all, when the scratch directory goes too; before each test its recorded requests are
 * cleared and, when given, `reply` is what it answers. The scratch directory and the file part are
 * made now, not in beforeAll: cases worked out when the file is collected need the path.
 */
export function useRecordingSetup(options: {
  scratchPrefix: string;
  partName?: string;
  reply?: Reply;
}): RecordingSetup {
  const scratch = mkdtempSync(path.join(tmpdir(), options.scratchPrefix));
  const file = path.join(scratch, options.partName ?? "part.txt");
  writeFileSync(file, "a file part\n");
  const setup = { scratch, file } as RecordingSetup;
  beforeAll(async () => {
    setup.server = await startRecordingServer();
  });
  afterAll(async () => {
    await setup.server.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    setup.server.requests.length = 0;
    if (options.reply) setup.server.reply(options.reply);
  });
  return setup;
}
