#!/usr/bin/env node
// The hand-over as a reader's browser does it (issue 30): Chromium driven over a tab
// target (scripts/cdp.mjs), where prerendering is allowed, unlike under Playwright. On
// the default page: host typed, Generate, the SQL on screen; a pause as a reader's
// (the prerender, if the page asked for one, has its page's wasm running); then the JDBC
// client form picked. Timed inside the pages, on the machine's clock: from the change
// event to the fuller page's JDBC connection string on screen (its first frame that
// shows it). Also says whether the navigation activated a prerender.
//   node scripts/bench-handover.mjs [--loads 9] [dist ...]   (several dists: interleaved)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { interleaved, openTab } from "./cdp.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Installed in every document of the tab (and run in a prerendered page before its
// activation): the first frame of the fuller page that shows the JDBC form.
const WATCH = `(() => {
  if (!location.pathname.endsWith("postgres.html")) return;
  const shown = () => { const c = document.querySelector('[data-testid="conn"]');
    return c && c.offsetParent !== null && c.textContent.includes("jdbc:postgresql://db.example.com"); };
  const tick = () => { if (shown()) window.__gsShownAt = performance.timeOrigin + performance.now(); else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const SET_HOST = `(() => {
  const el = document.querySelector('[data-testid="host"]');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, "db.example.com");
  el.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
})()`;

const PICK_JDBC = `(() => {
  const s = document.querySelector('[data-testid="client"]');
  s.value = "jdbc";
  const t0 = performance.timeOrigin + performance.now();
  s.dispatchEvent(new Event("change", { bubbles: true }));
  return t0;
})()`;

/** One hand-over in a fresh tab; `pause` ms between the first SQL and the pick. */
export async function handOverOnce(b, url, pause = 1500) {
  const log = process.env.GS_DEBUG ? (m) => console.error(m) : () => {};
  const tab = await openTab(b, url, { beforeLoad: [WATCH] });
  log("opened");
  try {
    await tab.until(`!!document.querySelector('[data-testid="host"]')`);
    log("host"); await tab.evaluate(SET_HOST); log("typed");
    await tab.until(`!document.querySelector('[data-testid="generate"]').disabled`);
    await tab.evaluate(`document.querySelector('[data-testid="generate"]').click(), true`);
    await tab.until(`!!document.querySelector('[data-testid="sql"]')?.offsetParent`);
    log("sql"); await new Promise((r) => setTimeout(r, pause));
    for (const s of tab.state.prerenders) await tab.evaluate(WATCH, s).catch(() => {});
    log("pick"); const t0 = await tab.evaluate(PICK_JDBC); log("picked");
    const t1 = await tab.until(`window.__gsShownAt`);
    return { ms: t1 - t0, activated: tab.state.activated };
  } finally {
    await tab.close();
  }
}

/** Median hand-over time for each of `dirs`, the runs interleaved (a shared machine). */
export async function handOverTab(dirs, loads) {
  const res = await interleaved(dirs, loads, handOverOnce, (x) => x.ms);
  return res.map((r) => ({ ...r, activated: r.runs.filter((x) => x.activated).length }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const li = args.indexOf("--loads");
  const loads = li >= 0 ? Number(args.splice(li, 2)[1]) : 9;
  const dirs = args.length ? args : [path.join(ROOT, "dist")];
  setTimeout(() => { console.error("bench-handover: timed out"); process.exit(2); }, 300_000).unref();
  const res = await handOverTab(dirs, loads);
  dirs.forEach((d, k) => console.log(`${d}: hand-over median ${res[k].ms.toFixed(1)} ms over ${loads} (activated ${res[k].activated}/${loads}) runs ${res[k].all.join(" ")}`));
}
