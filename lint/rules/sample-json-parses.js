// onezone-docs/sample-json-parses: the JSON an operation's samples show parses: the output shown
// after a command (a block starting with `{` or `[`), a curl command's JSON request body, and a
// ```json block of its description. The seed page's `{"tokens: [ ...` fails.
import { describeOperation, operationVisitor } from "../lib/operations.js";
import { operationSamples, placeOf } from "../lib/samples.js";
import { commandName, parseCurl, readSample } from "../lib/shell.js";

/** An object, or an array of values (not a log line such as `[INFO] ...`). */
const LOOKS_LIKE_JSON = /^\s*(\{|\[\s*($|[[{"\d\]-]|true|false|null))/;

export default function SampleJsonParses() {
  return operationVisitor((operation, ctx, where) => {
    const name = describeOperation(operation, where);
    for (const sample of operationSamples(operation, ctx)) {
      for (const json of jsonOf(sample)) {
        const reason = parseError(json.text);
        if (reason === undefined) continue;
        ctx.report({
          message: `${name}: ${json.what}, ${placeOf(sample, json.line + reason.line)}, is not valid JSON (${reason.message}): ${json.fix}.`,
          location: sample.location,
        });
      }
    }
  });
}

/** The JSON texts a sample shows: `{ text, line, what, fix }`, `line` 0-based in the sample. */
function jsonOf(sample) {
  if (sample.kind === "json") {
    return sample.source.trim() === ""
      ? []
      : [{ text: sample.source, line: 0, what: "the JSON", fix: "fix it" }];
  }
  const { commands, outputs } = readSample(sample.source);
  const texts = [];
  for (const output of outputs) {
    if (!LOOKS_LIKE_JSON.test(output.text)) continue;
    texts.push({
      text: output.text,
      line: output.line,
      what: "the output shown after a command",
      fix: "fix it to the JSON the command prints (the response example shows it)",
    });
  }
  for (const command of commands) {
    const { name, args } = commandName(command.words);
    if (name?.split("/").at(-1) !== "curl") continue;
    for (const body of parseCurl(args).bodies) {
      // A placeholder in the body ("$NAME") makes it a template, not JSON.
      if (!LOOKS_LIKE_JSON.test(body.value) || /\$\{?[A-Za-z_]/.test(body.value)) continue;
      texts.push({
        text: body.value,
        line: command.line,
        what: `the request body (\`${body.option}\`) of a curl command`,
        fix: "fix it to the JSON the operation takes",
      });
    }
  }
  return texts;
}

/** Why `text` is not JSON, with the 0-based line of the text where it fails; undefined if it is. */
function parseError(text) {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const line = Number.isNaN(position) ? 0 : text.slice(0, position).split("\n").length - 1;
    return { message: message.replace(/ \(line \d+ column \d+\)$/, ""), line };
  }
}
