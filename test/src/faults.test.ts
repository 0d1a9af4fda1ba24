import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOnezoneClient, type OnezoneClientOptions } from "../../src/client.ts";
import {
  OnezoneError,
  OnezoneNetworkError,
  OnezoneTimeoutError,
  OnezoneUsageError,
} from "../../src/errors.ts";
import { responseSizeLimit } from "../../src/response-size-limit.ts";
import { retries } from "../../src/retry.ts";
import { behave, type FaultyServer, startFaultyServer } from "../helpers/faulty-server.ts";

let server: FaultyServer;
beforeAll(async () => {
  server = await startFaultyServer();
});
afterAll(() => server.close());

const TOKEN = "MDAxY-secret-token";
const FAST_RETRY = retries({ attempts: 3, baseDelay: 5, maxDelay: 50 });
const client = (options: Partial<OnezoneClientOptions> = {}) =>
  createOnezoneClient({
    baseUrl: server.baseUrl,
    auth: { token: TOKEN },
    ...options,
  });

async function failure(promise: Promise<unknown>): Promise<OnezoneError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OnezoneError);
  const onezone = error as OnezoneError;
  for (const text of [onezone.message, String(onezone), JSON.stringify(onezone)]) {
    expect(text).not.toContain(TOKEN);
  }
  return onezone;
}

describe("a misbehaving server always ends in a typed error, with the cause kept", () => {
  it("connection refused", async () => {
    const gone = await startFaultyServer();
    await gone.close();
    const error = await failure(createOnezoneClient({ baseUrl: gone.baseUrl }).listClientTokens());
    expect(error).toBeInstanceOf(OnezoneNetworkError);
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("the connection reset before any response", async () => {
    server.plan(behave.resetBeforeResponse());
    const error = await failure(client().listClientTokens());
    expect(error).toBeInstanceOf(OnezoneNetworkError);
    expect(error.cause).toBeDefined();
  });

  it("the connection reset in the middle of the body", async () => {
    server.plan(behave.resetMidBody());
    const error = await failure(client().listClientTokens());
    expect(error).toBeInstanceOf(OnezoneNetworkError);
    expect(error.cause).toBeDefined();
  });

  it("a response that never comes times out", async () => {
    server.plan(behave.silence());
    const error = await failure(client({ timeout: 200 }).listClientTokens());
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
    expect(error.message).toBe("listClientTokens timed out after 200 ms");
  });

  it("a slow trickle of bytes times out too", async () => {
    server.plan(behave.trickle(20, 1000));
    const error = await failure(client({ timeout: 300 }).listClientTokens());
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
  });

  it("an HTML 502 from a proxy", async () => {
    server.plan(behave.text(502, "<html><body>Bad Gateway</body></html>"));
    const error = await failure(client().listClientTokens());
    expect(error.status).toBe(502);
    expect(error.error).toBeUndefined();
    expect(error.body).toContain("Bad Gateway");
  });

  it("invalid JSON with 200", async () => {
    server.plan(behave.json(200, '{"tokens": ['));
    const error = await failure(client().listClientTokens());
    expect(error).toMatchObject({ status: 200, body: '{"tokens": [' });
    expect(error.message).toBe("listClientTokens failed with HTTP 200 (body is not valid JSON)");
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("an empty 500", async () => {
    server.plan(behave.text(500, "", "text/plain"));
    const error = await failure(client().listClientTokens());
    expect(error).toMatchObject({ status: 500, body: "" });
    expect(error.error).toBeUndefined();
    expect(error.message).toBe("listClientTokens failed with HTTP 500 (empty body)");
  });

  it.each([
    ["declared", true],
    ["streamed", false],
  ])("a huge body (%s length) is cut off by responseSizeLimit", async (_, declared) => {
    server.plan(behave.huge(8 * 1024 * 1024, declared));
    const error = await failure(
      client({ middleware: [responseSizeLimit(1024 * 1024)] }).listClientTokens(),
    );
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      "listClientTokens failed: the response body exceeds the 1048576-byte limit",
    );
  });

  it("a body within the limit is accepted", async () => {
    server.plan(behave.huge(512 * 1024, false));
    await expect(
      client({ middleware: [responseSizeLimit(1024 * 1024)] }).listClientTokens(),
    ).resolves.toEqual([]);
  });
});

describe("timeouts and signals", () => {
  it("a per-call timeout overrides the client's", async () => {
    server.plan(behave.silence());
    const error = await failure(client({ timeout: 60_000 }).listClientTokens({ timeout: 100 }));
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
    expect(error.message).toContain("after 100 ms");
  });

  it("the caller's signal aborts the call, as a network error that is not a timeout", async () => {
    server.plan(behave.silence());
    const controller = new AbortController();
    const pending = client().getNamedTokenStatus({ id: "t" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toBeInstanceOf(OnezoneNetworkError);
    expect(error).not.toBeInstanceOf(OnezoneTimeoutError);
  });

  it("timeout: false waits as long as it takes", async () => {
    server.plan(behave.trickle(10, 5));
    await expect(client({ timeout: false }).listClientTokens()).rejects.toThrow("not valid JSON");
  });

  it("with the caller's signal given, the timeout still applies", async () => {
    server.plan(behave.silence());
    const { signal } = new AbortController();
    const error = await failure(client({ timeout: 200 }).listClientTokens({ signal }));
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
    expect(error.message).toBe("listClientTokens timed out after 200 ms");
  });

  it("a call that starts later gets its own whole timeout", async () => {
    server.plan(behave.silence());
    const onezone = client({ timeout: 300 });
    const timed = async () => {
      const started = performance.now();
      const error = await failure(onezone.listClientTokens());
      expect(error).toBeInstanceOf(OnezoneTimeoutError);
      return performance.now() - started;
    };
    const first = timed();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [, second] = await Promise.all([first, timed()]);
    // Not the 200 ms left of the first call's time.
    expect(second).toBeGreaterThanOrEqual(295);
  });

  it("the Request handed to fetch follows the caller's signal, and the timeout", async () => {
    const seen: AbortSignal[] = [];
    const fetchSpy = (request: Request) => {
      seen.push(request.signal);
      return fetch(request);
    };
    server.plan(behave.json(200, { tokens: [] }));
    const controller = new AbortController();
    await client({ fetch: fetchSpy }).listClientTokens({ signal: controller.signal });
    await client({ fetch: fetchSpy, timeout: 50 }).listClientTokens();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.map((signal) => signal.aborted)).toEqual([true, true]);
    expect(seen[1]?.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("a fetch of your own that passes init on is bounded by the timeout", async () => {
    server.plan(behave.silence());
    const own = (request: Request, init?: RequestInit) => fetch(request, init);
    const error = await failure(client({ fetch: own, timeout: 200 }).listClientTokens());
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
  });

  it.each([
    ["without retries", {}],
    ["with retries", { retry: FAST_RETRY }],
  ])("%s, a fetch of your own that takes only the request is bounded too", async (_, extra) => {
    server.plan(behave.silence());
    const own = (request: Request) => fetch(request);
    const onezone = client({ fetch: own, timeout: 200, ...extra });
    const error = await failure(onezone.listClientTokens());
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
  });

  it("1600 concurrent calls succeed without a MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      server.plan(behave.json(200, { tokens: [] }));
      const onezone = client();
      const results = await Promise.all(
        Array.from({ length: 1600 }, () => onezone.listClientTokens()),
      );
      expect(results).toHaveLength(1600);
      expect(server.hits).toHaveLength(1600);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});

describe("retries", () => {
  it("an idempotent call is retried on 503 and network errors, then succeeds", async () => {
    server.plan(
      behave.text(503, "busy"),
      behave.resetBeforeResponse(),
      behave.json(200, { generation: 4 }),
    );
    const onezone = client({ retry: FAST_RETRY });
    await expect(onezone.getTemporaryTokenGenerationOfUser({ id: "u" })).resolves.toEqual({
      generation: 4,
    });
    expect(server.hits).toHaveLength(3);
  });

  it("DELETE is idempotent and retried on 502 and 504", async () => {
    server.plan(behave.text(502, "bad"), behave.text(504, "slow"), behave.text(204, ""));
    await expect(
      client({ retry: FAST_RETRY }).revokeAllTemporaryTokensOfUser({ id: "u" }),
    ).resolves.toBeUndefined();
    expect(server.hits).toEqual(Array(3).fill("DELETE /api/v3/onezone/users/u/tokens/temporary"));
  });

  it("attempts are bounded: the last failure is thrown", async () => {
    server.plan(behave.text(503, "busy"));
    const error = await failure(client({ retry: FAST_RETRY }).listClientTokens());
    expect(error.status).toBe(503);
    expect(server.hits).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 500])("HTTP %i is never retried", async (status) => {
    server.plan(behave.json(status, { error: { id: "x", description: "y" } }));
    await failure(client({ retry: FAST_RETRY }).listClientTokens());
    expect(server.hits).toHaveLength(1);
  });

  it("429 honours Retry-After", async () => {
    server.plan(behave.json(429, "", { "retry-after": "1" }), behave.json(200, { tokens: [] }));
    const started = Date.now();
    await client({
      retry: retries({ attempts: 3, baseDelay: 5, maxDelay: 5_000 }),
    }).listClientTokens();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.hits).toHaveLength(2);
  });

  it("a Retry-After longer than maxDelay gives up at once", async () => {
    server.plan(behave.json(429, "", { "retry-after": "3600" }));
    const error = await failure(client({ retry: FAST_RETRY }).listClientTokens());
    expect(error.status).toBe(429);
    expect(server.hits).toHaveLength(1);
  });

  it("without retries(), nothing is retried", async () => {
    server.plan(behave.text(503, "busy"));
    await failure(client().listClientTokens());
    expect(server.hits).toHaveLength(1);
  });

  it("the timeout bounds the retries too", async () => {
    server.plan(behave.text(503, "busy"));
    const onezone = client({
      retry: retries({ attempts: 100, baseDelay: 50, maxDelay: 50 }),
      timeout: 300,
    });
    const error = await failure(onezone.listClientTokens());
    expect(error).toBeInstanceOf(OnezoneTimeoutError);
    expect(server.hits.length).toBeLessThan(100);
  });

  it("usage errors are not retried and send nothing", async () => {
    server.plan(behave.json(200, {}));
    const error = await client({ retry: FAST_RETRY })
      .getNamedTokenStatus({ id: "" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnezoneUsageError);
    expect(server.hits).toHaveLength(0);
  });

  it.each([
    [{ attempts: -1 }, "retry.attempts must be a finite number >= 0, not -1."],
    [{ maxDelay: Number.NaN }, "retry.maxDelay must be a finite number >= 0, not NaN."],
  ])("bad retry options are refused: %o", (retry, message) => {
    expect(() => retries(retry)).toThrow(message);
  });
});

describe("credentials only over https or loopback", () => {
  it("plain http to another host is refused unless allowed", () => {
    expect(() =>
      createOnezoneClient({ baseUrl: "http://onezone.example.com/api", auth: { token: TOKEN } }),
    ).toThrow(
      "Credentials go over https only (or to loopback), not to onezone.example.com; allowInsecureHttp: true allows it.",
    );
    expect(() =>
      createOnezoneClient({
        baseUrl: "http://onezone.example.com/api",
        auth: { token: TOKEN },
        allowInsecureHttp: true,
      }),
    ).not.toThrow();
  });

  it.each(["http://127.0.0.1:1/api", "http://localhost:1/api", "http://[::1]:1/api"])(
    "%s is loopback and allowed",
    (baseUrl) => {
      expect(() => createOnezoneClient({ baseUrl, auth: { token: TOKEN } })).not.toThrow();
    },
  );

  it("anonymous clients may use plain http anywhere", () => {
    expect(() => createOnezoneClient({ baseUrl: "http://onezone.example.com/api" })).not.toThrow();
  });
});
