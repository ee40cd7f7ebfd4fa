#!/usr/bin/env node
// Where the default page's time to first SQL goes (issue 30): in fresh pages, the
// moments from navigation start (ms, medians) at which the HTML, the JS glue and the
// wasm have arrived, the form's host field appears, Generate is enabled after the host
// is typed, and the SQL is on screen; the peer (the React original) beside it when
// built by scripts/bench.mjs. Prints figures, never fails.
//   node scripts/breakdown.mjs [dir] [--loads 9]
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(ROOT, "tests/e2e/package.json"));
const { chromium } = require("playwright-core");
const LOADS = Number(process.argv[process.argv.indexOf("--loads") + 1]) || 9;
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--loads");
if (!dirs.length) dirs.push(path.join(ROOT, "dist"));

const PROBE = `(() => {
  const t = (window.__gsT = {});
  const mark = (k) => { if (!(k in t)) t[k] = performance.now(); };
  new MutationObserver(() => { if (document.querySelector("input")) mark("input"); })
    .observe(document, { childList: true, subtree: true });
  const ws = WebAssembly.instantiateStreaming;
  if (ws) WebAssembly.instantiateStreaming = async (...a) => { mark("instantiate start"); const r = await ws(...a); mark("instantiated"); return r; };
  const wi = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...a) => { mark("instantiate start"); const r = await wi(...a); mark("instantiated"); return r; };
})()`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless=new"] });
for (const dir of dirs) {
  const server = await serve(dir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const rows = {};
  for (let i = 0; i < LOADS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: "commit" });
    const r = await page.evaluate(() => new Promise((resolve) => {
      const t = window.__gsT;
      const tick = () => {
        const host = document.querySelector("input");
        const btn = [...document.querySelectorAll("button")].find((b) => b.textContent.includes("Generate commands"));
        if (!host || !btn) return requestAnimationFrame(tick);
        t["form ready"] = performance.now();
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        set.call(host, "db.example.com");
        host.dispatchEvent(new Event("input", { bubbles: true }));
        const click = () => {
          if (btn.disabled) return requestAnimationFrame(click);
          t["generate enabled"] = performance.now();
          btn.click();
          const seen = () => [...document.querySelectorAll("code")].some((c) => c.textContent.includes("CREATE ROLE"));
          const done = () => {
            t["SQL shown"] = performance.now();
            for (const e of performance.getEntriesByType("resource")) t["got " + e.name.split("/").pop().replace(/-[0-9a-f]{8,}/, "")] = e.responseEnd;
            const nav = performance.getEntriesByType("navigation")[0];
            t["got HTML"] = nav.responseEnd;
            t["DOMContentLoaded"] = nav.domContentLoadedEventEnd;
            resolve(t);
          };
          if (seen()) return done();
          new MutationObserver((_, o) => { if (seen()) { o.disconnect(); done(); } })
            .observe(document.body, { childList: true, subtree: true, characterData: true });
        };
        // The next frame after typing, as in scripts/first-sql-tab.mjs.
        requestAnimationFrame(click);
      };
      tick();
    }));
    for (const [k, v] of Object.entries(r)) (rows[k] ??= []).push(v);
    await ctx.close();
  }
  server.close();
  console.log(`\n${dir} (medians of ${LOADS}, ms from navigation start)`);
  for (const [k, v] of Object.entries(rows).sort((a, b) => median(a[1]) - median(b[1]))) {
    console.log(`  ${median(v).toFixed(1).padStart(7)}  ${k}`);
  }
}
await browser.close();
