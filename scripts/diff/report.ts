// npm run diff's output: the changes with the version they call for, as text for a terminal or
// as a Markdown changelog section.
import type { Bump, Change } from "./compare.ts";

export interface DiffReport {
  /** The spec as given with --spec. */
  spec: string;
  /** The base as given: a file or a git revision. */
  base: string;
  changes: Change[];
  bump: Bump | undefined;
  /** The package the spec is generated into. */
  packageName: string;
  version: string;
}

/**
 * The version after `bump`. Below 1.0.0 npm's `^0.y.z` ranges take only patch releases, so there a
 * breaking change bumps the minor number and any other change the patch number.
 */
export function nextVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(/[-+]/)[0]?.split(".").map(Number) ?? [];
  const effective = major === 0 ? (bump === "major" ? "minor" : "patch") : bump;
  if (effective === "major") return `${major + 1}.0.0`;
  if (effective === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export function formatText(report: DiffReport): string {
  const { changes, bump } = report;
  const heading = `${report.spec} against ${report.base}`;
  if (bump === undefined) return `${heading}: no changes.\n`;
  const breaking = changes.filter((change) => change.bump === "major").length;
  const lines = [
    `${heading}: ${changes.length} change(s), ${breaking} breaking.`,
    `Semver: ${bump}. ${versionLine(report, bump)}`,
    "",
    ...sorted(changes).map(
      (change) =>
        `  ${change.bump === "major" ? "BREAKING" : change.bump.padEnd(8)}  ${describe(change)}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** A changelog section, headed by the version the changes call for. */
export function formatMarkdown(report: DiffReport): string {
  const { changes, bump } = report;
  if (bump === undefined) {
    return `No changes to \`${report.spec}\` since \`${report.base}\`.\n`;
  }
  const sections: [string, (change: Change) => boolean][] = [
    ["Breaking changes", (change) => change.bump === "major"],
    ["Deprecations", (change) => change.bump !== "major" && change.kind.endsWith("-deprecated")],
    [
      "Added and changed",
      (change) => change.bump === "minor" && !change.kind.endsWith("-deprecated"),
    ],
    ["Other changes", (change) => change.bump === "patch"],
  ];
  const out = [
    `## ${report.packageName} ${nextVersion(report.version, bump)}`,
    "",
    `Changes to \`${report.spec}\` since \`${report.base}\`: a ${bump} change. ${versionLine(report, bump)}`,
  ];
  for (const [title, belongs] of sections) {
    const members = sorted(changes.filter(belongs));
    if (members.length === 0) continue;
    out.push(
      "",
      `### ${title}`,
      "",
      ...members.map((change) => `- ${escapeMarkdown(describe(change))}`),
    );
  }
  return `${out.join("\n")}\n`;
}

function versionLine(report: DiffReport, bump: Bump): string {
  const next = nextVersion(report.version, bump);
  const zero = report.version.startsWith("0.")
    ? ` (below 1.0.0 a breaking change bumps the minor number, any other the patch number)`
    : "";
  return `${report.packageName} ${report.version} → ${next}${zero}.`;
}

function describe(change: Change): string {
  return change.operations.length === 0
    ? change.text
    : `${change.text} (${change.operations.join(", ")})`;
}

/** Breaking first, then the rest by bump; within a bump, in the order they were found. */
function sorted(changes: Change[]): Change[] {
  const rank: Record<Bump, number> = { major: 0, minor: 1, patch: 2 };
  return [...changes].sort((a, b) => rank[a.bump] - rank[b.bump]);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&");
}
