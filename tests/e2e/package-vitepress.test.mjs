// The npm package in a real VitePress 1.x site (pinned in vitepress1/), on a machine with
// no Rust: `npm install ./grantsmith-<version>.tgz`, the files copied into the site's
// public/grantsmith, embed.js in the config's `head`, Vue's isCustomElement for the tag
// in a Markdown page; built and driven in Chromium (package-sites.mjs: attributes and
// profile, generate and copy, client-side navigation away and back through VitePress's
// router, its dark switch, which sets html.dark, no console error or hydration warning).
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

test("VitePress 1.x: embed.js in head, isCustomElement, files in public/", async () => {
  const env = noRustEnv();
  const site = siteWithPackage("vitepress", "vitepress1", [[path.join(E2E, "package-sites/vitepress"), "."]], env);
  dir = site;
  fs.cpSync(path.join(site, "node_modules/grantsmith/dist"), path.join(site, "public/grantsmith"), { recursive: true });
  runBin(site, "vitepress/bin/vitepress.js", ["build", "."], env);
  const srv = await startServer(path.join(site, ".vitepress/dist"));
  try {
    await drive(browser, `${srv.url}setup.html`, {
      away: (page) => page.locator(".vp-doc a", { hasText: "Acme" }).first().click(),
      back: (page) => page.locator(".vp-doc a", { hasText: "Set up the database" }).first().click(),
      dark: async (page) => {
        await page.locator(".VPNavBarAppearance button.VPSwitchAppearance").first().click();
        await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
      },
    });
  } finally {
    await srv.close();
  }
});
