// npm run dev as a maintainer runs it: a real process serving on 127.0.0.1, a spec in a temporary
// directory saved while it runs, and the page open in Debian's chromium (driven by playwright-core,
// every request to another host refused).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { specSources } from "../../scripts/spec-sources.ts";
import { findChromium } from "../helpers/chromium.ts";
import { ROOT } from "../helpers/processes.ts";

const FIXTURE = readFileSync(path.join(ROOT, "test/fixtures/dev/openapi.yaml"), "utf8");
/** Bounds every wait: a first run starts a build-docs process and loads every module cold. */
const WAIT_MS = 30_000;
/** A test starts npm run dev, saves a few times and waits for each run. */
const TEST_MS = 120_000;
const work = mkdtempSync(path.join(os.tmpdir(), "onezone-dev-test-"));
const running = new Set<DevProcess>();

afterEach(() => {
  for (const dev of running) dev.child.kill("SIGKILL");
  running.clear();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Saves that break the spec, each named by what npm run dev says of it. */
const BROKEN_SAVES = {
  "invalid YAML": {
    text: FIXTURE.replace("openapi: 3.1.0", "openapi: [3.1.0"),
    says: "yaml-syntax",
  },
  // Under Redocly's minimal ruleset (any spec but the project's), this rule is an error.
  "a lint error": {
    text: FIXTURE.replace("  /items:", "  /items/{id}:"),
    says: "openapi.yaml:8:5  codegen/path-parameters",
  },
};

class DevProcess {
  readonly dir = mkdtempSync(path.join(work, "spec-"));
  readonly child: ChildProcess;
  output = "";
  readonly #onOutput = new Set<() => void>();

  constructor() {
    writeFileSync(this.spec, FIXTURE);
    this.child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts/dev.ts"), "--spec", "openapi.yaml", "--out", "out", "--port", "0"],
      { cwd: this.dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        this.output += chunk.toString();
        for (const listener of this.#onOutput) listener();
      });
    }
    running.add(this);
  }

  static async start(): Promise<DevProcess> {
    const dev = new DevProcess();
    await dev.waitFor(/Serving the reference page/);
    return dev;
  }

  get spec(): string {
    return path.join(this.dir, "openapi.yaml");
  }

  get out(): string {
    return path.join(this.dir, "out");
  }

  get url(): string {
    return /Serving the reference page at (\S+) /.exec(this.output)?.[1] ?? "";
  }

  /** Runs that built, and runs that did not. */
  static readonly BUILT = /^Page rebuilt/gm;
  static readonly FAILED = /keep the last good version\.$/gm;

  save(text: string, file = this.spec): void {
    writeFileSync(file, text);
  }

  /** Waits, at most WAIT_MS, until the output has matched `pattern` `count` times. */
  waitFor(pattern: RegExp, count = 1): Promise<void> {
    const matches = () => (this.output.match(new RegExp(pattern.source, "gm")) ?? []).length;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (matches() >= count) finish(resolve);
      };
      const onExit = () =>
        finish(() => reject(new Error(`dev exited waiting for ${pattern}:\n${this.output}`)));
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no ${pattern} ×${count} in:\n${this.output}`))),
        WAIT_MS,
      );
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.#onOutput.delete(check);
        this.child.off("exit", onExit);
        then();
      };
      this.#onOutput.add(check);
      this.child.once("exit", onExit);
      check();
    });
  }

  async page(): Promise<string> {
    return (await fetch(this.url)).text();
  }

  /** Sends `signal` and waits (at most WAIT_MS) for the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running:\n${this.output}`)), WAIT_MS);
      this.child.once("exit", (code) => {
        clearTimeout(timer);
        running.delete(this);
        resolve(code);
      });
      this.child.kill(signal);
    });
  }
}

/** Every file under `dir`, by relative path, as bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  return new Map(
    files.map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, full), readFileSync(full)];
    }),
  );
}

describe("npm run dev", { timeout: TEST_MS }, () => {
  it.each(Object.entries(BROKEN_SAVES))(
    "a save with %s changes nothing in the output, and the page stays the last good one with a banner",
    async (_name, broken) => {
      const dev = await DevProcess.start();
      dev.save(FIXTURE.replace("summary: List items", "summary: List every item"));
      await dev.waitFor(DevProcess.BUILT, 2);
      const good = snapshot(dev.out);
      expect(good.get("operations.gen.ts")?.toString()).toContain("List every item");
      expect(await dev.page()).toContain('"summary":"List every item"');

      dev.save(broken.text);
      await dev.waitFor(DevProcess.FAILED);
      expect(dev.output).toContain(broken.says);
      expect(snapshot(dev.out)).toEqual(good);
      expect(readdirSync(dev.dir).sort()).toEqual(["openapi.yaml", "out"]);
      const page = await dev.page();
      expect(page).toContain('"summary":"List every item"');
      expect(page).toMatch(/<div id="dev-banner" role="alert"[^>]*><strong>[^<]*openapi\.yaml/);
      expect(page).toContain(broken.says);
    },
  );

  it("watches a file the spec comes to $ref while it runs", async () => {
    const dev = await DevProcess.start();
    const itemFile = path.join(dev.dir, "item.yaml");
    dev.save("type: object\nproperties:\n  id:\n    type: string\n", itemFile);
    dev.save(FIXTURE.replace('$ref: "#/components/schemas/Item"', '$ref: "./item.yaml"'));
    await dev.waitFor(/^Watching item\.yaml, openapi\.yaml$/);
    await dev.waitFor(DevProcess.BUILT, 2);

    dev.save(
      "type: object\nproperties:\n  id:\n    type: string\n  colour:\n    type: string\n",
      itemFile,
    );
    await dev.waitFor(DevProcess.BUILT, 3);
    expect(readFileSync(path.join(dev.out, "schema.d.ts"), "utf8")).toContain("colour?: string;");
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "stops cleanly on %s: exit code 0, the port closed",
    async (signal) => {
      const dev = await DevProcess.start();
      const url = dev.url;
      expect(await dev.stop(signal)).toBe(0);
      expect(dev.output).toMatch(new RegExp(`${signal}: stopping\\.\\nStopped\\.\\n$`));
      await expect(fetch(url)).rejects.toThrow();
    },
  );
});

describe("specSources: the files npm run dev watches", () => {
  it("follows file $refs in YAML and JSON, quoted or not, however deep, and lists missing ones", () => {
    const dir = mkdtempSync(path.join(work, "sources-"));
    const files: Record<string, string> = {
      "spec.yaml": [
        'a: { $ref: "./a.yaml#/A" }',
        "b:\n  $ref: parts/b.json",
        "local:\n  $ref: '#/components/schemas/X'",
        "remote:\n  $ref: https://example.com/x.yaml",
        "missing:\n  $ref: missing.yaml#/M",
      ].join("\n"),
      "a.yaml": "A:\n  $ref: spec.yaml#/b\n",
      "parts/b.json": '{ "x": { "$ref": "../c.yaml" } }',
      "c.yaml": "type: string\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const found = specSources(path.join(dir, "spec.yaml")).map((file) => path.relative(dir, file));
    expect(found).toEqual(["a.yaml", "c.yaml", "missing.yaml", "parts/b.json", "spec.yaml"]);
  });
});

describe("npm run dev's page in chromium", { timeout: TEST_MS }, () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it("reloads itself after a save, and shows a save's lint problem as a banner", async () => {
    const dev = await DevProcess.start();
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
    });
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const local = new URL(dev.url).host;
    const external: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (["data:", "blob:"].includes(url.protocol) || url.host === local) return route.continue();
      external.push(url.href);
      return route.abort("blockedbyclient");
    });
    await page.goto(dev.url);
    await page.getByRole("heading", { name: /^Items API/ }).waitFor();

    // A mark that only this load of the page has: a reload clears it.
    await page.evaluate(() => Object.assign(window, { loadedBeforeTheSave: true }));
    dev.save(FIXTURE.replace("title: Items API", "title: Items and More API"));
    await page.getByRole("heading", { name: /^Items and More API/ }).waitFor();
    expect(await page.evaluate(() => "loadedBeforeTheSave" in window)).toBe(false);
    expect(await page.title()).toBe("Items and More API");

    dev.save(BROKEN_SAVES["a lint error"].text.replace("title: Items API", "title: Broken"));
    const banner = page.getByRole("alert");
    await banner.waitFor();
    expect(await banner.textContent()).toContain(BROKEN_SAVES["a lint error"].says);
    expect(await banner.textContent()).toContain("the page keep the last good version");
    // Under the banner, the last good version: Redoc renders it once the page has loaded.
    await page.getByRole("heading", { name: /^Items and More API/ }).waitFor();

    dev.save(FIXTURE);
    await page.getByRole("heading", { name: /^Items API/ }).waitFor();
    expect(await banner.count()).toBe(0);
    expect(external).toEqual([]);
  });
});
