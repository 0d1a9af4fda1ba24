// Request bodies from the command line, on operations made for the purpose: the words
// (`name==text`, `name:=JSON`, dotted names, `name@path`, a lone `-`), the checks against the
// schema and their messages (secrets described, never shown), masking, and the curl words.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliBodyField } from "../../generated/cli-table.gen.ts";
import { bodyText } from "../../src/cli/body.ts";
import { bodyProblems } from "../../src/cli/body-check.ts";
import { curlCommand } from "../../src/cli/curl.ts";
import { maskSecrets } from "../../src/cli/dry-run.ts";
import type { RequestSchemas } from "../../src/cli/generated.ts";
import { fullMediaType } from "../../src/cli/media-types.ts";
import type { CliCommand } from "../../src/cli/operations.ts";
import { planRequest } from "../../src/cli/request.ts";
import { OnezoneUsageError } from "../../src/errors.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "onezone-rest-cli-body-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function field(name: string, type: string, more: Partial<CliBodyField> = {}): CliBodyField {
  const base = { required: false, description: "", enum: [], secret: false, file: false };
  return { name, type, ...base, mediaType: "", when: "", ...more };
}

function operation(mediaTypes: string[], fields: CliBodyField[], required = true): CliCommand {
  return {
    id: "createThing",
    name: "createThing",
    method: "post",
    path: "/things",
    pathParameters: false,
    summary: "",
    description: "",
    tags: [],
    deprecated: false,
    parameters: [],
    requestBody: {
      required,
      description: "",
      contentTypes: mediaTypes,
      fields,
      example: { words: [], stdin: null },
    },
    responses: [],
    codeSamples: [],
    body: { required, mediaTypes },
  };
}

const FIELDS = [
  field("name", "string", { required: true }),
  field("count", "integer"),
  field("kind", "string", { enum: ["a", "b"] }),
  field("owner", "object"),
  field("owner.id", "string", { required: true }),
  field("meta", "object"),
  field("flags", "array of string"),
  field("password", "string", { secret: true }),
  field("items", "array of Item"),
  field("items[].type", "string", { enum: ["x", "y"] }),
];
const JSON_OP = operation(["application/json", "application/x-www-form-urlencoded"], FIELDS);
const SCHEMAS: RequestSchemas = {
  components: {
    schemas: {
      Item: {
        oneOf: [{ $ref: "#/components/schemas/X" }, { $ref: "#/components/schemas/Y" }],
        discriminator: { propertyName: "type" },
      },
      X: { type: "object", required: ["type"], properties: { type: { const: "x" } } },
      Y: {
        type: "object",
        required: ["type", "size"],
        properties: { type: { const: "y" }, size: { type: "integer" } },
      },
    },
  },
  requests: {
    createThing: Object.fromEntries(
      ["application/json", "application/x-www-form-urlencoded"].map((mediaType) => [
        mediaType,
        {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: {
            name: { type: "string", minLength: 2 },
            count: { type: "integer", minimum: 0 },
            kind: { enum: ["a", "b"] },
            owner: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
            meta: { type: "object" },
            flags: { type: "array", items: { type: "string" } },
            password: { type: "string", minLength: 12 },
            items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
          },
        },
      ]),
    ),
  },
};

describe("body words", () => {
  it("==, := and dotted names make one JSON object", () => {
    const plan = planRequest(JSON_OP, [
      "name==lucky",
      "count:=3",
      'flags:=["a","b"]',
      "owner.id==abc",
      "meta.deep.er:=null",
      "kind==a",
    ]);
    expect(plan.body?.mediaType).toBe("application/json");
    expect(bodyText(plan.body?.value, "application/json")).toBe(
      '{"name":"lucky","count":3,"flags":["a","b"],"owner":{"id":"abc"},"meta":{"deep":{"er":null}},"kind":"a"}',
    );
  });

  it("a key like __proto__ is a field, not the object's prototype", () => {
    const plan = planRequest(JSON_OP, ["name==x", 'meta.__proto__:={"polluted":true}']);
    const value = plan.body?.value as { meta: object };
    expect(Object.hasOwn(value.meta, "__proto__")).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(bodyText(value, "application/json")).toBe(
      '{"name":"x","meta":{"__proto__":{"polluted":true}}}',
    );
  });

  it("the whole body from standard input, JSON or a form", () => {
    const stdin = new TextEncoder().encode('{"name": "from stdin", "count": 1}');
    expect(planRequest(JSON_OP, ["-"], { stdin }).body?.value).toEqual({
      name: "from stdin",
      count: 1,
    });
    const form = new TextEncoder().encode("name=a+b&flags=x&flags=y\n");
    const plan = planRequest(JSON_OP, ["-"], { stdin: form, contentType: "form" });
    expect(plan.body?.mediaType).toBe("application/x-www-form-urlencoded");
    expect({ ...(plan.body?.value as object) }).toEqual({ name: "a b", flags: ["x", "y"] });
  });

  it("bytes from standard input for a media type that is neither JSON nor a form", () => {
    const op = operation(["application/octet-stream"], []);
    const stdin = Uint8Array.from([0, 1, 255]);
    expect(planRequest(op, ["-"], { stdin }).body).toEqual({
      mediaType: "application/octet-stream",
      value: undefined,
      files: [],
      raw: stdin,
    });
  });

  it("a file part of a multipart body, with a media type from the spec or the command line", () => {
    const file = path.join(scratch, "avatar.png");
    writeFileSync(file, "png");
    const op = operation(
      ["application/json", "multipart/form-data"],
      [field("file", "string", { file: true, mediaType: "image/png" }), field("caption", "string")],
    );
    const plan = planRequest(op, [`file@${file}`, "caption==hi"]);
    expect(plan.body?.mediaType).toBe("multipart/form-data");
    expect(plan.body?.files).toEqual([{ name: "file", path: file, type: "image/png" }]);
    const typed = planRequest(op, [`file@${file};type=image/webp`]);
    expect(typed.body?.files[0]?.type).toBe("image/webp");
  });

  it("an optional body may be left out", () => {
    expect(planRequest(operation(["application/json"], FIELDS, false), []).body).toBeUndefined();
  });

  const refusals: [
    string,
    { words: string[]; op?: CliCommand; contentType?: string; want: string },
  ][] = [
    [
      "a field given twice",
      {
        words: ["name==a", "name==b"],
        want: "The body field name is given twice (argument 2 after createThing); give it once.",
      },
    ],
    [
      "a value and a field of it",
      {
        words: ["owner==x", "owner.id==y"],
        want: "The body field owner is given a value and owner.id (argument 2 after createThing) too; give one of them.",
      },
    ],
    [
      "an empty part of a dotted name",
      {
        words: ["owner..id==y"],
        want: 'The body field name "owner..id" (argument 1 after createThing) has an empty part.',
      },
    ],
    [
      "an unknown field, with the nearest",
      {
        words: ["nmae==x"],
        want: 'Unknown body field "nmae" (argument 1 after createThing); did you mean name? createThing\'s body has name, count, kind, owner, owner.id, meta, flags, password, items.',
      },
    ],
    [
      "a field of an object whose fields are listed, that is not one of them",
      {
        words: ["owner.name==x"],
        want: 'Unknown body field "owner.name" (argument 1 after createThing); createThing\'s body has name, count, kind, owner, owner.id, meta, flags, password, items.',
      },
    ],
    [
      "a file part for a JSON body",
      {
        words: ["name@/etc/hostname"],
        want: "name@… (argument 1 after createThing) is a file part, which only a multipart body has, and createThing's is application/json.",
      },
    ],
    [
      "standard input and fields together",
      {
        words: ["-", "name==x"],
        want: "Give createThing's body either with - (standard input) or as fields (argument 2 after createThing), not both.",
      },
    ],
    [
      "a media type the operation does not take",
      {
        words: ["name==x"],
        contentType: "xml",
        want: "createThing takes its body as application/json or application/x-www-form-urlencoded, not application/xml; --force sends it anyway.",
      },
    ],
    [
      "a multipart body on standard input",
      {
        words: ["-"],
        op: operation(["multipart/form-data"], []),
        want: "A multipart body cannot come from standard input; give its parts as name==text and name@path.",
      },
    ],
    [
      "a body for an operation without one",
      {
        words: ["name==x"],
        op: { ...JSON_OP, requestBody: null, body: undefined },
        want: "createThing takes no request body; see onezone-rest-cli createThing --help.",
      },
    ],
  ];
  for (const [name, { words, op, contentType, want }] of refusals) {
    it(`refuses ${name}`, () => {
      expect(() =>
        planRequest(op ?? JSON_OP, words, { contentType, stdin: new Uint8Array() }),
      ).toThrowError(new OnezoneUsageError(want));
    });
  }

  it("--force takes an unknown field and a media type the operation does not take", () => {
    const plan = planRequest(JSON_OP, ["nmae==x"], { contentType: "text/csv", force: true });
    expect(plan.body?.mediaType).toBe("text/csv");
  });

  it("short media type names", () => {
    expect(["json", "xml", "text", "form", "multipart", "image/png"].map(fullMediaType)).toEqual([
      "application/json",
      "application/xml",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "image/png",
    ]);
  });
});

describe("bodyProblems", () => {
  const problems = async (words: string[], contentType?: string) => {
    // --force: the names are not checked here, so that the schema's own checks show.
    const plan = planRequest(JSON_OP, words, { contentType, force: true });
    if (!plan.body) throw new Error("no body");
    return bodyProblems(JSON_OP, plan.body, SCHEMAS);
  };
  const SECRET = "hunter2-x";

  const cases: [string, { words: string[]; contentType?: string; want: string[] }][] = [
    ["a body that matches", { words: ["name==ok", "count:=1"], want: [] }],
    [
      "a string where a number goes, with the := hint",
      {
        words: ["name==ok", "count==3"],
        want: ['/count must be integer (given "3"; count:=VALUE gives a JSON value)'],
      },
    ],
    [
      "a form's text read as the schema's types",
      { words: ["name==ok", "count==3"], contentType: "form", want: [] },
    ],
    [
      "a value outside its enum",
      { words: ["name==ok", "kind==c"], want: ['/kind must be one of "a", "b" (given "c")'] },
    ],
    [
      "a missing required field, nested too",
      {
        words: ["owner.other:=1"],
        want: ["/name is required but missing", "/owner/id is required but missing"],
      },
    ],
    [
      "a field the spec does not allow",
      {
        words: ["name==ok", "meta:={}", "zz:=1"],
        want: ["/zz is not a field the spec allows here"],
      },
    ],
    [
      "an item of the wrong variant, by its discriminator",
      {
        words: ["name==ok", 'items:=[{"type":"y"},{"type":"z"}]'],
        want: [
          "/items/0/size is required but missing",
          '/items/1/type must be one of "x", "y" (given "z")',
        ],
      },
    ],
    [
      "a secret that does not match: described by its type, never shown",
      {
        words: ["name==ok", `password==${SECRET}`],
        want: ["/password must NOT have fewer than 12 characters (given a string)"],
      },
    ],
    [
      "a secret of the wrong type",
      {
        words: ["name==ok", `password:={"value":"${SECRET}"}`],
        want: ["/password must be string (given an object)"],
      },
    ],
    [
      "a number below its minimum",
      { words: ["name==ok", "count:=-1"], want: ["/count must be >= 0 (given -1)"] },
    ],
  ];
  for (const [name, { words, contentType, want }] of cases) {
    it(name, async () => {
      const got = await problems(words, contentType);
      expect(got).toEqual(want);
      expect(got.join(" ")).not.toContain(SECRET);
    });
  }
});

describe("masking and the curl words of a body", () => {
  it("masks every secret field, in nested objects and arrays too", () => {
    const fields = [
      field("password", "string", { secret: true }),
      field("users[].token", "string", { secret: true }),
    ];
    const body = {
      password: "p",
      users: [{ token: "t", name: "n" }],
      other: { password: "kept: not listed" },
    };
    expect(maskSecrets(body, fields)).toEqual({
      password: "***",
      users: [{ token: "***", name: "n" }],
      other: { password: "kept: not listed" },
    });
  });

  it("prints -d for text, --data-binary @- for standard input, -F and --form-string for parts", () => {
    const base = {
      method: "POST",
      url: "https://h/api/x",
      headers: [["content-type", "application/json"]] as [string, string][],
    };
    expect(
      curlCommand({ ...base, body: { kind: "text", text: '{"a":"b"}', shown: '{"a":"***"}' } }),
    ).toBe(`curl -X POST https://h/api/x -H 'Content-Type: application/json' -d '{"a":"***"}'`);
    expect(curlCommand({ ...base, body: { kind: "stdin" } })).toBe(
      "curl -X POST https://h/api/x -H 'Content-Type: application/json' --data-binary @-",
    );
    const parts = [
      { name: "caption", value: "@not a file; type=x" },
      { name: "file", file: "./my;file.png", type: "image/png" },
    ];
    expect(curlCommand({ ...base, headers: [], body: { kind: "parts", parts } })).toBe(
      `curl -X POST https://h/api/x --form-string 'caption=@not a file; type=x' -F 'file=@"./my;file.png";type=image/png'`,
    );
  });
});
