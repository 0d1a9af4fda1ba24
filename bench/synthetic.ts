// What the synthetic specs share: N operations as resources of five (list, create, get, update,
// delete; the last resource may have fewer), and the command line that writes one to a file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Node = Record<string, unknown>;

/** An operation of a resource: its method, whether it is on the item (`…/{id}`), the operation. */
export type ResourceOperation = [method: string, onItem: boolean, operation: Node];

const OPERATIONS_PER_RESOURCE = 5;

/**
 * The paths of `operations` operations; `resource(r)` names resource r's collection path and
 * gives its five operations (and may record r's schema).
 */
export function resourcePaths(
  operations: number,
  resource: (r: number) => { collection: string; operations: ResourceOperation[] },
): Record<string, Node> {
  if (!Number.isInteger(operations) || operations < 1) {
    throw new RangeError(`operations must be a positive integer, not ${operations}.`);
  }
  const paths: Record<string, Node> = {};
  const resources = Math.ceil(operations / OPERATIONS_PER_RESOURCE);
  for (let r = 0; r < resources; r++) {
    const { collection, operations: all } = resource(r);
    const kinds = Math.min(OPERATIONS_PER_RESOURCE, operations - r * OPERATIONS_PER_RESOURCE);
    for (const [method, onItem, op] of all.slice(0, kinds)) {
      const at = onItem ? `${collection}/{id}` : collection;
      paths[at] = { ...paths[at], [method]: op };
    }
  }
  return paths;
}

/** When `moduleUrl` is the script run: `node <it> <operations> <out.json>` writes `spec(N)`. */
export function writeWhenRun(moduleUrl: string, spec: (operations: number) => Node): void {
  const script = fileURLToPath(moduleUrl);
  if (process.argv[1] !== script) return;
  const [count, out] = process.argv.slice(2);
  if (count === undefined || out === undefined) {
    console.error(`Usage: node bench/${path.basename(script)} <operations> <out.json>`);
    process.exit(2);
  }
  writeFileSync(out, `${JSON.stringify(spec(Number(count)), null, 2)}\n`);
}
