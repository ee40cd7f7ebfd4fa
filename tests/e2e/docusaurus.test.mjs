// Real Docusaurus 3 sites (from npm, pinned in docusaurus19/ and docusaurus18/), built
// here around the README's snippet (tests/e2e/docusaurus-site: embed.js in the config's
// `scripts`, the tag in an MDX page), on React 19 and on React 18: the MDX compiles, the
// builder shows on a direct load with no console error (React's #418 came from the old
// snippet), comes back after client-side navigation away and back through the site's
// own links, and follows the site's own dark-mode switch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, startServer, openDocsPage, until, DIST, ROOT } from "./helpers.mjs";

const E2E = path.join(ROOT, "tests/e2e");
const LIGHT = "rgb(250, 250, 250)";
const DARK = "rgb(17, 24, 39)";

/** Builds the site with the Docusaurus and React of `tests/e2e/docusaurus<version>`. */
function site(version) {
  const deps = path.join(E2E, `docusaurus${version}`, "node_modules");
  if (!fs.existsSync(path.join(deps, "@docusaurus/core"))) {
    throw new Error(`${deps} is missing Docusaurus: run ./test.sh, which installs it`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gs-docusaurus${version}-`));
  fs.cpSync(path.join(E2E, "docusaurus-site"), dir, { recursive: true });
  fs.symlinkSync(deps, path.join(dir, "node_modules"), "dir");
  fs.cpSync(DIST, path.join(dir, "static/grantsmith"), { recursive: true });
  fs.writeFileSync(path.join(dir, "static/favicon.ico"), "");
  execFileSync(process.execPath, [path.join(deps, "@docusaurus/core/bin/docusaurus.mjs"), "build", "--out-dir", "build"],
    { cwd: dir, stdio: "pipe", env: { ...process.env, DOCUSAURUS_TELEMETRY_DISABLED: "1" } });
  return dir;
}

let browser;
const dirs = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

for (const version of ["19", "18"]) {
  test(`Docusaurus on React ${version}: direct load, client-side navigation, the site's dark switch`, async () => {
    const dir = site(version);
    dirs.push(dir);
    const srv = await startServer(path.join(dir, "build"));
    const { context, page, frame, card, errors } = await openDocsPage(browser, `${srv.url}setup/`);
    assert.equal(await frame.getByTestId("role").inputValue(), "acme_sync");
    // The profile in the tag's attributes (as the README writes it for MDX).
    assert.equal(await frame.locator('label[for="gs-role"]').textContent(), "Acme Sync user name");
    assert.equal(await frame.getByTestId("schemas").evaluate((e) => e.readOnly), true);
    assert.match(await frame.getByTestId("host-note").textContent(), /Settings → Database/);
    assert.equal(await card(), LIGHT);
    // Client-side navigation through the site's own links: no page load.
    await page.locator("nav a", { hasText: "Acme" }).first().click();
    await page.waitForFunction(() => !document.querySelector("grantsmith-builder"));
    await page.locator("a", { hasText: "Set up the database" }).first().click();
    await frame.getByTestId("generate").waitFor();
    assert.equal(await frame.getByTestId("host").inputValue(), "db.example.com");
    // The navbar's colour-mode switch sets html[data-theme].
    await page.locator("button[title*='dark'], button[aria-label*='dark']").first().click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.equal(await until(card, DARK), DARK);
    assert.deepEqual(errors, []);
    await context.close();
    await srv.close();
  });
}
