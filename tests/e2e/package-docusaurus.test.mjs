// The npm package in a real Docusaurus 3 site on React 19 (pinned in docusaurus19/), on a
// machine with no Rust: `npm install ./grantsmith-<version>.tgz`, the plugin's one line
// in docusaurus.config.js, the tag in an MDX page; built and driven in Chromium
// (package-sites.mjs: attributes and profile, generate and copy, client-side navigation
// away and back, the site's dark switch, no console error, nothing from another origin).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer } from "./helpers.mjs";
import { E2E, noRustEnv, siteWithPackage, runBin, drive } from "./package-sites.mjs";

let browser;
let dir;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("Docusaurus 3 on React 19 with the package's plugin", async () => {
  const env = noRustEnv();
  const site = siteWithPackage("docusaurus", "docusaurus19", [
    [path.join(E2E, "package-sites/docusaurus/docusaurus.config.js"), "docusaurus.config.js"],
    [path.join(E2E, "docusaurus-site/docs"), "docs"],
  ], env);
  dir = site;
  runBin(site, "@docusaurus/core/bin/docusaurus.mjs", ["build", "--out-dir", "build"], env);
  const build = path.join(site, "build");
  // The plugin wrote the builder's files into the site's output as they are in the
  // package (no minifier of the site's touched them: the pages hold integrity hashes).
  const shipped = path.join(site, "node_modules/grantsmith/dist");
  // Every file, the dry run's PGlite in dist/pglite/ included.
  const tree = (dir) => fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  assert.ok(tree(shipped).includes("pglite/pglite.wasm"));
  assert.deepEqual(tree(path.join(build, "grantsmith")), tree(shipped));
  for (const f of tree(shipped)) {
    assert.ok(fs.readFileSync(path.join(build, "grantsmith", f)).equals(fs.readFileSync(path.join(shipped, f))), f);
  }
  const srv = await startServer(build);
  try {
    await drive(browser, `${srv.url}setup/`, {
      away: (page) => page.locator("nav a", { hasText: "Acme" }).first().click(),
      back: (page) => page.locator("a", { hasText: "Set up the database" }).first().click(),
      dark: async (page) => {
        await page.locator("button[title*='dark'], button[aria-label*='dark']").first().click();
        await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
      },
    });
  } finally {
    await srv.close();
  }
});
