// npm run diff: each class of change, as a pair of specs (one small spec and the same spec after
// one edit), classified as a TypeScript consumer of the generated client meets it; then the bump,
// the version it leads to, the two formats and the command line on files and git revisions.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Bump, bumpFor, compareSpecs } from "../../scripts/diff/compare.ts";
import { formatMarkdown, formatText, nextVersion } from "../../scripts/diff/report.ts";
import { ROOT } from "../helpers/processes.ts";

// biome-ignore lint/suspicious/noExplicitAny: each case edits the spec where it likes.
type Spec = Record<string, any>;

function baseSpec(): Spec {
  return {
    openapi: "3.1.0",
    info: { title: "Items", version: "1.0.0" },
    paths: {
      "/items/{id}": {
        get: {
          operationId: "getItem",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "fields", in: "query", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "The item.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
            },
            "404": { description: "No such item." },
          },
        },
        put: {
          operationId: "putItem",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/ItemInput" } },
            },
          },
          responses: { "204": { description: "Stored." } },
        },
      },
    },
    components: {
      schemas: {
        Item: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: ["active", "revoked"] },
            note: { type: "string" },
            owner: { oneOf: [{ $ref: "#/components/schemas/User" }, { type: "string" }] },
          },
        },
        ItemInput: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, size: { type: "integer" } },
        },
        User: { type: "object", properties: { login: { type: "string" } } },
      },
    },
  };
}

const getItem = (spec: Spec) => spec.paths["/items/{id}"].get;
const putItem = (spec: Spec) => spec.paths["/items/{id}"].put;
const schemas = (spec: Spec) => spec.components.schemas;

interface Case {
  edit: (spec: Spec) => void;
  want: { kind: string; bump: Bump };
}

const cases: [string, Case][] = [
  [
    "operation added",
    {
      edit: (spec) => {
        spec.paths["/items"] = {
          get: { operationId: "listItems", responses: { "200": { description: "All." } } },
        };
      },
      want: { kind: "operation-added", bump: "minor" },
    },
  ],
  [
    "operation removed",
    {
      edit: (spec) => delete spec.paths["/items/{id}"].put,
      want: { kind: "operation-removed", bump: "major" },
    },
  ],
  [
    "operation renamed (same method and path, new operationId)",
    {
      edit: (spec) => {
        getItem(spec).operationId = "fetchItem";
      },
      want: { kind: "operation-renamed", bump: "major" },
    },
  ],
  [
    "operation deprecated",
    {
      edit: (spec) => {
        getItem(spec).deprecated = true;
      },
      want: { kind: "operation-deprecated", bump: "minor" },
    },
  ],
  [
    "required parameter added",
    {
      edit: (spec) => {
        getItem(spec).parameters.push({
          name: "owner",
          in: "query",
          required: true,
          schema: { type: "string" },
        });
      },
      want: { kind: "parameter-added", bump: "major" },
    },
  ],
  [
    "optional parameter added",
    {
      edit: (spec) => {
        getItem(spec).parameters.push({ name: "limit", in: "query", schema: { type: "integer" } });
      },
      want: { kind: "parameter-added", bump: "minor" },
    },
  ],
  [
    "parameter removed",
    {
      edit: (spec) => getItem(spec).parameters.pop(),
      want: { kind: "parameter-removed", bump: "major" },
    },
  ],
  [
    "parameter made required",
    {
      edit: (spec) => {
        getItem(spec).parameters[1].required = true;
      },
      want: { kind: "parameter-required", bump: "major" },
    },
  ],
  [
    "parameter deprecated",
    {
      edit: (spec) => {
        getItem(spec).parameters[1].deprecated = true;
      },
      want: { kind: "parameter-deprecated", bump: "minor" },
    },
  ],
  [
    "parameter type narrowed",
    {
      edit: (spec) => {
        getItem(spec).parameters[1].schema.enum = ["id", "status"];
      },
      want: { kind: "type-narrowed", bump: "major" },
    },
  ],
  [
    "response field removed",
    {
      edit: (spec) => delete schemas(spec).Item.properties.note,
      want: { kind: "field-removed", bump: "major" },
    },
  ],
  [
    "response field added",
    {
      edit: (spec) => {
        schemas(spec).Item.properties.created = { type: "string" };
      },
      want: { kind: "field-added", bump: "minor" },
    },
  ],
  [
    "response field made optional",
    {
      edit: (spec) => {
        schemas(spec).Item.required = ["id"];
      },
      want: { kind: "field-required", bump: "major" },
    },
  ],
  [
    "response field deprecated",
    {
      edit: (spec) => {
        schemas(spec).Item.properties.note.deprecated = true;
      },
      want: { kind: "field-deprecated", bump: "minor" },
    },
  ],
  [
    "response type widened: an enum value added",
    {
      edit: (spec) => schemas(spec).Item.properties.status.enum.push("expired"),
      want: { kind: "type-widened", bump: "major" },
    },
  ],
  [
    "response type widened: a oneOf member added",
    {
      edit: (spec) => schemas(spec).Item.properties.owner.oneOf.push({ type: "integer" }),
      want: { kind: "type-widened", bump: "major" },
    },
  ],
  [
    "response type narrowed: an enum value removed",
    {
      edit: (spec) => schemas(spec).Item.properties.status.enum.pop(),
      want: { kind: "type-narrowed", bump: "minor" },
    },
  ],
  [
    "a field inside a oneOf member removed",
    {
      edit: (spec) => delete schemas(spec).User.properties.login,
      want: { kind: "field-removed", bump: "major" },
    },
  ],
  [
    "request field type narrowed",
    {
      edit: (spec) => {
        schemas(spec).ItemInput.properties.name.enum = ["a", "b"];
      },
      want: { kind: "type-narrowed", bump: "major" },
    },
  ],
  [
    "request field type widened",
    {
      edit: (spec) => {
        schemas(spec).ItemInput.properties.name.type = ["string", "null"];
      },
      want: { kind: "type-widened", bump: "minor" },
    },
  ],
  [
    "required request field added",
    {
      edit: (spec) => {
        schemas(spec).ItemInput.properties.owner = { type: "string" };
        schemas(spec).ItemInput.required.push("owner");
      },
      want: { kind: "field-added", bump: "major" },
    },
  ],
  [
    "optional request field added",
    {
      edit: (spec) => {
        schemas(spec).ItemInput.properties.tag = { type: "string" };
      },
      want: { kind: "field-added", bump: "minor" },
    },
  ],
  [
    "request field removed",
    {
      edit: (spec) => delete schemas(spec).ItemInput.properties.size,
      want: { kind: "field-removed", bump: "major" },
    },
  ],
  [
    "request body made optional",
    {
      edit: (spec) => {
        putItem(spec).requestBody.required = false;
      },
      want: { kind: "request-body-required", bump: "minor" },
    },
  ],
  [
    "request media type added",
    {
      edit: (spec) => {
        putItem(spec).requestBody.content["application/x-www-form-urlencoded"] = {
          schema: { $ref: "#/components/schemas/ItemInput" },
        };
      },
      want: { kind: "media-type-added", bump: "minor" },
    },
  ],
  [
    "request media type removed",
    {
      edit: (spec) => {
        putItem(spec).requestBody.content = { "application/xml": { schema: { type: "string" } } };
      },
      want: { kind: "media-type-removed", bump: "major" },
    },
  ],
  [
    "response media type added: the result widens to a union",
    {
      edit: (spec) => {
        getItem(spec).responses["200"].content["text/plain"] = { schema: { type: "string" } };
      },
      want: { kind: "media-type-added", bump: "major" },
    },
  ],
  [
    "success response added: the result widens",
    {
      edit: (spec) => {
        putItem(spec).responses["200"] = {
          description: "Stored, with the item.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
        };
      },
      want: { kind: "response-added", bump: "major" },
    },
  ],
  [
    "error response added: thrown as an OnezoneError like any other",
    {
      edit: (spec) => {
        putItem(spec).responses["409"] = { description: "Conflict." };
      },
      want: { kind: "response-added", bump: "patch" },
    },
  ],
  [
    "integer to number: the same TypeScript type",
    {
      edit: (spec) => {
        schemas(spec).ItemInput.properties.size.type = "number";
      },
      want: { kind: "details-changed", bump: "patch" },
    },
  ],
  [
    "description changed",
    {
      edit: (spec) => {
        getItem(spec).description = "Gets one item.";
      },
      want: { kind: "details-changed", bump: "patch" },
    },
  ],
];

describe("compareSpecs", () => {
  it.each(cases)("%s", (_name, { edit, want }) => {
    const head = baseSpec();
    edit(head);
    const changes = compareSpecs(baseSpec(), head);
    expect(changes.map(({ kind, bump }) => ({ kind, bump }))).toContainEqual(want);
    expect(bumpFor(changes)).toBe(want.bump);
  });

  it("finds no change between equal specs", () => {
    expect(compareSpecs(baseSpec(), baseSpec())).toEqual([]);
    expect(bumpFor([])).toBeUndefined();
  });

  it("tells a change to a shared schema once, naming every operation it reaches", () => {
    const head = baseSpec();
    head.paths["/items"] = {
      get: {
        operationId: "listItems",
        responses: {
          "200": {
            description: "All.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    };
    const base = structuredClone(head);
    delete schemas(head).Item.properties.note;
    expect(compareSpecs(base, head)).toEqual([
      {
        kind: "field-removed",
        bump: "major",
        text: "Response field removed: Item.note",
        operations: ["listItems", "getItem"],
      },
    ]);
  });

  it("compares recursive schemas and stops", () => {
    const base = baseSpec();
    schemas(base).User.properties.manager = { $ref: "#/components/schemas/User" };
    const head = structuredClone(base);
    schemas(head).User.properties.email = { type: "string" };
    expect(compareSpecs(base, head).map((change) => change.text)).toEqual([
      "Optional response field added: User.email",
    ]);
  });

  it("treats a path parameter renamed in the template as the same operation with a new parameter", () => {
    const head = baseSpec();
    const item = head.paths["/items/{id}"];
    for (const operation of [item.get, item.put]) operation.parameters[0].name = "itemId";
    head.paths = { "/items/{itemId}": item };
    const kinds = compareSpecs(baseSpec(), head).map(({ kind, text }) => `${kind}: ${text}`);
    expect(kinds).toContain("parameter-removed: Parameter removed: id (path)");
    expect(kinds).toContain("parameter-added: Required parameter added: itemId (path)");
    expect(kinds.some((kind) => kind.startsWith("operation-"))).toBe(false);
  });
});

describe("nextVersion", () => {
  it.each([
    ["1.4.2", "major", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
    // Below 1.0.0, ^0.y.z takes patches only: a breaking change bumps y, anything else z.
    ["0.1.0", "major", "0.2.0"],
    ["0.1.0", "minor", "0.1.1"],
    ["0.1.0", "patch", "0.1.1"],
  ] as const)("%s with a %s change is %s", (version, bump, want) => {
    expect(nextVersion(version, bump)).toBe(want);
  });
});

describe("reports", () => {
  const head = baseSpec();
  getItem(head).operationId = "fetchItem";
  getItem(head).parameters.push({ name: "limit", in: "query", schema: { type: "integer" } });
  putItem(head).deprecated = true;
  const changes = compareSpecs(baseSpec(), head);
  const report = {
    spec: "spec/items.yaml",
    base: "HEAD~1",
    changes,
    bump: bumpFor(changes),
    packageName: "items-client",
    version: "1.2.3",
  };

  it("lists breaking changes first in text, with the bump and the next version", () => {
    expect(formatText(report)).toBe(
      [
        "spec/items.yaml against HEAD~1: 3 change(s), 1 breaking.",
        "Semver: major. items-client 1.2.3 → 2.0.0.",
        "",
        "  BREAKING  Operation renamed: getItem → fetchItem (GET /items/{id}); the client's getItem() is gone",
        "  minor     Optional parameter added: limit (query) (fetchItem)",
        "  minor     Operation deprecated: putItem (PUT /items/{id})",
        "",
      ].join("\n"),
    );
  });

  it("writes a changelog section in Markdown, headed by the next version", () => {
    expect(formatMarkdown(report)).toBe(
      [
        "## items-client 2.0.0",
        "",
        "Changes to `spec/items.yaml` since `HEAD~1`: a major change. items-client 1.2.3 → 2.0.0.",
        "",
        "### Breaking changes",
        "",
        "- Operation renamed: getItem → fetchItem (GET /items/{id}); the client's getItem() is gone",
        "",
        "### Deprecations",
        "",
        "- Operation deprecated: putItem (PUT /items/{id})",
        "",
        "### Added and changed",
        "",
        "- Optional parameter added: limit (query) (fetchItem)",
        "",
      ].join("\n"),
    );
  });
});

describe("npm run diff", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "onezone-diff-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function diff(args: string[], cwd = ROOT) {
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/diff.ts"), ...args], {
      cwd,
      encoding: "utf8",
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function writeSpec(file: string, spec: Spec): string {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(spec, null, 2));
    return file;
  }

  it("compares two files, and with --fail-on-breaking exits 1 when something breaks", () => {
    const head = baseSpec();
    delete schemas(head).Item.properties.note;
    const basePath = writeSpec(path.join(work, "files/base.json"), baseSpec());
    const headPath = writeSpec(path.join(work, "files/head.json"), head);

    const plain = diff([basePath, "--spec", headPath]);
    expect(plain).toMatchObject({ code: 0, stderr: "" });
    expect(plain.stdout).toContain("BREAKING  Response field removed: Item.note (getItem)");

    expect(diff([basePath, "--spec", headPath, "--fail-on-breaking"]).code).toBe(1);
    expect(diff([basePath, "--spec", basePath, "--fail-on-breaking"])).toMatchObject({
      code: 0,
      stdout: `${basePath} against ${basePath}: no changes.\n`,
    });
  });

  it("reads a split spec at a git revision, with the files it $refs as they were then", () => {
    const repo = path.join(work, "repo");
    const spec = baseSpec();
    const item = {
      type: "object",
      properties: { id: { type: "string" }, note: { type: "string" } },
    };
    spec.components.schemas.Item = { $ref: "schemas/Item.json" };
    writeSpec(path.join(repo, "api/spec.json"), spec);
    writeSpec(path.join(repo, "api/schemas/Item.json"), item);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "--quiet");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "spec");

    writeSpec(path.join(repo, "api/schemas/Item.json"), {
      ...item,
      properties: { id: { type: "string" } },
    });
    const result = diff(["HEAD", "--spec", "api/spec.json"], repo);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Response field removed: Item.note (getItem)");

    // A first commit (or a shallow clone) has no HEAD~1: said in one line, exit 2.
    expect(diff(["HEAD~1", "--spec", "api/spec.json"], repo)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("HEAD~1 is neither a file nor a commit"),
    });
  });

  it("refuses a missing base and a bad format, naming them", () => {
    expect(diff([]).stderr).toContain("give one <base>");
    expect(diff(["HEAD", "--format", "html"]).stderr).toContain(
      "--format html is not text or markdown",
    );
  });
});
