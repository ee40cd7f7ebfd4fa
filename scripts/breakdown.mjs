#!/usr/bin/env node
// Where the default page's time to first SQL goes (issue 30): cold loads in fresh tabs
// driven as scripts/first-sql-tab.mjs drives them (its tab harness, no Playwright, the
// same reader: host typed at DOMContentLoaded once the form is there, Generate clicked on
// the next frame), with the moments of each phase from navigation start (ms, medians):
// the HTML and each file arrived, the wasm compiled and instantiated, the form in the
// page, `main` returned, DOMContentLoaded, the first frame after it, the click and the
// SQL; and the two spans that decide the result: our mount (instantiated → main
// returned) and DOMContentLoaded → the click's frame (Chromium's style and layout of
// the new form, then the wait for the next frame). The original (React) beside it when
// its dist is given. Prints figures, never fails.
//   node scripts/breakdown.mjs [--loads 9] dist [other dist ...]   (interleaved)
// GS_CHROMIUM_ARGS adds Chromium flags for a measurement (e.g.
// "--js-flags=--no-wasm-lazy-compilation": docs/performance.md, session 16).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, readOnce } from "./cdp.mjs";
import { READER } from "./first-sql-tab.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Installed before the reader (first-sql-tab.mjs's, which tells `__gsMark` its moments):
// `mark` keeps the first time of each moment; `__gsDone` adds when each file arrived.
const PROBE = `(() => {
  const t = {};
  const mark = (window.__gsMark = (k) => { if (!(k in t)) t[k] = performance.now(); });
  new MutationObserver(() => { if (document.querySelector("input")) mark("form in the page"); })
    .observe(document, { childList: true, subtree: true });
  const cs = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = async (...a) => { const r = await cs(...a); mark("wasm compiled"); return r; };
  const wi = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...a) => { const r = await wi(...a); mark("wasm instantiated"); return r; };
  addEventListener("TrunkApplicationStarted", () => mark("main returned"));
  window.__gsDone = () => {
    for (const e of performance.getEntriesByType("resource")) t["got " + e.name.split("/").pop().replace(/-[0-9a-f]{8,}/, "")] = e.responseEnd;
    t["got HTML"] = performance.getEntriesByType("navigation")[0].responseEnd;
    return t;
  };
})();
${READER}`;

const once = (b, url) => readOnce(b, url, PROBE, "window.__gsFirstSql && window.__gsDone()");

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const args = process.argv.slice(2);
const li = args.indexOf("--loads");
const loads = li >= 0 ? Number(args.splice(li, 2)[1]) : 9;
const dirs = args.length ? args : [path.join(ROOT, "dist")];
setTimeout(() => { console.error("breakdown: timed out"); process.exit(2); }, 600_000).unref();
const res = await interleaved(dirs, loads, once, (r) => r["SQL shown"]);
dirs.forEach((dir, k) => {
  const rows = {};
  for (const r of res[k].runs) {
    for (const [key, v] of Object.entries(r)) (rows[key] ??= []).push(v);
    if ("main returned" in r) (rows["span: mount (instantiated → main returned)"] ??= []).push(r["main returned"] - r["wasm instantiated"]);
    (rows["span: DOMContentLoaded → click"] ??= []).push(r["click"] - r["DOMContentLoaded, host typed"]);
  }
  console.log(`\n${dir} (medians of ${loads} cold loads, ms from navigation start)`);
  const spans = Object.entries(rows).filter(([key]) => key.startsWith("span"));
  const moments = Object.entries(rows).filter(([key]) => !key.startsWith("span")).sort((a, b) => median(a[1]) - median(b[1]));
  for (const [key, v] of [...moments, ...spans]) console.log(`  ${median(v).toFixed(1).padStart(7)}  ${key}`);
});
