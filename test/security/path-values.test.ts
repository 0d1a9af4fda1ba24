// Property: any id the caller gives arrives intact in exactly one path segment, or is refused
// before anything is sent. Checked through the client and through the CLI process.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOnezoneClient } from "../../src/client.ts";
import { OnezoneUsageError } from "../../src/errors.ts";
import { runCli } from "../cli/run-cli.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";

const PREFIX = "/api/v3/onezone/tokens/named/";
const SUFFIX = "/status";

/** Ids built to hit the awkward cases often: separators, dot segments, escapes, unicode. */
const awkwardId = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc
    .array(
      fc.constantFrom(
        "/",
        "..",
        ".",
        "?",
        "#",
        "%",
        "%2F",
        "%2e",
        "+",
        " ",
        "&",
        ";",
        "\\",
        "é",
        "💥",
        "a",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal "${x}" is one of the inputs.
        "${x}",
      ),
      {
        maxLength: 6,
      },
    )
    .map((parts) => parts.join("")),
);

/** The one segment between the operation's fixed parts, decoded; undefined if it is not one. */
function segmentOf(target: string): string | undefined {
  if (!target.startsWith(PREFIX) || !target.endsWith(SUFFIX)) return undefined;
  const segment = target.slice(PREFIX.length, -SUFFIX.length);
  return segment.includes("/") || segment.includes("?") || segment.includes("#")
    ? undefined
    : decodeURIComponent(segment);
}

const representable = (id: string) => id !== "" && id !== "." && id !== ".." && id.isWellFormed();

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ status: 200, body: '{"revoked":false}' });
});

describe("hostile path values", () => {
  it("through the client: intact in one segment, or refused with nothing sent", async () => {
    const onezone = createOnezoneClient({ baseUrl: server.baseUrl });
    await fc.assert(
      fc.asyncProperty(awkwardId, async (id) => {
        server.requests.length = 0;
        const outcome = await onezone.getNamedTokenStatus({ id }).catch((e: unknown) => e);
        if (!representable(id)) {
          expect(outcome).toBeInstanceOf(OnezoneUsageError);
          expect(server.requests).toHaveLength(0);
          return;
        }
        expect(outcome).toEqual({ revoked: false });
        expect(server.requests).toHaveLength(1);
        expect(segmentOf(server.requests[0]?.target ?? "")).toBe(id);
      }),
      { numRuns: 400 },
    );
  });

  it("an empty id is refused before sending", async () => {
    const onezone = createOnezoneClient({ baseUrl: server.baseUrl });
    await expect(onezone.getNamedTokenStatus({ id: "" })).rejects.toThrow(
      'getNamedTokenStatus: Path parameter "id" cannot be "": no URL carries it as one segment.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("through the CLI process: intact in one segment, or a usage error with nothing sent", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        awkwardId.filter((id) => !id.includes("\0") && id.isWellFormed()), // argv can carry neither
        async (id) => {
          server.requests.length = 0;
          const result = await runCli(["getNamedTokenStatus", `id=${id}`], {
            ONEZONE_HOST: server.baseUrl,
          });
          if (!representable(id)) {
            expect(result.code).toBe(2);
            expect(server.requests).toHaveLength(0);
            return;
          }
          expect(result.code).toBe(0);
          expect(server.requests).toHaveLength(1);
          expect(segmentOf(server.requests[0]?.target ?? "")).toBe(id);
        },
      ),
      { numRuns: 40 },
    );
  });
});
