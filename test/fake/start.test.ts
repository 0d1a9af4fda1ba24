import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { createFakeApp } from "../../src/fake/app.ts";
import {
  defaultSeed,
  defaultSeedValues,
  type FakeSeed,
  SeedError,
  startFakeOnezone,
} from "../../src/fake/index.ts";
import { loadSpec } from "../../src/fake/load-spec.ts";
import { FakeStore } from "../../src/fake/store.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { basic, xAuthToken } from "./support/credentials.ts";

const { user, admin } = defaultSeedValues;
const conformance = useSpecConformance();

describe("startFakeOnezone", () => {
  it("listens on an ephemeral port of 127.0.0.1 and gives the API base URL", async () => {
    const fake = await startFakeOnezone();
    try {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fake.url).not.toBe("http://127.0.0.1:0");
      expect(fake.baseUrl).toBe(`${fake.url}/api/v3/onezone`);
      expect(fake.seed).toEqual(defaultSeed);
    } finally {
      await fake.close();
    }
  });

  it("serves the seed it is given, and rejects a bad one naming the field", async () => {
    const seed: FakeSeed = {
      users: [
        {
          id: "u1",
          username: "carol",
          password: "pw",
          privileges: [],
          temporaryTokenGeneration: 7,
        },
      ],
      providers: [],
      namedTokens: [],
      temporaryTokens: [],
    };
    const fake = await startFakeOnezone({ seed });
    try {
      const response = await conformance.fetch(`${fake.baseUrl}/users/u1/tokens/temporary`, {
        headers: basic("carol", "pw"),
      });
      expect(await response.json()).toEqual({ generation: 7 });
    } finally {
      await fake.close();
    }
    const bad = {
      ...seed,
      users: [{ ...seed.users[0], privileges: "all" }],
    } as unknown as FakeSeed;
    await expect(startFakeOnezone({ seed: bad })).rejects.toThrow(
      new SeedError("users[0].privileges must be an array."),
    );
  });

  it("keeps each server's state apart and leaves the seed unchanged", async () => {
    const [first, second] = await Promise.all([startFakeOnezone(), startFakeOnezone()]);
    try {
      const path = `/users/${user.id}/tokens/temporary`;
      const asUser = basic(user.username, user.password);
      await conformance.fetch(`${first.baseUrl}${path}`, { method: "DELETE", headers: asUser });
      const generation = async (fake: typeof first) =>
        (await (
          await conformance.fetch(`${fake.baseUrl}${path}`, { headers: asUser })
        ).json()) as unknown;
      expect(await generation(first)).toEqual({ generation: user.generation + 1 });
      expect(await generation(second)).toEqual({ generation: user.generation });
      expect(defaultSeed.users[1]?.temporaryTokenGeneration).toBe(user.generation);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("closes promptly despite an open keep-alive connection, then refuses connections", async () => {
    const fake = await startFakeOnezone();
    const response = await conformance.fetch(`${fake.baseUrl}/user/client_tokens`, {
      headers: { ...basic(user.username, user.password), Connection: "keep-alive" },
    });
    await response.text();
    await fake.close();
    await expect(fetch(`${fake.baseUrl}/user/client_tokens`)).rejects.toThrow(TypeError);
  });

  it("fails to start on a port that is taken", async () => {
    const fake = await startFakeOnezone();
    try {
      const port = Number(new URL(fake.url).port);
      await expect(startFakeOnezone({ port })).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await fake.close();
    }
  });
});

describe("request log", () => {
  it("has one line per request with method, path and status, and no credential", async () => {
    const lines: string[] = [];
    const fake = await startFakeOnezone({ log: (line) => lines.push(line) });
    try {
      const secretQuery = `?token=${user.namedToken}`;
      await conformance.fetch(`${fake.baseUrl}/user/client_tokens${secretQuery}`, {
        headers: xAuthToken(user.temporaryToken),
      });
      await conformance.fetch(`${fake.baseUrl}/user/client_tokens`, {
        headers: basic(admin.username, admin.password),
      });
      await conformance.fetch(`${fake.baseUrl}/user/client_tokens`, {
        headers: basic(user.username, "a-wrong-password"),
      });
    } finally {
      await fake.close();
    }
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^GET \/api\/v3\/onezone\/user\/client_tokens 200 \d+\.\dms$/);
    expect(lines[2]).toMatch(/ 401 /);
    const log = lines.join("\n");
    for (const secret of [
      user.namedToken,
      user.temporaryToken,
      admin.password,
      "a-wrong-password",
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe("unexpected exceptions", () => {
  class BrokenStore extends FakeStore {
    override generation(): number {
      throw new Error("storage is broken");
    }
  }

  it("answer 500 internalServerError citing a 10-hex reference that the log also has", async () => {
    const lines: string[] = [];
    const { app } = createFakeApp(new BrokenStore(defaultSeed), {
      document: await loadSpec(),
      log: (line) => lines.push(line),
    });
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await conformance.fetch(
        `http://127.0.0.1:${port}/api/v3/onezone/users/${user.id}/tokens/temporary`,
        { headers: xAuthToken(user.temporaryToken) },
      );
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: { details: { reference: string } } };
      const { reference } = error.details;
      expect(reference).toMatch(/^[0-9a-f]{10}$/);
      expect(error).toEqual({
        id: "internalServerError",
        details: { reference },
        description:
          "The server has encountered an error while processing this request. If the problem " +
          `persists, please contact the site's administrators, citing the following reference: ${reference}.`,
      });
      expect(lines.join("\n")).toContain(`internal error ${reference}: Error: storage is broken`);
      expect(lines.join("\n")).not.toContain(user.temporaryToken);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
