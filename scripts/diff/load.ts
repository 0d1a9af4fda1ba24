// The two versions npm run diff compares, each bundled into one document: a spec file as it is,
// or as it was at a git revision, with the files it `$ref`s read at that revision too.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { asParseError, readSpecText } from "../load.ts";
import { SpecError } from "../spec-error.ts";
import { specSources } from "../spec-sources.ts";

/**
 * Bundles a spec without linting it: a version that breaks today's lint rules is still a version
 * to compare against.
 */
export async function bundleSpec(specPath: string): Promise<Record<string, unknown>> {
  const text = readSpecText(specPath);
  const config = await createConfig({ extends: ["minimal"] });
  const { bundle: bundled } = await bundle({ ref: specPath, config, dereference: false }).catch(
    (error: unknown) => {
      throw asParseError(specPath, text, error);
    },
  );
  return bundled.parsed as Record<string, unknown>;
}

/**
 * Writes `specPath` as it was at `revision`, and every file it refers to there, under `into`
 * with the paths they have in the repository; returns where the spec was written.
 */
export function checkOutSpec(revision: string, specPath: string, into: string): string {
  const top = git(["rev-parse", "--show-toplevel"], path.dirname(path.resolve(specPath)));
  if (top === undefined) {
    throw new SpecError(
      `${revision} is not a file, and ${specPath} is not in a git repository.`,
      [],
    );
  }
  if (git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], top) === undefined) {
    throw new SpecError(
      `${revision} is neither a file nor a commit of the git repository at ${top} (a shallow clone, or one at its first commit, has no earlier commits).`,
      [],
    );
  }
  const texts = new Map<string, string | undefined>();
  const readAtRevision = (file: string) => {
    const inRepo = path.relative(top, file).split(path.sep).join("/");
    if (!texts.has(file)) {
      texts.set(
        file,
        inRepo.startsWith("../") ? undefined : git(["show", `${revision}:${inRepo}`], top),
      );
    }
    return texts.get(file);
  };
  const root = path.resolve(specPath);
  if (readAtRevision(root) === undefined) {
    throw new SpecError(`${path.relative(top, root)} does not exist at ${revision}.`, []);
  }
  // A file missing at the revision is left out; bundling then names the `$ref` that needs it.
  for (const file of specSources(root, readAtRevision)) {
    const text = readAtRevision(file);
    if (text === undefined) continue;
    const target = path.join(into, path.relative(top, file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return path.join(into, path.relative(top, root));
}

/** git's output, or undefined when git fails (no repository, no such revision or file). */
function git(args: string[], cwd: string): string | undefined {
  try {
    const output = execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024,
    });
    return args[0] === "show" ? output : output.trim();
  } catch {
    return undefined;
  }
}
