// Property: any id the caller gives arrives intact in exactly one path segment, or is refused
// before anything is sent. Checked through the client and through the CLI process, on an
// operation of each spec of SPECS that takes one path parameter and nothing else required.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "../../src/client.ts";
import { OnezoneUsageError } from "../../src/errors.ts";
import { runCli } from "../cli/run-cli.ts";
import { type RecordingServer, startRecordingServer } from "../helpers/recording-server.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";

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
function segmentOf(target: string, [prefix, suffix]: [string, string]): string | undefined {
  if (!target.startsWith(prefix) || !target.endsWith(suffix)) return undefined;
  const segment = target.slice(prefix.length, target.length - suffix.length);
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

describe.each(SPECS)("hostile path values on $name", async (spec) => {
  const api = await generatedApi(spec.path);
  const op = api.cliOperations.find(
    (candidate) =>
      candidate.parameters.filter((p) => p.in === "path").length === 1 &&
      candidate.parameters.every((p) => p.in === "path" || !p.required) &&
      !candidate.requestBody?.required,
  );
  if (!op) throw new Error(`${spec.name} has no operation with one path parameter alone`);
  const name = op.parameters.find((p) => p.in === "path")?.name ?? "";
  const template = api.operationIndex[op.name]?.path ?? "";
  const base = "/api/v3/onezone";
  const ends: [string, string] = [
    `${base}${template.slice(0, template.indexOf("{"))}`,
    template.slice(template.indexOf("}") + 1),
  ];
  type Method = (path: Record<string, string>) => Promise<unknown>;
  const client = () =>
    createApiClient(api.operationIndex, { baseUrl: server.baseUrl }) as unknown as Record<
      string,
      Method
    >;

  it(`${op.id} through the client: intact in one segment, or refused with nothing sent`, async () => {
    const call = client()[op.name] as Method;
    await fc.assert(
      fc.asyncProperty(awkwardId, async (id) => {
        server.requests.length = 0;
        const outcome = await call({ [name]: id }).catch((e: unknown) => e);
        if (!representable(id)) {
          expect(outcome).toBeInstanceOf(OnezoneUsageError);
          expect(server.requests).toHaveLength(0);
          return;
        }
        expect(outcome).toEqual({ revoked: false });
        expect(server.requests).toHaveLength(1);
        expect(segmentOf(server.requests[0]?.target ?? "", ends)).toBe(id);
      }),
      { numRuns: 400 },
    );
  });

  it(`${op.id}: an empty ${name} is refused before sending`, async () => {
    const call = client()[op.name] as Method;
    await expect(call({ [name]: "" })).rejects.toThrow(
      `${op.name}: Path parameter "${name}" cannot be "": no URL carries it as one segment.`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it(`${op.id} through the CLI process: intact in one segment, or a usage error with nothing sent`, {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        awkwardId.filter((id) => !id.includes("\0") && id.isWellFormed()), // argv can carry neither
        async (id) => {
          server.requests.length = 0;
          const result = await runCli(
            [op.id, `${name}=${id}`],
            { ONEZONE_HOST: server.baseUrl },
            {
              generated: api.dir,
            },
          );
          if (!representable(id)) {
            expect(result.code).toBe(2);
            expect(server.requests).toHaveLength(0);
            return;
          }
          expect(result.code).toBe(0);
          expect(server.requests).toHaveLength(1);
          expect(segmentOf(server.requests[0]?.target ?? "", ends)).toBe(id);
        },
      ),
      { numRuns: 25 },
    );
  });
});
