// A bare DevTools client for Chromium over --remote-debugging-pipe, attached to a tab
// through its tab target (issue 30's hand-over). Playwright attaches to the page target
// itself, and Chromium refuses to prerender under such a session (the Preload domain
// reports "PrerenderingDisabledByDevTools": devtools_instrumentation.cc's
// IsPrerenderAllowed is false for sessions without tab-target support), so a prerender
// can be measured and tested only this way.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Starts Chromium headless with its own profile; `send(method, params, session)`. */
export async function launchPipe() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-cdp-"));
  const proc = spawn(process.env.CHROMIUM ?? "/usr/bin/chromium", [
    "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${dir}`,
    // Extra flags for a measurement only (scripts/breakdown.mjs names one).
    ...(process.env.GS_CHROMIUM_ARGS ?? "").split(" ").filter(Boolean), "about:blank",
  ], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const [, , , out, inp] = proc.stdio;
  let id = 0, buf = "";
  const pending = new Map(), listeners = new Set();
  inp.on("data", (d) => {
    buf += d.toString();
    for (let i; (i = buf.indexOf("\0")) >= 0;) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      const p = msg.id && pending.get(msg.id);
      if (p) { pending.delete(msg.id); msg.error ? p.reject(new Error(JSON.stringify(msg.error))) : p.resolve(msg.result); }
      else for (const l of [...listeners]) l(msg);
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const m = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
    pending.set(m.id, { resolve, reject });
    out.write(JSON.stringify(m) + "\0");
  });
  const on = (f) => { listeners.add(f); return () => listeners.delete(f); };
  const once = (pred, ms = 10000) => new Promise((resolve, reject) => {
    const t = setTimeout(() => { off(); reject(new Error(`no DevTools event within ${ms} ms`)); }, ms);
    const off = on((m) => { if (pred(m)) { off(); clearTimeout(t); resolve(m); } });
  });
  const close = () => new Promise((r) => {
    proc.once("exit", () => { try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch { /* a temp dir left behind */ } r(); });
    proc.kill();
  });
  return { send, on, once, close };
}

/** Opens a tab on `url` (waiting for its load event) and follows it: `state.page` is the
 * session of the page on screen (after an activation, the prerendered page's), and
 * `state.prerenders` the sessions of the pages it prerenders. */
export async function openTab(b, url, { beforeLoad = [] } = {}) {
  const { targetId } = await b.send("Target.createTarget", { url: "about:blank" });
  const { targetInfos } = await b.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const state = { page: null, prerenders: [], activated: false, tab: null, tabSession: null };
  for (const t of targetInfos) {
    let sessionId;
    try { ({ sessionId } = await b.send("Target.attachToTarget", { targetId: t.targetId, flatten: true })); } catch { continue; }
    const got = b.once((m) => m.method === "Target.attachedToTarget" && m.sessionId === sessionId, 3000).catch(() => null);
    await b.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    const m = await got;
    if (m?.params.targetInfo.targetId === targetId) { Object.assign(state, { tab: t.targetId, tabSession: sessionId, page: m.params.sessionId }); break; }
    await b.send("Target.detachFromTarget", { sessionId }).catch(() => {});
  }
  if (!state.page) throw new Error("cdp: no tab holds the new page");
  const off = b.on((m) => {
    if (m.sessionId !== state.tabSession) return;
    if (m.method === "Target.attachedToTarget" && m.params.targetInfo.subtype === "prerender") state.prerenders.push(m.params.sessionId);
    // The page on screen leaves; a prerendered page takes its place (activation).
    if (m.method === "Target.detachedFromTarget" && m.params.sessionId === state.page && state.prerenders.length) {
      state.page = state.prerenders.shift();
      state.activated = true;
    }
  });
  const evaluate = async (expression, sessionId = state.page) => {
    // A session that leaves during a navigation may never answer: 3 s, then an error.
    const r = await Promise.race([
      b.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, sessionId),
      new Promise((_, reject) => setTimeout(() => reject(new Error("cdp: no answer within 3 s")), 3000)),
    ]);
    if (r.exceptionDetails) throw new Error(`cdp: ${expression.slice(0, 80)}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  };
  /** Evaluates `expression` until it is truthy (every 20 ms, up to `ms`). */
  const until = async (expression, ms = 10000) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      const v = await evaluate(expression).catch((e) => { if (process.env.GS_DEBUG) console.error(e.message, state); return null; });
      if (v) return v;
    }
    throw new Error(`cdp: not true within ${ms} ms: ${expression}`);
  };
  await b.send("Page.enable", {}, state.page);
  for (const source of beforeLoad) await b.send("Page.addScriptToEvaluateOnNewDocument", { source }, state.page);
  const loaded = b.once((m) => m.method === "Page.loadEventFired" && m.sessionId === state.page);
  await b.send("Page.navigate", { url }, state.page);
  await loaded;
  return { state, evaluate, until, close: async () => { off(); await b.send("Target.closeTarget", { targetId: state.tab }).catch(() => {}); } };
}

/** One cold load of `url` in a fresh tab with `reader` installed before the page's own
 * scripts: the first truthy value of `expression`, the tab closed after. */
export async function readOnce(b, url, reader, expression) {
  const tab = await openTab(b, url, { beforeLoad: [reader] });
  try {
    return await tab.until(expression);
  } finally {
    await tab.close();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Serves each of `dirs` on 127.0.0.1 and calls `once(browser, url)` `loads` times for
 * each, the dirs interleaved (a shared machine moves them alike), in one Chromium over
 * its tab target; each dir's results, with the median of what `value` takes from them. */
export async function interleaved(dirs, loads, once, value = (x) => x) {
  const { serve } = await import("./serve.mjs");
  const servers = await Promise.all(dirs.map((d) => serve(d, 0)));
  const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
  const b = await launchPipe();
  const runs = dirs.map(() => []);
  try {
    for (let i = 0; i < loads; i++) {
      for (let k = 0; k < dirs.length; k++) runs[k].push(await once(b, urls[k]));
    }
  } finally {
    await b.close();
    for (const s of servers) s.close();
  }
  return runs.map((r) => ({ ms: median(r.map(value)), all: r.map((x) => Math.round(value(x))), runs: r }));
}
