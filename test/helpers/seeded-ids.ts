// Which seeded resource a path parameter can name, so that a call reaches something the default
// seed holds: the caller's own user and named token.
import { defaultSeedValues } from "../../src/fake/index.ts";

const { user } = defaultSeedValues;

/** The caller's own resources in the default seed, by the collection a path names them under. */
const SEEDED_IDS: [collection: RegExp, id: string][] = [
  [/\/users\/$/, user.id],
  [/\/tokens\/named\/$/, user.namedTokenId],
];

/**
 * The seeded id for path parameter `name` of `template` (`/users/{id}/…` → the user's id,
 * `/tokens/named/{id}/…` → the named token's), undefined when no seeded resource fits.
 */
export function seededId(template: string, name: string): string | undefined {
  const at = template.indexOf(`{${name}}`);
  if (at < 0) return undefined;
  const before = template.slice(0, at);
  return SEEDED_IDS.find(([collection]) => collection.test(before))?.[1];
}
