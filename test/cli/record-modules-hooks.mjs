// Module hooks for record-modules.mjs: runs off the main thread and records each loaded URL.
import { appendFileSync } from "node:fs";

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `load ${url}\n`);
  return nextLoad(url, context);
}
