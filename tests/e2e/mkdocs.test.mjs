// A real MkDocs Material site (mkdocs-material from PyPI, pinned in tests/clients),
// built here with instant navigation and a light/dark palette toggle, with the README's
// snippet on a page and embed.js as extra_javascript: the builder shows on a direct
// load with no error, comes back after instant navigation away and back, and follows
// the site's own dark-mode switch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, startServer, openDocsPage, until, DIST } from "./helpers.mjs";

const PY = process.env.GRANTSMITH_PY;
const LIGHT = "rgb(250, 250, 250)";
const DARK = "rgb(17, 24, 39)";

let browser, srv, dir;
before(async () => {
  if (!PY || !fs.existsSync(PY)) {
    throw new Error("GRANTSMITH_PY is unset or missing: run ./test.sh, which installs mkdocs-material");
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-mkdocs-"));
  const docs = path.join(dir, "docs");
  fs.cpSync(DIST, path.join(docs, "grantsmith"), { recursive: true });
  fs.writeFileSync(path.join(dir, "mkdocs.yml"), `site_name: Acme docs
theme:
  name: material
  # No web fonts: this machine reaches no font server (not the embed's doing).
  font: false
  features:
    - navigation.instant
  palette:
    - scheme: default
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - scheme: slate
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
extra_javascript:
  - grantsmith/embed.js
nav:
  - Home: index.md
  - Set up the database: setup.md
`);
  fs.writeFileSync(path.join(docs, "index.md"), "# Acme\n\nWelcome.\n");
  fs.writeFileSync(path.join(docs, "setup.md"),
    '# Set up the database\n\n<grantsmith-builder product="Acme Sync" databases="postgresql" host="db.example.com" role="acme_sync" note-host="Settings → Database in your Acme console"></grantsmith-builder>\n');
  execFileSync(PY, ["-m", "mkdocs", "build", "-q", "-d", "site"], { cwd: dir, env: { ...process.env, NO_MKDOCS_2_WARNING: "1" } });
  browser = await launch();
  srv = await startServer(path.join(dir, "site"));
});
after(async () => {
  await browser?.close();
  await srv?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("MkDocs Material: direct load, instant navigation away and back, the site's dark switch", async () => {
  const { context, page, frame, card, errors } = await openDocsPage(browser, `${srv.url}setup/`);
  assert.equal(await frame.getByTestId("role").inputValue(), "acme_sync");
  assert.equal(await frame.locator('label[for="gs-role"]').textContent(), "Acme Sync user name");
  assert.equal(await frame.getByTestId("host-note").textContent(), "Settings → Database in your Acme console");
  assert.equal(await card(), LIGHT);
  // Instant navigation swaps the page's content without reloading it.
  await page.locator("nav a", { hasText: "Home" }).first().click();
  await page.waitForURL(/\/$/);
  assert.equal(await page.locator("grantsmith-builder").count(), 0);
  await page.locator("nav a", { hasText: "Set up the database" }).first().click();
  await frame.getByTestId("generate").waitFor();
  assert.equal(await frame.getByTestId("host").inputValue(), "db.example.com");
  // The site's own switch (Material marks the body with data-md-color-scheme).
  await page.getByTitle("Switch to dark mode").first().click();
  assert.equal(await until(card, DARK), DARK);
  assert.deepEqual(errors, []);
  await context.close();
});
