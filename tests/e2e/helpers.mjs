// Shared by the e2e tests: serve a directory on 127.0.0.1, launch Debian's Chromium
// (never a downloaded browser) and record every request either side sees.
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
// Screenshots land in tests/e2e/artifacts; GS_UPDATE_DOCS=1 writes the README's copies
// in docs/ instead (so the README's pictures are produced by the tests, not by hand).
export const ARTIFACTS = path.join(ROOT, process.env.GS_UPDATE_DOCS ? "docs" : "tests/e2e/artifacts");
fs.mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`Chromium not found at ${CHROMIUM}: run ./test.sh, which installs Debian's chromium`);
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Serves `dir`; `requests` collects every path the server is asked for. */
export async function startServer(dir = DIST) {
  const requests = [];
  const server = await serve(dir, 0, (req) => requests.push(req.url));
  const url = `http://127.0.0.1:${server.address().port}/`;
  // `pg`: the PostgreSQL page with the presets, client forms, password, verify/inspect/
  // uninstall (postgres.html); `url` opens the default page, the original applet alone.
  return { server, url, pg: `${url}postgres.html`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** A page with clipboard access granted, opened on `url`, waiting for the app. */
export async function openApp(browser, url, { clipboard = true, colorScheme = "light", width = 1000 } = {}) {
  const context = await browser.newContext({
    permissions: clipboard ? ["clipboard-read", "clipboard-write"] : [],
    colorScheme,
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.getByTestId("generate").first().waitFor();
  return { context, page, errors };
}

export const tid = (page, id) => page.getByTestId(id);

/** Opens the "Verify, inspect and uninstall scripts" section (built when first opened). */
export async function showScripts(page) {
  const details = page.locator("details", { has: page.locator("summary", { hasText: "Verify, inspect and uninstall scripts" }) });
  if (!(await details.evaluate((e) => e.open))) await details.locator("summary").click();
}

/** The original applet's statements inside a PostgreSQL setup script, without the
 * checks, the one transaction and the role's mark around them (as
 * src/core/backend/original/guard.rs `statements` cuts them); fails without them. */
export function originalStatements(sql) {
  const checksEnd = " LANGUAGE plpgsql;\n\n";
  const start = sql.indexOf(checksEnd);
  const end = sql.lastIndexOf("\n\n-- The mark that lets this script run again");
  if (!sql.includes("-- Run in database ") || start < 0 || end < start || !sql.endsWith("\nCOMMIT;")) {
    throw new Error(`not a setup script in one transaction:\n${sql.slice(0, 300)}`);
  }
  return sql.slice(start + checksEnd.length, end);
}

export function golden(name) {
  return fs.readFileSync(path.join(ROOT, "tests/golden", name), "utf8");
}

/** A docs site's page at `url` in a light browser, once its <grantsmith-builder> shows:
 * the page, the builder's frame, its card's background colour (to follow the theme)
 * and every error the page logs. */
export async function openDocsPage(browser, url) {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  const frame = page.frameLocator("grantsmith-builder iframe");
  await frame.getByTestId("generate").waitFor();
  const card = () => frame.locator(".gs-card").first().evaluate((e) => getComputedStyle(e).backgroundColor);
  return { context, page, frame, card, errors };
}

/** Waits up to 2.5 s for `read()` to give `want`. */
export async function until(read, want) {
  for (let i = 0; i < 50 && (await read()) !== want; i++) await new Promise((r) => setTimeout(r, 50));
  return read();
}

/** Picks database `db` in the page's picker. The page a PostgreSQL user loads has no
 * other database's code: from it, another database opens the all-databases page
 * (all.html), which this waits for. */
export async function pickDb(page, db) {
  const leaving = db !== "postgresql" && !page.url().includes("all.html");
  await Promise.all([
    leaving ? page.waitForURL(/\/all\.html#/) : Promise.resolve(),
    page.getByTestId("dialect").selectOption(db),
  ]);
  await page.getByTestId("generate").waitFor();
}
