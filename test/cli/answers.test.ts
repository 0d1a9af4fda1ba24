// End to end, on every spec of SPECS: each operation sent by the CLI process to a recording server
// on 127.0.0.1 that gives each documented success answer in turn; the CLI prints it by its media
// type (JSON, text as it is, binary bytes when stdout is not a terminal), and --verbose shows the
// status line and the answer's headers.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isBinary, isJson, isText } from "../../src/cli/media-types.ts";
import { useRecordingSetup } from "../helpers/recording-setup.ts";
import { generatedApi, SPECS } from "../helpers/specs.ts";
import { calledPath, parameterValue, successes, validCall } from "./derive.ts";
import { cliCommand, ROOT, runCli } from "./run-cli.ts";

const BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const TEXT = "2024-05-01T10:00:00Z first line\nsecond line, no newline at the end";

const setup = useRecordingSetup({ scratchPrefix: "onezone-rest-cli-answers-" });
const { file } = setup;

/** An answer of the media type, and what the CLI prints for it (latin1: one character a byte). */
function answer(contentType: string | undefined, name: string) {
  if (contentType === undefined) return { body: undefined, printed: "" };
  if (isJson(contentType)) {
    const json = { answeredBy: name, list: [1, "two"] };
    return { body: JSON.stringify(json), printed: `${JSON.stringify(json)}\n` };
  }
  if (isText(contentType)) return { body: TEXT, printed: TEXT };
  return { body: BYTES, printed: Buffer.from(BYTES).toString("latin1") };
}

describe.each(SPECS)("on $name: each operation, each success answer", async (spec) => {
  const api = await generatedApi(spec.path);
  const env = () => ({ ONEZONE_HOST: setup.server.baseUrl, ONEZONE_API_KEY: "key" });

  for (const op of api.cliOperations) {
    const indexed = { ...op, ...api.operationIndex[op.name] } as typeof op & {
      path: string;
      method: string;
    };
    for (const response of successes(op)) {
      const contentTypes = response.contentTypes.length > 0 ? response.contentTypes : [undefined];
      for (const contentType of contentTypes) {
        it(`${op.id} answered ${response.status} ${contentType ?? "without a body"}`, async () => {
          const { body, printed } = answer(contentType, op.name);
          const headers = Object.fromEntries(response.headers.map((h) => [h, parameterValue(h)]));
          setup.server.reply({ status: Number(response.status), body, contentType, headers });
          const call = validCall(op, file);
          const result = await runCli(["--verbose", op.id, ...call.words], env(), {
            generated: api.dir,
            stdin: call.stdin,
            encoding: "latin1",
          });
          expect(result.code, result.stderr).toBe(0);
          expect(result.stdout).toBe(printed);
          expect(result.stderr).toMatch(new RegExp(`^< ${response.status} `, "m"));
          for (const [name, value] of Object.entries(headers)) {
            expect(result.stderr.toLowerCase()).toContain(`\n< ${name.toLowerCase()}: ${value}\n`);
          }
          expect(setup.server.requests).toHaveLength(1);
          const [request] = setup.server.requests;
          expect(request?.method).toBe(indexed.method.toUpperCase());
          const target = new URL(request?.target ?? "", setup.server.baseUrl);
          expect(target.pathname).toBe(
            `${new URL(setup.server.baseUrl).pathname}${calledPath(indexed)}`,
          );
          if ((op.requestBody && call.words.some((w) => /==|:=|@/.test(w))) || call.stdin) {
            const mediaType = op.requestBody?.contentTypes[0] ?? "";
            expect(request?.headers["content-type"]?.split(";")[0]).toBe(mediaType);
            expect(request?.body).not.toBe("");
          }
        });
      }
    }
  }

  const optional = api.cliOperations.filter((op) => op.requestBody && !op.requestBody.required);
  for (const op of optional) {
    it(`${op.id} without its optional body: sends none, and --verbose says so`, async () => {
      setup.server.reply({ status: Number(successes(op)[0]?.status ?? 200) });
      const words = validCall({ ...op, requestBody: null }, file).words;
      const result = await runCli(["-v", op.id, ...words], env(), { generated: api.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(
        `* No request body: ${op.id}'s is optional, and none was given.\n`,
      );
      expect(setup.server.requests[0]?.body).toBe("");
      expect(setup.server.requests[0]?.headers["content-type"]).toBeUndefined();
    });
  }

  const binary = api.cliOperations.filter(
    (op) =>
      successes(op).length > 0 &&
      successes(op).every((r) => r.contentTypes.every(isBinary) && r.contentTypes.length > 0),
  );
  for (const op of binary) {
    it(`${op.id} answers binary: refused for a terminal (exit 2), before anything is sent`, async () => {
      const words = validCall(op, file).words;
      const command = [process.execPath, ...cliCommand(api.dir), op.id, ...words];
      const result = await new Promise<{ code: number; output: string }>((resolve) =>
        // script(1) gives the CLI a pseudo-terminal as stdout.
        execFile(
          "script",
          ["--quiet", "--return", "--command", command.join(" "), "/dev/null"],
          { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env() } },
          (error, stdout) => resolve({ code: error ? Number(error.code) : 0, output: stdout }),
        ),
      );
      expect(result.code).toBe(2);
      expect(result.output).toContain(`onezone-rest-cli: ${op.id} answers `);
      expect(result.output).toContain("not written to a terminal; send it to a file (> file)");
      expect(setup.server.requests).toHaveLength(0);
    });
  }

  it("covers the answers the spec has", () => {
    // The loops above have cases, so that a spec without them fails here rather than pass empty.
    expect(api.cliOperations.flatMap(successes).length).toBeGreaterThan(0);
  });
});
