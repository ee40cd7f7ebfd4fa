// The dry run (issue 33): runs a plan from the page's core (src/core/backend/postgres/
// dry_run) in PGlite, PostgreSQL 17 compiled to WebAssembly, inside the tab, and shows
// what happened. Loaded with a module <script> only when the reader clicks "Try it
// here"; PGlite comes from ./pglite/ on the page's own origin (scripts/build.sh copies
// the pinned package there), never from another site. Nothing is sent anywhere: the
// only requests are for these files.
//
// The page (src/ui/dry_run.rs) sets window.grantsmithDryRunPending = { plan, target }
// and loads this module; later clicks call window.grantsmithDryRun(plan, target).
// The last result stays in window.grantsmithDryRunLast for the tests to read.

const base = new URL("./pglite/", import.meta.url);
let engine;

// PGlite, its wasm module and file-system bundle fetched and compiled once per page,
// and one instance that only holds the databases a plan asks for. PGlite opens a
// database given at start ("database" option, which must exist: seen with 0.3.16), so
// each run copies the holder's data directory (dumpDataDir / loadDataDir, PGlite's
// documented pair) into a fresh instance opened on the form's database: every run
// starts from a clean cluster, for about a second.
function load() {
  engine ??= (async () => {
    const [{ PGlite }, wasmModule, fsBundle] = await Promise.all([
      import("./pglite/index.js"),
      WebAssembly.compileStreaming(fetch(new URL("pglite.wasm", base))),
      fetch(new URL("pglite.data", base)).then((r) => r.blob()),
    ]);
    const holder = new PGlite({ wasmModule, fsBundle });
    await holder.waitReady;
    return { PGlite, wasmModule, fsBundle, holder };
  })();
  return engine;
}

// pgcrypto (1.1 MB) only for a script that creates it (the original's does).
let cryptoExt;
function extensions(plan) {
  if (!plan.setup.some((s) => /CREATE EXTENSION[^;]*pgcrypto/i.test(s))) return {};
  cryptoExt ??= import("./pglite/contrib/pgcrypto.js");
  return cryptoExt.then(({ pgcrypto }) => ({ pgcrypto }));
}

// `sql` in the holder, unless what it makes is there from an earlier run (42P04
// duplicate_database, 42710 duplicate_object).
async function once(holder, sql) {
  try {
    await holder.exec(sql);
  } catch (e) {
    if (e.code !== "42P04" && e.code !== "42710") throw e;
  }
}

// The copy signs in as the plan's superuser (PGlite's `username` option), made in the
// holder by its bootstrap superuser `postgres`, and renames `postgres` first: a session
// may rename any role but its own session user, and a form's owner (or the hosted
// administrator RDS and Cloud SQL name) is very often `postgres`.
async function fresh(plan) {
  const { PGlite, wasmModule, fsBundle, holder } = await load();
  await once(holder, plan.make_superuser);
  await once(holder, plan.create_database);
  const loadDataDir = await holder.dumpDataDir("none");
  const db = new PGlite({
    loadDataDir, database: plan.database, username: plan.superuser, wasmModule, fsBundle,
    extensions: await extensions(plan),
  });
  await db.waitReady;
  try {
    await db.exec(plan.free_postgres);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

// One statement; its notices (PGlite's onNotice; its own DEBUG lines left out) and
// its error, if any.
async function statement(db, sql) {
  const entry = { sql, notices: [] };
  const onNotice = (n) => {
    if (n.severity !== "DEBUG" && n.severity !== "LOG") entry.notices.push({ severity: n.severity, message: n.message });
  };
  try {
    const res = await db.exec(sql, { onNotice });
    entry.rows = res.length ? res[res.length - 1].rows : [];
  } catch (e) {
    entry.error = { message: e.message, code: e.code, hint: e.hint, detail: e.detail };
  }
  return entry;
}

// A script statement by statement; it stops at the first error (the rest of a
// transaction would only say it is aborted) and rolls back what it began.
async function script(db, name, statements) {
  const step = { name, statements: [], errors: 0, warnings: 0 };
  for (const sql of statements) {
    const entry = await statement(db, sql);
    step.statements.push(entry);
    step.warnings += entry.notices.filter((n) => n.severity === "WARNING").length;
    if (entry.error) {
      step.errors += 1;
      await db.exec("ROLLBACK").catch(() => {});
      break;
    }
  }
  return step;
}

// Each try as the new user, inside a transaction rolled back after it: a refusal is
// PostgreSQL's insufficient_privilege (42501); any other error is reported as such.
async function probe(db, p) {
  await db.exec("BEGIN");
  const entry = await statement(db, p.sql);
  await db.exec("ROLLBACK");
  let got = "allowed";
  let rows;
  if (entry.error) got = entry.error.code === "42501" ? "refused" : "error";
  else if (p.expect === "rows") rows = Number(Object.values(entry.rows[0] ?? {})[0]);
  const ok = p.expect === "rows" ? got === "allowed" && rows === p.rows : got === p.expect;
  return { label: p.label, sql: p.sql, expect: p.expect, want_rows: p.rows, got, rows, ok, error: entry.error?.message };
}

export async function run(plan) {
  const started = performance.now();
  const db = await fresh(plan);
  const result = { steps: [], probes: [], verify: null, notes: plan.notes, plan };
  try {
    const su = async (name, list) => result.steps.push(await script(db, name, list));
    await su("stand-in database", plan.stand_in);
    if (result.steps.at(-1).errors) return finish(result, started, db);
    await db.exec(plan.as_runner);
    await su("setup", plan.setup);
    // A setup that fails changes nothing (its transaction is rolled back): there is no
    // user to verify, try or uninstall, so the run ends at the error.
    if (result.steps.at(-1).errors) return finish(result, started, db);
    await su("setup again", plan.setup);
    await db.exec(plan.as_superuser);
    await su("owner creates a table after setup", plan.later);
    const verify = await script(db, "verify", plan.verify);
    result.steps.push(verify);
    const rows = verify.statements.flatMap((s) => s.rows ?? []);
    result.verify = { rows, failed: rows.filter((r) => r.result !== "pass").length };
    await db.exec(plan.as_user);
    for (const p of plan.probes) result.probes.push(await probe(db, p));
    await db.exec(plan.as_runner);
    await su("uninstall", plan.uninstall);
    await su("uninstall again", plan.uninstall);
    await db.exec(plan.as_superuser);
    const left = await db.query(plan.role_count);
    result.role_left = Number(Object.values(left.rows[0])[0]);
  } catch (e) {
    await db.close();
    throw e;
  }
  return finish(result, started, db);
}

async function finish(result, started, db) {
  await db.close();
  const errors = result.steps.reduce((n, s) => n + s.errors, 0);
  const warnings = result.steps.reduce((n, s) => n + s.warnings, 0);
  const probesOk = result.probes.filter((p) => p.ok).length;
  const verify = result.verify ?? { rows: [], failed: 0 };
  result.ok = errors === 0 && warnings === 0 && verify.failed === 0 && verify.rows.length > 0 &&
    probesOk === result.probes.length && result.role_left === 0;
  result.summary = result.verify ? [
    `${errors} errors, ${warnings} warnings`,
    `verify ${verify.rows.length - verify.failed}/${verify.rows.length} pass`,
    `${probesOk}/${result.probes.length} tries as the new user as promised`,
    result.role_left === 0 ? "uninstalled twice, the user is gone" : "the user is still there after uninstall",
  ].join(" · ") : `setup failed (${errors} error${errors === 1 ? "" : "s"}, shown at its statement below): nothing was changed`;
  result.ms = Math.round(performance.now() - started);
  return result;
}

// --- rendering: text only (textContent), never the plan's text as HTML ---

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

function render(result, target) {
  const out = [el("p", { class: result.ok ? "gs-dry-ok" : "gs-error", "data-testid": "dry-run-summary" },
    (result.ok ? "Passed: " : "Not as promised: ") + result.summary)];
  for (const step of result.steps) {
    const list = el("ol", { class: "gs-dry-statements" });
    for (const s of step.statements) {
      const item = el("li", s.error ? { "data-testid": "dry-run-error" } : {}, el("pre", { class: "gs-dry-sql" }, s.sql));
      for (const n of s.notices) item.append(el("p", { class: n.severity === "WARNING" ? "gs-error" : "gs-hint" }, `${n.severity}: ${n.message}`));
      if (s.error) item.append(el("p", { class: "gs-error" }, `ERROR ${s.error.code ?? ""}: ${s.error.message}${s.error.hint ? ` (hint: ${s.error.hint})` : ""}`));
      list.append(item);
    }
    const n = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
    const head = `${step.name}: ${n(step.statements.length, "statement")}, ${n(step.errors, "error")}, ${n(step.warnings, "warning")}`;
    out.push(el("details", { "data-testid": `dry-run-step` , open: "" }, el("summary", {}, head), list));
    if (!step.errors) out[out.length - 1].removeAttribute("open");
  }
  if (result.verify) {
    const t = el("table", { class: "gs-dry-table", "data-testid": "dry-run-verify" },
      el("tr", {}, el("th", {}, "check"), el("th", {}, "object"), el("th", {}, "result")));
    for (const r of result.verify.rows) t.append(el("tr", {}, el("td", {}, String(r.check)), el("td", {}, String(r.object)), el("td", {}, String(r.result))));
    out.push(el("details", {}, el("summary", {}, `verify: ${result.verify.rows.length} rows, ${result.verify.failed} FAIL`), t));
  }
  const t = el("table", { class: "gs-dry-table", "data-testid": "dry-run-probes" },
    el("tr", {}, el("th", {}, "as the new user"), el("th", {}, "promised"), el("th", {}, "found")));
  for (const p of result.probes) {
    const want = p.expect === "rows" ? `${p.want_rows} rows` : p.expect;
    const got = p.got === "allowed" && p.expect === "rows" ? `${p.rows} rows` : p.got;
    t.append(el("tr", { class: p.ok ? "" : "gs-error" }, el("td", {}, p.label), el("td", {}, want), el("td", {}, got)));
  }
  out.push(el("details", { open: "" }, el("summary", {}, "what the new user may and may not do"), t));
  out.push(el("ul", { class: "gs-hint" }, ...result.notes.map((n) => el("li", {}, n))));
  target.replaceChildren(...out);
}

// One run at a time: a click during a run is left alone (the button's next click
// runs the form as it is then).
let busy = false;

async function dryRun(plan, target) {
  if (busy) return;
  busy = true;
  try {
    await show(plan, target);
  } finally {
    busy = false;
  }
}

async function show(plan, target) {
  target.replaceChildren(el("p", { class: "gs-hint", "data-testid": "dry-run-busy" }, "Running in PGlite…"));
  try {
    const result = await run(plan);
    window.grantsmithDryRunLast = result;
    render(result, target);
  } catch (e) {
    window.grantsmithDryRunLast = { failed: String(e) };
    target.replaceChildren(el("p", { class: "gs-error", "data-testid": "dry-run-summary" }, `The dry run could not run: ${e}`));
  }
}

if (typeof window !== "undefined") {
  // The results' own stylesheet, beside this module (style-src 'self' allows it; the
  // pages' stylesheet stays without it).
  if (!document.getElementById("gs-dry-run-style")) {
    document.head.append(el("link", { id: "gs-dry-run-style", rel: "stylesheet", href: new URL("dry-run.css", import.meta.url).href }));
  }
  window.grantsmithDryRun = dryRun;
  const pending = window.grantsmithDryRunPending;
  if (pending) {
    window.grantsmithDryRunPending = undefined;
    dryRun(pending.plan, pending.target);
  }
}
