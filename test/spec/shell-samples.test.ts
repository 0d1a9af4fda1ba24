// How the docs lint rules read a shell sample (lint/lib/shell.js): which lines are commands, each
// command's words as the shell would pass them (shell-quote reads them), the line each command
// starts on, and the output shown after a command (`readSample`); and what an onezone-rest-cli
// command passes (`parseRestCli`): parameters, headers, and the words of its request body.
import { describe, expect, it } from "vitest";

interface Sample {
  commands: { words: string[]; line: number }[];
  outputs: { text: string; line: number }[];
}

interface RestCli {
  operation: string | undefined;
  parameters: { name: string; value: string }[];
  headers: { name: string; value: string }[];
  body: { key: string; field: string; operator: string; value: string }[];
  stdin: boolean;
}

const { readSample, parseRestCli } = (await import(
  new URL("../../lint/lib/shell.js", import.meta.url).href
)) as {
  readSample: (text: string) => Sample;
  parseRestCli: (args: string[]) => RestCli;
};

const cases: [string, string, Sample][] = [
  [
    "a curl command over lines joined by `\\`",
    "curl -u user:pass -X POST \\\n  -H 'Content-Type: application/json' \\\n  https://$HOST/api/v3/onezone/user",
    {
      commands: [
        {
          words: [
            "curl",
            "-u",
            "user:pass",
            "-X",
            "POST",
            "-H",
            "Content-Type: application/json",
            "https://$HOST/api/v3/onezone/user",
          ],
          line: 0,
        },
      ],
      outputs: [],
    },
  ],
  [
    "a pipeline and a list: one command each, on the line they share",
    "echo start\ncurl -s https://h/api | jq .tokens && echo done; ls",
    {
      commands: [
        { words: ["echo", "start"], line: 0 },
        { words: ["curl", "-s", "https://h/api"], line: 1 },
        { words: ["jq", ".tokens"], line: 1 },
        { words: ["echo", "done"], line: 1 },
        { words: ["ls"], line: 1 },
      ],
      outputs: [],
    },
  ],
  [
    "a quoted JSON body",
    `curl -d '{"a": 1}' https://h/api`,
    { commands: [{ words: ["curl", "-d", '{"a": 1}', "https://h/api"], line: 0 }], outputs: [] },
  ],
  [
    "a quoted JSON body over several lines: one command",
    `curl -d '{\n  "name": "x"\n}' https://h/api\ncurl https://h/other`,
    {
      commands: [
        { words: ["curl", "-d", '{\n  "name": "x"\n}', "https://h/api"], line: 0 },
        { words: ["curl", "https://h/other"], line: 3 },
      ],
      outputs: [],
    },
  ],
  [
    "placeholders kept as written, in double quotes or not",
    `curl -H "X-Auth-Token: $TOKEN" "https://\${HOST}/users/$USER_ID" -d "{\\"id\\": \\"$ID\\"}"`,
    {
      commands: [
        {
          words: [
            "curl",
            "-H",
            "X-Auth-Token: $TOKEN",
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell placeholder, kept as written
            "https://${HOST}/users/$USER_ID",
            "-d",
            '{"id": "$ID"}',
          ],
          line: 0,
        },
      ],
      outputs: [],
    },
  ],
  [
    "a command followed by its JSON output",
    'curl https://h/api/v3/onezone/user\n{\n  "userId": "abc"\n}\n',
    {
      commands: [{ words: ["curl", "https://h/api/v3/onezone/user"], line: 0 }],
      outputs: [{ text: '{\n  "userId": "abc"\n}', line: 1 }],
    },
  ],
  [
    "prompts, comments and redirections: none of them words",
    "# List the tokens (it's quick)\n$ curl https://h/a 2>/dev/null > out.json # the user's\n$ curl https://h/b#top",
    {
      commands: [
        { words: ["curl", "https://h/a"], line: 1 },
        { words: ["curl", "https://h/b#top"], line: 2 },
      ],
      outputs: [{ text: "# List the tokens (it's quick)", line: 0 }],
    },
  ],
];

describe("readSample", () => {
  it.each(cases)("%s", (_name, text, expected) => {
    expect(readSample(text)).toEqual(expected);
  });
});

const cliCases: [string, string[], RestCli][] = [
  [
    "options, a parameter and a header",
    ["--host", "h", "-ct", "json", "getX", "id=a@b", "X-Request-Id:7f"],
    {
      operation: "getX",
      parameters: [{ name: "id", value: "a@b" }],
      headers: [{ name: "X-Request-Id", value: "7f" }],
      body: [],
      stdin: false,
    },
  ],
  [
    "body words: a string, JSON, a dotted key and a file part",
    ["createX", "name==a=b", 'caveats:=[{"a":1}]', "owner.id==c26b", "file@./photo.png"],
    {
      operation: "createX",
      parameters: [],
      headers: [],
      body: [
        { key: "name", field: "name", operator: "==", value: "a=b" },
        { key: "caveats", field: "caveats", operator: ":=", value: '[{"a":1}]' },
        { key: "owner.id", field: "owner", operator: "==", value: "c26b" },
        { key: "file", field: "file", operator: "@", value: "./photo.png" },
      ],
      stdin: false,
    },
  ],
  [
    "the body from standard input",
    ["createX", "-"],
    { operation: "createX", parameters: [], headers: [], body: [], stdin: true },
  ],
];

describe("parseRestCli", () => {
  it.each(cliCases)("%s", (_name, args, expected) => {
    expect(parseRestCli(args)).toEqual(expected);
  });
});
