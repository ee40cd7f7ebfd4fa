// The npm package in a real Astro Starlight site (pinned in starlight/), on a machine
// with no Rust: `npm install ./grantsmith-<version>.tgz`, the files copied into the site's
// public/grantsmith, embed.js in Starlight's `head`, the tag in a Markdown page, Astro's
// client router (view transitions) added through a Head override; built and driven in
// Chromium (package-sites.mjs: attributes and profile, generate and copy, navigation
// away and back without a page load, Starlight's theme picker, which sets
// html[data-theme], no console error).
import { test, before, after } from "node:test";
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

test("Astro Starlight: embed.js in head, files in public/, view transitions", async () => {
  const env = noRustEnv();
  const site = siteWithPackage("starlight", "starlight", [[path.join(E2E, "package-sites/starlight"), "."]], env);
  dir = site;
  fs.cpSync(path.join(site, "node_modules/grantsmith/dist"), path.join(site, "public/grantsmith"), { recursive: true });
  runBin(site, "astro/astro.js", ["build"], env);
  const srv = await startServer(path.join(site, "dist"));
  try {
    await drive(browser, `${srv.url}setup/`, {
      away: (page) => page.locator(".sl-markdown-content a", { hasText: "Acme" }).first().click(),
      back: (page) => page.locator(".sl-markdown-content a", { hasText: "Set up the database" }).first().click(),
      dark: async (page) => {
        await page.locator("starlight-theme-select select").first().selectOption("dark");
        await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
      },
    });
  } finally {
    await srv.close();
  }
});
