// The text of --help: the operations by tag, and one operation's description, parameters and uses.
import { type CliOperation, cliApi, cliOperations } from "../../generated/cli-table.gen.ts";
import { sortBy } from "../sort.ts";
import { EXIT_CODE_HELP } from "./exit-codes.ts";
import type { CliCommand } from "./operations.ts";

export const USAGE =
  "Usage: onezone-rest-cli [options] <operationId> [key=value ...] [Header:value ...]";

export function mainHelp(operations: readonly CliOperation[] = cliOperations): string {
  const width = Math.max(...operations.map((op) => op.id.length), 10) + 2;
  const groups = new Map<string, CliOperation[]>();
  for (const op of operations) {
    for (const tag of op.tags.length > 0 ? op.tags : ["Other"]) {
      groups.set(tag, [...(groups.get(tag) ?? []), op]);
    }
  }
  const listing = sortBy([...groups], ([tag]) => tag).map(([tag, ops]) => {
    const lines = sortBy(ops, (op) => op.id).map(
      (op) => `    ${op.id.padEnd(width)}${op.summary}${op.deprecated ? " (deprecated)" : ""}`,
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
  --allow-insecure-http   let credentials go over plain http to a host other than this machine
  --dry-run               print the equivalent curl command, credentials masked; send nothing
  --compact               print JSON on one line (the default when stdout is not a terminal)
  -v, --verbose           print the request and the response status on stderr, credentials masked
  -h, --help              show this help, or an operation's help after its id

Parameters are key=VALUE (path and query parameters) and Header:VALUE (headers).

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
    `onezone-rest-cli ${op.id}: ${op.summary}`,
    ...(op.deprecated
      ? ["DEPRECATED: this operation may be removed from Onezone; avoid new uses."]
      : []),
    `${op.method.toUpperCase()} ${op.path}`,
    ...(op.description.trim() === "" ? [] : [render(op.description)]),
    section("Parameters", parameterLines(op)),
    section(
      "Responses",
      op.responses.map((r) => `  ${r.status}  ${r.description}`),
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

function section(title: string, lines: string[]): string {
  return lines.length === 0 ? "" : [`${title}:`, ...lines].join("\n");
}
