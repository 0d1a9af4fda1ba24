// marked-terminal ships no types; this declares the one export the CLI uses.
declare module "marked-terminal" {
  import type { MarkedExtension } from "marked";

  export function markedTerminal(
    options?: { width?: number; reflowText?: boolean; tab?: number },
    highlightOptions?: Record<string, unknown>,
  ): MarkedExtension;
}
