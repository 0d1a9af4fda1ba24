// Table-driven cases for the CLI's small pure parts: suggestions, quoting, masking, exit codes,
// options, and every kind of parameter (path, query, cookie, header). Bodies: body.test.ts.
import { describe, expect, it } from "vitest";
import { type CliOperation, cliOperations } from "../../generated/cli-table.gen.ts";
import { operationIndex } from "../../generated/operation-index.gen.js";
import { parseInvocation } from "../../src/cli/args.ts";
import { curlCommand, maskedHeaders, shellQuote } from "../../src/cli/curl.ts";
import { exitCodeForStatus } from "../../src/cli/exit-codes.ts";
import { type CliCommand, editDistance, findOperation, nearest } from "../../src/cli/operations.ts";
import { formatBody } from "../../src/cli/output.ts";
import { planRequest } from "../../src/cli/request.ts";
import { OnezoneUsageError } from "../../src/errors.ts";

describe("editDistance and nearest", () => {
  const distances: [string, { a: string; b: string; want: number }][] = [
    ["equal", { a: "abc", b: "abc", want: 0 }],
    ["one deletion", { a: "getNamedTokenStats", b: "getNamedTokenStatus", want: 1 }],
    ["one substitution", { a: "kitten", b: "sitten", want: 1 }],
    ["classic", { a: "kitten", b: "sitting", want: 3 }],
    ["from empty", { a: "", b: "abc", want: 3 }],
  ];
  for (const [name, { a, b, want }] of distances) {
    it(name, () => expect(editDistance(a, b)).toBe(want));
  }
  it("suggests the closest candidate, case-insensitively", () => {
    expect(nearest("listclienttokens", ["getNamedTokenStatus", "listClientTokens"])).toBe(
      "listClientTokens",
    );
  });
  it("suggests nothing when every candidate is far", () => {
    expect(nearest("frobnicate", ["getNamedTokenStatus", "listClientTokens"])).toBeUndefined();
  });
});

describe("findOperation", () => {
  it("gives each command its table entry and the client's index entry (method, path, ...)", () => {
    expect(cliOperations.map((op) => op.name)).toEqual(Object.keys(operationIndex));
    for (const [name, indexed] of Object.entries(operationIndex)) {
      const op = cliOperations.find((candidate) => candidate.name === name) as CliOperation;
      expect(findOperation(op.id)).toEqual({ ...op, ...indexed });
    }
  });
});

describe("shellQuote", () => {
  const cases: [string, { word: string; want: string }][] = [
    ["plain URL", { word: "https://h/a/b%20c", want: "https://h/a/b%20c" }],
    ["spaces", { word: "a b", want: "'a b'" }],
    ["glob characters", { word: "user:***", want: "'user:***'" }],
    ["single quote", { word: "it's", want: "'it'\\''s'" }],
    ["dollar", { word: "$HOME", want: "'$HOME'" }],
  ];
  for (const [name, { word, want }] of cases) {
    it(name, () => expect(shellQuote(word)).toBe(want));
  }
});

describe("masking", () => {
  it("hides every credential header but keeps the scheme word", () => {
    const headers = new Headers({
      "x-auth-token": "MDAxsecret",
      authorization: "Token MDAxsecret",
      "x-trace": "visible",
    });
    expect(maskedHeaders(headers)).toEqual([
      ["Authorization", "***"],
      ["X-Auth-Token", "***"],
      ["X-Trace", "visible"],
    ]);
  });

  it("turns basic auth into -u user:*** and keeps a UTF-8 user name", () => {
    const pair = new TextEncoder().encode("zoë:pa ss");
    const encoded = btoa(String.fromCharCode(...pair));
    const request = new Request("https://h/api", {
      headers: { authorization: `Basic ${encoded}` },
    });
    expect(curlCommand(shown(request))).toBe("curl -u 'zoë:***' -X GET https://h/api");
  });

  it("masks a basic header that does not decode as Basic ***", () => {
    const request = new Request("https://h/api", { headers: { authorization: "Basic %%%" } });
    expect(curlCommand(shown(request))).toBe(
      "curl -X GET https://h/api -H 'Authorization: Basic ***'",
    );
  });

  it("keeps cookie names and masks their values (a session is a credential)", () => {
    const headers = new Headers({ cookie: "SID=abc; theme=dark", "set-cookie": "SID=abc; Path=/" });
    expect(maskedHeaders(headers)).toEqual([
      ["Cookie", "SID=***; theme=***"],
      ["Set-Cookie", "SID=***; Path=/"],
    ]);
  });
});

describe("exitCodeForStatus and formatBody", () => {
  const codes: [number | undefined, number][] = [
    [400, 4],
    [404, 4],
    [499, 4],
    [500, 5],
    [503, 5],
    [302, 1],
    [600, 1],
    [undefined, 1],
  ];
  for (const [status, want] of codes) {
    it(`HTTP ${status} exits ${want}`, () => expect(exitCodeForStatus(status)).toBe(want));
  }
  it("indents for a terminal and not for a pipe", () => {
    expect(formatBody({ a: [1] }, true)).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatBody({ a: [1] }, false)).toBe('{"a":[1]}');
  });
});

/** What a dry run shows of a Request. */
function shown(request: Request) {
  return { method: request.method, url: request.url, headers: request.headers };
}

describe("parseInvocation", () => {
  const cases: [string, { argv: string[]; want: Partial<ReturnType<typeof parseInvocation>> }][] = [
    [
      "-ct and -ac, the official two-letter options",
      {
        argv: ["-ct", "json", "op", "-ac", "text", "-"],
        want: { contentType: "json", accept: "text", command: "op", words: ["-"] },
      },
    ],
    [
      "-ct after -- is a word",
      { argv: ["op", "--", "-ct"], want: { command: "op", words: ["-ct"] } },
    ],
    [
      "--force, --about and -V",
      { argv: ["--force", "--about", "-V"], want: { force: true, about: true, version: true } },
    ],
  ];
  for (const [name, { argv, want }] of cases) {
    it(name, () => expect(parseInvocation(argv)).toMatchObject(want));
  }
});

describe("planRequest on an operation with every kind of parameter", () => {
  const op: CliCommand = {
    id: "listThings",
    name: "listThings",
    method: "get",
    path: "/spaces/{spaceId}/things",
    pathParameters: true,
    summary: "",
    description: "",
    tags: [],
    deprecated: false,
    parameters: [
      { name: "spaceId", in: "path", required: true, description: "" },
      { name: "tag", in: "query", required: false, description: "" },
      { name: "limit", in: "query", required: true, description: "" },
      { name: "session", in: "cookie", required: false, description: "" },
      { name: "X-Request-Id", in: "header", required: true, description: "" },
    ],
    requestBody: null,
    responses: [],
    codeSamples: [],
  };

  it("puts path, repeated query, cookie and header words where they belong", () => {
    const plan = planRequest(op, [
      "spaceId=s1",
      "tag=a",
      "limit=10",
      "tag=b",
      "session=c=1",
      "x-request-id: r-1",
      "X-Other:yes:really",
    ]);
    expect({ ...plan.path }).toEqual({ spaceId: "s1" });
    expect({ ...plan.query }).toEqual({ tag: ["a", "b"], limit: "10" });
    expect(plan.headers).toEqual([
      ["x-request-id", "r-1"],
      ["X-Other", "yes:really"],
      ["Cookie", "session=c=1"],
    ]);
  });

  const refusals: [string, { words: string[]; want: string }][] = [
    [
      "missing required query and header",
      {
        words: ["spaceId=s"],
        want: "listThings needs limit=VALUE X-Request-Id:VALUE; see onezone-rest-cli listThings --help.",
      },
    ],
    [
      "a header parameter given as key=VALUE",
      {
        words: ["X-Request-Id=r"],
        want: "X-Request-Id is a header of listThings; give it as X-Request-Id:VALUE.",
      },
    ],
    [
      "a cookie value with a line break",
      {
        words: ["spaceId=s", "limit=1", "X-Request-Id:r", "session=a\nb"],
        want: "Cookie session (argument 4 after listThings) holds a line break, NUL or a character above U+00FF, which no HTTP header can carry.",
      },
    ],
    [
      "a header value with a NUL",
      {
        words: ["spaceId=s", "limit=1", "X-Request-Id:r\u0000s"],
        want: "Header X-Request-Id (argument 3 after listThings) holds a line break, NUL or a character above U+00FF, which no HTTP header can carry.",
      },
    ],
    [
      "a prototype name",
      {
        words: ["__proto__=x"],
        want: 'Unknown parameter "__proto__" (argument 1 after listThings); listThings takes spaceId= tag= limit= session=.',
      },
    ],
  ];
  for (const [name, { words, want }] of refusals) {
    it(`refuses ${name}`, () => {
      expect(() => planRequest(op, words)).toThrowError(new OnezoneUsageError(want));
    });
  }
});
