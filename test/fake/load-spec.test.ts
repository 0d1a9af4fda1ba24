// The specs the fake can serve besides its own: JSON or YAML, split files, OpenAPI 3.0 and Swagger
// 2.0 (converted to 3.1), a document object; and the clear refusal of one it cannot serve.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultSeedValues,
  type FakeOnezone,
  SpecLoadError,
  startFakeOnezone,
} from "../../src/fake/index.ts";
import { ROOT } from "../helpers/processes.ts";
import { runFake } from "./support/cli.ts";
import { useSpecConformance } from "./support/conformance.ts";
import { xAuthToken } from "./support/credentials.ts";

const { user } = defaultSeedValues;
const conformance = useSpecConformance();
const fixture = (name: string) => path.join(ROOT, "test/fixtures/fake", name);
const json = { ...xAuthToken(user.namedToken), "Content-Type": "application/json" };

async function withFake(
  spec: string | Record<string, unknown>,
  use: (fake: FakeOnezone) => Promise<void>,
) {
  const fake = await startFakeOnezone({ spec });
  try {
    await use(fake);
  } finally {
    await fake.close();
  }
}

describe("startFakeOnezone({ spec })", () => {
  it("serves a JSON spec whose paths and schemas are in YAML files it refers to", async () => {
    const spec = fixture("split/openapi.json");
    await withFake(spec, async (fake) => {
      expect(fake.baseUrl).toBe(`${fake.url}/api/split`);
      const created = await conformance.fetch(
        `${fake.baseUrl}/gadgets`,
        { method: "POST", headers: json, body: JSON.stringify({ id: "g1", size: 3 }) },
        spec,
      );
      expect(created.status).toBe(201);
      const body = (await created.json()) as { id: string };
      expect(created.headers.get("location")).toBe(`/api/split/gadgets/${body.id}`);
      const refused = await conformance.fetch(
        `${fake.baseUrl}/gadgets`,
        { method: "POST", headers: json, body: JSON.stringify({ id: "g1", size: 0 }) },
        spec,
      );
      expect(await refused.json()).toEqual({
        error: {
          id: "badValueTooLow",
          details: { key: "size", limit: 1 },
          description: 'Bad value: provided "size" must be at least 1.',
        },
      });
    });
  });

  it("serves a Swagger 2.0 spec under its basePath, with its body parameter and examples", async () => {
    await withFake(fixture("swagger2.yaml"), async (fake) => {
      expect(fake.baseUrl).toBe(`${fake.url}/api/v2`);
      const send = (body: unknown, query = "") =>
        fetch(`${fake.baseUrl}/spaces${query}`, {
          method: "POST",
          headers: json,
          body: JSON.stringify(body),
        });
      const created = await send({ name: "ok" });
      expect({ status: created.status, body: await created.json() }).toEqual({
        status: 201,
        body: { name: "my-space" },
      });
      const tooLong = await send({ name: "a-very-long-name" });
      expect(((await tooLong.json()) as { error: unknown }).error).toEqual({
        id: "badValueTextTooLarge",
        details: { key: "name", limit: 10 },
        description: 'Bad value: the text provided in "name" cannot be larger than 10 characters.',
      });
      const notBoolean = await send({ name: "ok" }, "?dryRun=maybe");
      expect(((await notBoolean.json()) as { error: { id: string } }).error.id).toBe(
        "badValueBoolean",
      );
    });
  });

  it("serves an OpenAPI 3.0 spec: nullable values and boolean exclusive bounds", async () => {
    await withFake(fixture("openapi30.yaml"), async (fake) => {
      expect(fake.baseUrl).toBe(fake.url); // no servers: operations at the root
      const send = (body: unknown) =>
        fetch(`${fake.baseUrl}/notes`, {
          method: "PUT",
          headers: json,
          body: JSON.stringify(body),
        });
      expect((await send({ text: null, stars: 4, meta: { any: "thing" } })).status).toBe(204);
      expect(await (await send({ text: null, stars: 5, meta: 1 })).json()).toEqual({
        error: {
          id: "badValueNotInRange",
          details: { key: "stars", low: 0, high: 4 },
          description: 'Bad value: provided "stars" must be between <0, 4>.',
        },
      });
    });
  });

  it("answers, unchecked, where a schema cannot be compiled, and logs it", async () => {
    const lines: string[] = [];
    const document = {
      openapi: "3.1.0",
      info: { title: "a pattern that is not a regular expression", version: "1" },
      paths: {
        "/search": {
          get: {
            operationId: "search",
            parameters: [{ name: "q", in: "query", schema: { type: "string", pattern: "(" } }],
            responses: { "204": { description: "Searched." } },
          },
        },
      },
    };
    const fake = await startFakeOnezone({ spec: document, log: (line) => lines.push(line) });
    try {
      expect((await fetch(`${fake.baseUrl}/search?q=x`)).status).toBe(204);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^the schema at #\/paths\/~1search\/get\/parameters\/0\/schema is not checked: /,
        ),
      );
    } finally {
      await fake.close();
    }
  });

  it("serves a document object", async () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "in memory", version: "1" },
      servers: [{ url: "https://example.com/v1" }],
      paths: {
        "/ping": {
          get: {
            operationId: "ping",
            responses: {
              "200": { description: "pong", content: { "text/plain": { example: "pong" } } },
            },
          },
        },
      },
    };
    await withFake(document, async (fake) => {
      const response = await fetch(`${fake.baseUrl}/ping`);
      expect([response.status, await response.text()]).toEqual([200, "pong"]);
      expect(fake.operations).toEqual([
        { id: "ping", method: "GET", path: "/ping", source: "spec" },
      ]);
    });
  });
});

describe("a spec the fake cannot serve", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "onezone-fake-spec-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function specFile(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  }

  const cases: [string, string, string, (file: string) => string][] = [
    [
      "invalid YAML",
      "broken.yaml",
      "openapi: 3.1.0\npaths:\n  /a: [unclosed\n",
      (file) => `${file}:4:1: `,
    ],
    ["a file that does not exist", "", "", (file) => `${file}: ENOENT`],
    [
      "a $ref to a file that does not exist",
      "dangling.yaml",
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    $ref: "./missing.yaml"\n',
      (file) => `${path.join(path.dirname(file), "missing.yaml")}`,
    ],
    [
      "a document that is not a spec",
      "package.json",
      '{"name": "not-a-spec"}',
      () => "not an OpenAPI 3.0/3.1 or Swagger 2.0 document",
    ],
  ];

  it.each(cases)(
    "rejects %s with a SpecLoadError naming the file",
    async (_, name, text, message) => {
      const file = name === "" ? path.join(dir, "absent.yaml") : await specFile(name, text);
      const failure = startFakeOnezone({ spec: file });
      await expect(failure).rejects.toBeInstanceOf(SpecLoadError);
      await expect(failure).rejects.toThrow(`${file} cannot be served: `);
      await expect(failure).rejects.toThrow(message(file));
    },
  );

  it("makes onezone-fake --spec exit 2 with one line naming the file", async () => {
    const file = await specFile("cli.yaml", "openapi: 3.1.0\npaths:\n  /a: [unclosed\n");
    const { code, stdout, stderr } = await runFake(["--port", "0", "--spec", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    // The parser's own wording of the problem follows the file:line:col it points at.
    expect(stderr).toMatch(
      new RegExp(
        `^onezone-fake: --spec ${file} cannot be served: ${file}:4:1: \\S[^\\n]*\\nRun onezone-fake --help for usage\\.\\n$`,
      ),
    );
  });
});
