#!/usr/bin/env node
// Time to first SQL as a reader's browser does it (issue 30), without Playwright: Chromium
// driven over its tab target (scripts/cdp.mjs), the reader's steps run by a script inside
// the page from its first moment (no round trip to the harness between them): the first
// text input (the host) filled once it exists, "Generate commands" clicked once enabled,
// and the time, from navigation start, of the first change that puts `CREATE ROLE` in a
// <code>. The same reader as scripts/breakdown.mjs's (which adds each phase's time), for
// our pages and the React original alike. Under Playwright every page's subresources
// arrived 60-100 ms after its HTML even on loopback (the original's one script too),
// which this run has not.
//   node scripts/first-sql-tab.mjs [--loads 9] dist [other dist ...]   (interleaved)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, readOnce } from "./cdp.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Installed before the page's own scripts: the reader, as fast as the page lets them.
// `window.__gsMark`, when a script before it sets one (scripts/breakdown.mjs), is told
// each of the reader's moments.
export const READER = `(() => {
  const mark = window.__gsMark || (() => {});
  const tick = () => {
    const host = document.querySelector("input");
    const btn = [...document.querySelectorAll("button")].find((b) => b.textContent.includes("Generate commands"));
    if (!host || !btn) return requestAnimationFrame(tick);
    mark("DOMContentLoaded, host typed");
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(host, "db.example.com");
    host.dispatchEvent(new Event("input", { bubbles: true }));
    const click = () => {
      mark("next frame");
      if (btn.disabled) return requestAnimationFrame(click);
      mark("click");
      btn.click();
      const seen = () => [...document.querySelectorAll("code")].some((c) => c.textContent.includes("CREATE ROLE"));
      const done = () => { mark("SQL shown"); window.__gsFirstSql = performance.now(); };
      if (seen()) return done();
      new MutationObserver((_, o) => { if (seen()) { o.disconnect(); done(); } })
        .observe(document.body, { childList: true, subtree: true, characterData: true });
    };
    // A reader clicks what is on screen: the next frame after typing, for both pages.
    // (React enables the original's button inside the input event, Leptos in a
    // microtask after it: checked at once, the original was clicked before its enabled
    // button had been painted, and ours a frame later. docs/performance.md has both.)
    requestAnimationFrame(click);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tick); else tick();
})()`;

/** One cold load in a fresh tab: its time to first SQL. */
const firstSqlOnce = (b, url) => readOnce(b, url, READER, "window.__gsFirstSql");

/** Median time to first SQL (ms from navigation start) for each of `dirs`, cold loads
 * in fresh tabs, the runs interleaved (a shared machine moves both alike). */
export function firstSqlTab(dirs, loads) {
  return interleaved(dirs, loads, firstSqlOnce);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const li = args.indexOf("--loads");
  const loads = li >= 0 ? Number(args.splice(li, 2)[1]) : 9;
  const dirs = args.length ? args : [path.join(ROOT, "dist")];
  setTimeout(() => { console.error("first-sql-tab: timed out"); process.exit(2); }, 300_000).unref();
  const res = await firstSqlTab(dirs, loads);
  dirs.forEach((d, k) => console.log(`${d}: first SQL median ${res[k].ms.toFixed(1)} ms over ${loads} cold loads, runs ${res[k].all.join(" ")}`));
}
