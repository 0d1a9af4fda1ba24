// The text of --help: the operations by tag, and one operation's description, parameters, body
// and uses.
import type { CliOperation, CliRequestBody } from "../../generated/cli-table.gen.ts";
import { sortBy } from "../sort.ts";
import { shellQuote } from "./curl.ts";
import { EXIT_CODE_HELP } from "./exit-codes.ts";
import { type CliGenerated, GENERATED } from "./generated.ts";
import { SHORT_MEDIA_TYPES } from "./media-types.ts";
import type { CliCommand } from "./operations.ts";

export const USAGE =
  "Usage: onezone-rest-cli [options] <operationId> [key=value ...] [Header:value ...] [name==text ...] [name:=JSON ...] [-]";

/** How body words are written, as --help and each operation's help say it. */
const BODY_SYNTAX = `Body fields are name==text (a JSON string) and name:=JSON (any JSON value: count:=3,
flags:='["a","b"]'); a dotted name sets a field of a nested object (owner.id==abc). In a
multipart body, name@path sends a file (name@path;type=image/png to give its media type). A lone
- reads the whole body from standard input.`;

export function mainHelp(
  generated: Pick<CliGenerated, "cliOperations" | "cliApi"> = GENERATED,
): string {
  const { cliOperations: operations, cliApi } = generated;
  const width = Math.max(...operations.map((op) => op.name.length), 10) + 2;
  const groups = new Map<string, CliOperation[]>();
  for (const op of operations) {
    for (const tag of op.tags.length > 0 ? op.tags : ["Other"]) {
      groups.set(tag, [...(groups.get(tag) ?? []), op]);
    }
  }
  const listing = sortBy([...groups], ([tag]) => tag).map(([tag, ops]) => {
    const lines = sortBy(ops, (op) => op.name).map(
      (op) => `    ${op.name.padEnd(width)}${op.summary}${op.deprecated ? " (deprecated)" : ""}`,
    );
    return [`  ${tag}`, ...lines].join("\n");
  });
  return `onezone-rest-cli: the ${cliApi.title} (${cliApi.version}) from the command line.

${USAGE}
       onezone-rest-cli <operationId> --help
       onezone-rest-cli completion bash|zsh

Operations:
${listing.join("\n\n")}

Options:
  --host <host|url>       Onezone host name (calls go to https://<host>/api/v3/onezone), or
                          the full base URL with its scheme; env ONEZONE_HOST
  -u, --user <user:pass>  basic authentication; env ONEZONE_BASIC_AUTH
  -ct, --content-type <t> the request body's media type, one the operation takes (short names:
                          ${Object.keys(SHORT_MEDIA_TYPES).join(", ")})
  -ac, --accept <t>       the Accept header (the same short names)
  --allow-insecure-http   let credentials go over plain http to a host other than this machine
  --dry-run               print the equivalent curl command, credentials and secret body fields
                          masked; send nothing
  --force                 send even when the body does not match the spec, a required parameter
                          or body is missing, or the media type is not one the operation takes
  --compact               print JSON on one line (the default when stdout is not a terminal)
  -v, --verbose           print the request, the response status and headers on stderr,
                          credentials masked
  -h, --help              show this help, or an operation's help after its id
  --about                 show the API's title, version and description
  -V, --version           print the API's version

Parameters are key=VALUE (path, query and cookie parameters) and Header:VALUE (headers).
${BODY_SYNTAX}
Answers: JSON is printed (indented on a terminal), text as it is; any other media type is written
to stdout only when stdout is not a terminal (> file).

Environment:
  ONEZONE_HOST        the host or base URL, when --host is not given
  ONEZONE_BASIC_AUTH  user:password for basic authentication, when -u is not given
  ONEZONE_API_KEY     a token, sent as X-Auth-Token
  One credential is sent, the first of: an X-Auth-Token: or Authorization: header on the command
  line, -u, ONEZONE_API_KEY, ONEZONE_BASIC_AUTH. Command-line options beat the environment.

${EXIT_CODE_HELP}
`;
}

/** One operation's help; `render` turns its Markdown description into terminal text. */
export function operationHelp(op: CliCommand, render: (markdown: string) => string): string {
  const sections = [
    `onezone-rest-cli ${op.name}: ${op.summary}`,
    ...(op.deprecated
      ? ["DEPRECATED: this operation may be removed from Onezone; avoid new uses."]
      : []),
    `${op.method.toUpperCase()} ${op.path}`,
    ...(op.description.trim() === "" ? [] : [render(op.description)]),
    section("Parameters", parameterLines(op)),
    ...(op.requestBody ? [bodySection(op, op.requestBody)] : []),
    section(
      "Responses",
      op.responses.map((r) => {
        // What a success answers with (errors are all Onedata's JSON), and its headers.
        const facts = [
          ...(r.status.startsWith("2") ? r.contentTypes : []),
          ...r.headers.map((name) => `${name} header`),
        ];
        return `  ${r.status}  ${r.description}${facts.length > 0 ? ` (${facts.join("; ")})` : ""}`;
      }),
    ),
    section(
      "Examples",
      op.codeSamples.flatMap((s) => [
        `  ${s.label}:`,
        ...s.source.split("\n").map((l) => `    ${l}`),
      ]),
    ),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

function parameterLines(op: CliOperation): string[] {
  return op.parameters.flatMap((p) => [
    `  ${p.name} (${p.in}${p.required ? ", required" : ""})${p.description ? `  ${p.description}` : ""}`,
    `    Specify as: ${p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`}`,
  ]);
}

/** The body: media types, each field (type, required, enum, secret), how to give it, an example. */
function bodySection(op: CliCommand, body: CliRequestBody): string {
  const required = body.required ? "required" : "optional";
  const fields = body.fields.map((f) => {
    const facts = [
      f.file ? `file${f.mediaType ? ` (${f.mediaType})` : ""}` : f.type,
      ...(f.required
        ? [f.when ? `required when ${f.when}` : "required"]
        : f.when
          ? [`when ${f.when}`]
          : []),
      ...(f.enum.length > 0
        ? [
            `one of ${f.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`,
          ]
        : []),
      ...(f.secret ? ["secret: never shown"] : []),
    ];
    return `  ${f.name} (${facts.join("; ")})${f.description ? `  ${f.description}` : ""}`;
  });
  const parameters = op.parameters
    .filter((p) => p.required)
    .map((p) => (p.in === "header" ? `${p.name}:VALUE` : `${p.name}=VALUE`));
  const command = ["onezone-rest-cli", op.name, ...parameters, ...body.example.words]
    .map(shellQuote)
    .join(" ");
  const example =
    body.example.stdin === null ? command : `echo ${shellQuote(body.example.stdin)} | ${command}`;
  return [
    `Request body (${required}; ${body.contentTypes.join(" or ")}):`,
    ...(body.description ? [`  ${body.description}`] : []),
    ...fields,
    ...BODY_SYNTAX.split("\n").map((line) => `  ${line}`),
    "  Example:",
    `    ${example}`,
  ].join("\n");
}

function section(title: string, lines: string[]): string {
  return lines.length === 0 ? "" : [`${title}:`, ...lines].join("\n");
}
