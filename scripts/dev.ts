// npm run dev [-- --spec <file>] [--out <dir>] [--port <n>]: the maintainer's loop. Watches the
// spec and every file it `$ref`s; on each save lints it, regenerates the output atomically (as
// npm run generate does, in this one process with its modules loaded), rebuilds the reference
// page and tells the browser to reload it. A save that breaks the spec changes nothing: the last
// good output and page stay, and the terminal and a banner on the page say what is wrong.
import { once } from "node:events";
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type FSWatcher, watch } from "chokidar";
import {
  makePageTemplate,
  type Notice,
  type PageTemplate,
  placeholderPage,
  renderLivePage,
  withBanner,
} from "./dev/page.ts";
import { type PreviewServer, startPreviewServer } from "./dev/server.ts";
import { generate, warningsLine } from "./generate.ts";
import { SpecError } from "./spec-error.ts";
import { specSources } from "./spec-sources.ts";

const USAGE = `Usage: npm run dev -- [--spec <file>] [--out <dir>] [--port <n>]

  --spec <file>  OpenAPI 3.0/3.1 file to watch (default: spec/onezone.yaml)
  --out <dir>    directory to regenerate on each save (default: generated)
  --port <n>     port for the reference page on 127.0.0.1 (default: 8090; 0 picks a free one)
  --help         show this help

Ctrl+C stops it.`;

/** Writes this close together are one save: an editor may write a file in several steps. */
const QUIET_MS = 20;

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    console.error(`dev: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { spec, out, port } = args;
  // Listened for from the start, so that a Ctrl+C while starting up stops it cleanly as well.
  const stopRequested = stopSignal();

  let server: PreviewServer;
  try {
    server = await startPreviewServer(port);
  } catch (error) {
    console.error(`dev: ${(error as Error).message}`);
    return 1;
  }
  server.show(placeholderPage());
  let template: PageTemplate;
  try {
    template = await makePageTemplate();
  } catch (error) {
    console.error(`dev: cannot build the page template: ${(error as Error).message}`);
    await server.close();
    return 1;
  }
  let watched: Watched | undefined;
  let lastGoodPage: string | undefined;

  /** One run: regenerate, rebuild and show the page, then watch what the spec is now made of. */
  async function rebuild(savedAt: number | undefined): Promise<void> {
    const started = savedAt ?? performance.now();
    const took = () =>
      `${Math.round(performance.now() - started)} ms${savedAt === undefined ? "" : " from the save"}`;
    try {
      const { document, lint, files } = await generate(spec, out);
      console.log(`Generated ${files.length} files in ${out} (${took()}).`);
      // Counted in the terminal only, as generate does: a foreign spec's warnings stop nothing.
      const warnings = warningsLine(spec, lint);
      if (warnings !== undefined) console.error(warnings);
      lastGoodPage = renderLivePage(template, document);
      server.show(lastGoodPage);
      console.log(`Page rebuilt (${took()}): ${server.url}`);
    } catch (error) {
      const { what, lines } = describeFailure(error);
      const kept = lastGoodPage
        ? `${out} and the page keep the last good version.`
        : `No good version yet: ${out} is as it was.`;
      console.error([what, ...lines.map((line) => `  ${line}`), kept].join("\n"));
      const notice: Notice = { title: `${what} ${kept}`, lines };
      server.show(withBanner(lastGoodPage ?? placeholderPage(), notice));
    }
    try {
      watched = await watchFiles(watched, specSources(spec), runs.saved);
    } catch (error) {
      console.error(`dev: cannot watch the spec's files: ${(error as Error).message}`);
    }
  }

  const runs = debounced(rebuild, () => watched?.files ?? [spec]);
  await runs.now();
  console.log(`Serving the reference page at ${server.url} (Ctrl+C stops).`);

  const signal = await stopRequested;
  console.log(`${signal}: stopping.`);
  // The run under way finishes first, so no output is left half swapped in.
  await runs.stop();
  await watched?.watcher.close();
  await server.close();
  console.log("Stopped.");
  return 0;
}

/** What the terminal and the banner say when a save does not build. */
function describeFailure(error: unknown): { what: string; lines: string[] } {
  if (error instanceof SpecError) return { what: error.message, lines: error.problems };
  // Not the spec's fault (a full disk, a bug): said in full, and the loop goes on.
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { what: "dev: the run failed.", lines: reason.split("\n") };
}

interface Watched {
  watcher: FSWatcher;
  files: string[];
}

/** Watches exactly `files`, keeping the current watcher when they are the ones it watches. */
async function watchFiles(
  current: Watched | undefined,
  files: string[],
  onChange: () => void,
): Promise<Watched> {
  if (current && current.files.join("\n") === files.join("\n")) return current;
  // A new watcher rather than add(): its "ready" says when the new files are being watched.
  const watcher = watch(files, { ignoreInitial: true })
    .on("all", onChange)
    .on("error", (error) => console.error(`dev: watching the spec's files: ${String(error)}`));
  await once(watcher, "ready");
  await current?.watcher.close();
  console.log(`Watching ${files.map(shortPath).join(", ")}`);
  return { watcher, files };
}

/** The size and modification time of each file, as one string. */
function fingerprint(files: string[]): string {
  return files
    .map((file) => {
      const stats = statSync(file, { throwIfNoEntry: false });
      return `${file} ${stats?.size} ${stats?.mtimeMs}`;
    })
    .join("\n");
}

/** Relative to the working directory when inside it, so that lines stay short. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") ? file : relative;
}

/**
 * Runs `task` once a save is done: QUIET_MS after its last change event, and once the files look
 * the same as QUIET_MS before (a large file takes a while to write, and chokidar throttles a
 * file's events, so its last writes may come with no event of their own). A save during a run
 * makes one more run after it. `task` gets the time of the first save it covers.
 */
function debounced(task: (savedAt: number | undefined) => Promise<void>, files: () => string[]) {
  let timer: NodeJS.Timeout | undefined;
  let firstSave: number | undefined;
  let seen = "";
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  function saved(): void {
    firstSave ??= performance.now();
    seen = fingerprint(files());
    clearTimeout(timer);
    timer = setTimeout(whenQuiet, QUIET_MS);
  }

  function whenQuiet(): void {
    const now = fingerprint(files());
    if (now === seen) {
      start();
    } else {
      seen = now;
      timer = setTimeout(whenQuiet, QUIET_MS);
    }
  }

  function start(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const savedAt = firstSave;
    firstSave = undefined;
    const read = files();
    const readAs = fingerprint(read);
    running = task(savedAt).finally(() => {
      running = undefined;
      // A save during the run, told by its event or only by the files themselves.
      if (again || fingerprint(read) !== readAs) {
        again = false;
        saved();
      }
    });
  }

  return {
    saved,
    /** Runs at once, without a save. */
    async now(): Promise<void> {
      start();
      await running;
    },
    /** Lets the run under way finish, and starts no other. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: "string", default: "spec/onezone.yaml" },
      out: { type: "string", default: "generated" },
      port: { type: "string", default: "8090" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port ${values.port} is not a port number; pass 0 to 65535.`);
  }
  return { ...values, port };
}

process.exitCode = await main(process.argv.slice(2));
