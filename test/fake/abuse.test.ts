// The fake under abuse: it answers or refuses cleanly, and keeps serving afterwards.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeedValues, type FakeOnezone, startFakeOnezone } from "../../src/fake/index.ts";

const { user } = defaultSeedValues;
let fake: FakeOnezone;
beforeAll(async () => {
  fake = await startFakeOnezone();
});
afterAll(() => fake.close());

/** Sends raw bytes on a fresh connection; resolves with what came back before it closed. */
function rawExchange(bytes: string | Buffer, timeoutMs = 5_000): Promise<string> {
  const { port } = new URL(fake.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("no answer within the time limit"));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => {}); // a reset after the answer is a clean refusal
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("latin1"));
    });
    socket.end(bytes);
  });
}

const request = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

async function stillServes(): Promise<void> {
  const response = await fetch(`${fake.baseUrl}/users/${user.id}/tokens/temporary`, {
    headers: { "X-Auth-Token": user.namedToken },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ generation: 3 });
}

describe("the fake under abuse", () => {
  it.each([
    [
      "a header line without a colon",
      ["GET /api/v3/onezone/user/client_tokens HTTP/1.1", "Host: x", "Broken header"],
    ],
    [
      "a header name with spaces",
      ["GET /api/v3/onezone/user/client_tokens HTTP/1.1", "Host: x", "Bad Name: y"],
    ],
    [
      "a control character in a header value",
      ["GET / HTTP/1.1", "Host: x", "X-Auth-Token: a\u0001b"],
    ],
    ["a request line that is not HTTP", ["HELLO THERE", "Host: x"]],
  ])("%s is refused with 400", async (_, lines) => {
    const answer = await rawExchange(request(lines));
    expect(statusOf(answer)).toBe(400);
    await stillServes();
  });

  it("a 1 MB header is refused with 431", async () => {
    const answer = await rawExchange(
      request([
        "GET /api/v3/onezone/user/client_tokens HTTP/1.1",
        "Host: x",
        `X-Big: ${"a".repeat(1024 * 1024)}`,
      ]),
    );
    expect(statusOf(answer)).toBe(431);
    await stillServes();
  });

  it("a body on a GET is ignored and the request answered", async () => {
    const body = '{"ignored": true}';
    const answer = await rawExchange(
      `${request([
        `GET /api/v3/onezone/users/${user.id}/tokens/temporary HTTP/1.1`,
        "Host: x",
        `X-Auth-Token: ${user.namedToken}`,
        "Content-Type: application/json",
        `Content-Length: ${body.length}`,
        "Connection: close",
      ])}${body}`,
    );
    expect(statusOf(answer)).toBe(200);
    expect(answer).toContain('{"generation":3}');
  });

  it("an unknown method gets an Onedata error, not a stack trace", async () => {
    const answer = await rawExchange(
      request(["BREW /api/v3/onezone/user/client_tokens HTTP/1.1", "Host: x", "Connection: close"]),
    );
    expect([400, 404, 405]).toContain(statusOf(answer));
    expect(answer).not.toMatch(/at .*\.(ts|js):\d+/);
    await stillServes();
  });

  it("500 concurrent connections are all answered, and it keeps serving", {
    timeout: 60_000,
  }, async () => {
    const statuses = await Promise.all(
      Array.from({ length: 500 }, () =>
        rawExchange(
          request([
            `GET /api/v3/onezone/users/${user.id}/tokens/temporary HTTP/1.1`,
            "Host: x",
            `X-Auth-Token: ${user.namedToken}`,
            "Connection: close",
          ]),
          30_000,
        ).then(statusOf),
      ),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await stillServes();
  });
});
