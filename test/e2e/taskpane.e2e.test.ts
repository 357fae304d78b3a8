import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { serveDirectory } from "./staticServer";

/**
 * The built task pane in headless Chromium, in browser-preview mode: served
 * from dist/ on localhost, nothing fetched from anywhere else. A production
 * build loads office.js from Microsoft's CDN: the test serves those requests
 * from the local @microsoft/office-js copy (a development build has that copy
 * in dist/ already), so the network is never used. Needs Debian's chromium
 * (`apt-get install -y chromium`); without it the test says so and passes
 * without running.
 */

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "test-results");
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => typeof p === "string" && existsSync(p),
);
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LOCAL = new Set(["127.0.0.1", "localhost"]);
/** The CDN's office.js and the files it loads, answered from the local copy. */
const OFFICE_JS_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;
const OFFICE_JS_COPY = dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** office.js, outside Office, tries to open Microsoft's telemetry frame; it is blocked like everything remote. */
const TELEMETRY = /^telemetryservice\.firstpartyapps\.oaspapps\.com$/;

jest.setTimeout(240_000);

describe("task pane in headless Chromium (browser preview)", () => {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads the preview, generates the plan with progress, simulates 4 weeks, switches to Chinese and plans again, fetches nothing remote, logs no error", async () => {
    if (!CHROMIUM) {
      process.stdout.write(
        "SKIPPED end-to-end test: no Chromium at /usr/bin/chromium (apt-get install -y chromium).\n",
      );
      return;
    }
    expect(existsSync(join(DIST, "taskpane.html"))).toBe(true);
    const officeJs = /<script src="([^"]*office\.js)"/.exec(
      readFileSync(join(DIST, "taskpane.html"), "utf8"),
    )?.[1];
    expect(
      officeJs === "office-js/office.js"
        ? existsSync(join(DIST, "office-js", "office.js"))
        : OFFICE_JS_CDN.test(officeJs ?? ""),
    ).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });

    server = await serveDirectory(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 420, height: 1100 } });
    const remote: string[] = [];
    const telemetry: string[] = [];
    const fromCopy: string[] = [];
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      const cdnFile = OFFICE_JS_CDN.exec(`${url.origin}${url.pathname}`)?.[1];
      const copy = cdnFile && join(OFFICE_JS_COPY, cdnFile);
      if (copy && copy.startsWith(OFFICE_JS_COPY) && existsSync(copy)) {
        fromCopy.push(url.href);
        await route.fulfill({ path: copy, contentType: "text/javascript; charset=utf-8" });
        return;
      }
      if ((url.protocol === "http:" || url.protocol === "https:") && !LOCAL.has(url.hostname)) {
        (TELEMETRY.test(url.hostname) ? telemetry : remote).push(url.href);
        await route.abort("blockedbyclient");
        return;
      }
      await route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      // The blocked telemetry frame's own load failure is the block working, not the pane failing.
      if (/ERR_BLOCKED_BY_CLIENT/.test(text) && telemetry.length > 0) return;
      errors.push(`console: ${text}`);
    });

    await page.goto(`${server.url}taskpane.html`);
    await page.getByText("Browser preview").waitFor({ timeout: 60_000 });
    const run = page.getByRole("button", { name: "Generate plan" });
    await run.waitFor();
    await page.getByRole("list", { name: "Inputs" }).getByText("Found").first().waitFor({ timeout: 60_000 });

    await run.click();
    await page.getByRole("progressbar").waitFor();
    await page.getByText(/Plan written to \d+ sheets/).waitFor({ timeout: 200_000 });
    await page.getByRole("heading", { name: "SKUs to restock" }).waitFor();
    await page.getByRole("heading", { name: "Backtest: this plan vs naive" }).waitFor();
    await page.getByRole("button", { name: /Open sheet LS Plan/ }).waitFor();

    // A short simulation (4 weeks, 1 run) in the worker; it adds its sheets next to the plan's.
    const weeks = page.getByRole("spinbutton", { name: "Weeks to simulate" });
    await weeks.fill("4");
    await page.getByRole("button", { name: "Simulate" }).click();
    await page.getByText(/^(Reading tables|Simulating|Week \d of 4 \(run 1 of 1\))$/).waitFor();
    await page.getByText("Simulation written to 3 sheets.").waitFor({ timeout: 120_000 });
    const simulation = page.getByRole("table", { name: "Simulation" });
    await simulation.getByRole("rowheader", { name: "LiveStock" }).waitFor();
    expect(await simulation.getByRole("rowheader").count()).toBe(6);
    await page.getByRole("button", { name: "Open sheet LS Simulation" }).waitFor();
    await page.getByRole("button", { name: /Open sheet LS Plan/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-en.png"), fullPage: true });

    await page.getByLabel("Language").selectOption("zh-CN");
    const runZh = page.getByRole("button", { name: "生成补货计划" });
    await runZh.waitFor();
    await page.getByRole("heading", { name: "需补货的商品" }).waitFor();
    // A second run, in Chinese, replaces the add-in's own sheets of the first.
    await runZh.click();
    // The second run is over when its button, disabled while it runs, is enabled again.
    const runButtonDisabled = (disabled: boolean) =>
      page.waitForFunction(
        (want) =>
          [...document.querySelectorAll("button")].some(
            (b) => b.textContent === "生成补货计划" && b.disabled === want,
          ),
        disabled,
        { polling: "raf", timeout: 200_000 },
      );
    await runButtonDisabled(true);
    await runButtonDisabled(false);
    await page.getByText(/计划已写入 \d+ 个工作表/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-zh-CN.png"), fullPage: true });

    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(ROOT, "docs/screenshots"), { recursive: true });
      for (const name of ["taskpane-en.png", "taskpane-zh-CN.png"]) {
        copyFileSync(join(ARTIFACTS, name), join(ROOT, "docs/screenshots", name));
      }
    }

    expect(remote).toEqual([]);
    // A production build's office.js came from the CDN's address, answered by the local copy.
    if (officeJs !== "office-js/office.js") expect(fromCopy.length).toBeGreaterThan(0);
    expect(telemetry.every((u) => u.endsWith("telemetryproxy.html"))).toBe(true);
    expect(errors).toEqual([]);
  });
});
