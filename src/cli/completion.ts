// Shell completion scripts for operation ids, their parameter names and body field names,
// built from the table.
import type { CliOperation } from "../../generated/cli-table.gen.ts";
import { OnezoneUsageError } from "../errors.ts";
import { OPTIONS, TWO_LETTER_OPTIONS } from "./args.ts";
import { GENERATED } from "./generated.ts";

export const SHELLS = ["bash", "zsh"] as const;

/** Words a shell can take verbatim; anything else is left out of completion rather than mangled. */
const PLAIN = /^[A-Za-z0-9_.-]+$/;

const OPTION_WORDS = [
  ...Object.entries(OPTIONS).flatMap(([name, option]) => [
    ...("short" in option ? [`-${option.short}`] : []),
    `--${name}`,
  ]),
  ...Object.keys(TWO_LETTER_OPTIONS),
];

/** The options followed by a value, which the scripts step over: `--host h`, `-ct json`. */
const VALUE_OPTIONS = [
  ...Object.entries(OPTIONS)
    .filter(([, option]) => option.type === "string")
    .flatMap(([name, option]) => [...("short" in option ? [`-${option.short}`] : []), `--${name}`]),
  ...Object.keys(TWO_LETTER_OPTIONS),
].join(" | ");

export function completionScript(
  shell: string | undefined,
  operations = GENERATED.cliOperations,
): string {
  const ops = operations.filter((op) => PLAIN.test(op.name));
  if (shell === "bash") return bashScript(ops);
  if (shell === "zsh") return zshScript(ops);
  throw new OnezoneUsageError(
    `completion needs a shell, ${SHELLS.join(" or ")}: e.g. source <(onezone-rest-cli completion bash).`,
  );
}

/**
 * `id=` for path, query and cookie parameters, `Name:` for headers; for each body field that
 * the command line can set, `name==` and `name:=` (`name@` for a file part).
 */
export function completionWords(op: CliOperation): string[] {
  const parameters = op.parameters
    .filter((p) => PLAIN.test(p.name))
    .map((p) => (p.in === "header" ? `${p.name}:` : `${p.name}=`));
  const fields = (op.requestBody?.fields ?? [])
    .filter((f) => PLAIN.test(f.name))
    .flatMap((f) => (f.file ? [`${f.name}@`] : [`${f.name}==`, `${f.name}:=`]));
  return [...parameters, ...fields];
}

function bashScript(ops: CliOperation[]): string {
  const cases = ops.map((op) => `    ${op.name}) words="${completionWords(op).join(" ")}" ;;`);
  return `# bash completion for onezone-rest-cli; load it with: source <(onezone-rest-cli completion bash)
_onezone_rest_cli() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" command="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${VALUE_OPTIONS}) ((i++)) ;;
      -*) ;;
      *) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
    "") words="completion ${ops.map((op) => op.name).join(" ")}" ;;
    completion) words="${SHELLS.join(" ")}" ;;
${cases.join("\n")}
  esac
  [[ "$cur" == -* ]] && words="${OPTION_WORDS.join(" ")}"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  # After id=, Name:, name==, name:= or name@ the value follows directly, so no space.
  if [[ \${#COMPREPLY[@]} -eq 1 && "\${COMPREPLY[0]}" == *[=:@] ]]; then
    compopt -o nospace 2>/dev/null
  fi
  return 0
}
complete -F _onezone_rest_cli onezone-rest-cli
`;
}

function zshScript(ops: CliOperation[]): string {
  const described = ops.map((op) => zshQuote(`${op.name}:${op.summary.replaceAll(":", "\\:")}`));
  const cases = ops.map((op) => {
    const words = completionWords(op);
    return `    ${op.name}) ${words.length > 0 ? `compadd -S '' -- ${words.join(" ")}` : "return 1"} ;;`;
  });
  return `#compdef onezone-rest-cli
# zsh completion for onezone-rest-cli; load it with: source <(onezone-rest-cli completion zsh)
_onezone_rest_cli() {
  local -a operations
  operations=(
${described.map((d) => `    ${d}`).join("\n")}
  )
  local command="" i
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      ${VALUE_OPTIONS}) ((i++)) ;;
      -*) ;;
      *) command="\${words[i]}"; break ;;
    esac
  done
  if [[ "\${words[CURRENT]}" == -* ]]; then
    compadd -- ${OPTION_WORDS.join(" ")}
    return
  fi
  case "$command" in
    "") _describe operation operations; compadd completion ;;
    completion) compadd ${SHELLS.join(" ")} ;;
${cases.join("\n")}
  esac
}
if (( $+functions[compdef] )); then
  compdef _onezone_rest_cli onezone-rest-cli
fi
`;
}

function zshQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
