// The dry run (issue 33): "Try it here" runs the PostgreSQL setup script in PGlite
// inside the tab. For the original applet (all schemas and listed, RLS on and off) and
// each PostgreSQL preset: zero errors and warnings, setup twice, verify all pass, every
// try as the new user as the preset promises (reads allowed, writes refused where
// promised, RLS rows seen through the policy), uninstall clean twice and the role
// gone. The network test: nothing before the click; on the click only the page's own
// files (dry-run.js and dist/pglite/), and nothing typed in any request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, startServer, openApp, tid, DIST, ARTIFACTS } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

const HOST = "host=db.example.com";
const LISTED = "scope=listed&schemas=sales%2C%20weird%22q'x&owners=postgres%2C%20app_owner&database=Prod'DB";
const SB = "db.abcdefghijklmnop.supabase.co";
const AIVEN = "app-pg-myproject.aivencloud.com";
const TS = "ab12cd34ef.x1y2z3w4v5.tsdb.cloud.timescale.com";
const SB_TABLES = ["read auth.users", "read storage.objects", "read vault.secrets"];
const CASES = [
  { name: "original, all schemas", frag: HOST },
  { name: "original, listed, RLS on", frag: `${HOST}&${LISTED}&rls=1`, rls: true },
  { name: "original, listed, RLS off", frag: `${HOST}&${LISTED}` },
  { name: "metadata", frag: `preset=metadata&${HOST}&database=appdb` },
  { name: "read/write connector", frag: `preset=connector-rw&${HOST}&database=appdb&schemas=sales%2C%20public&owners=app_owner`,
    allowed: ["insert into \"sales\".\"dry_run_table\"", "create a table in \"sales\""] },
  { name: "read-only connector", frag: `preset=connector-ro&${HOST}&database=appdb&schemas=sales%2C%20public&owners=app_owner`,
    refused: ["insert into \"sales\".\"dry_run_table\"", "delete from \"public\".\"dry_run_table\""],
    // The reader adds a schema their database has and the form leaves out (hr), and
    // one it lists (sales, which stays in scope).
    also: "hr, sales", outOfScope: ["read \"hr\".\"dry_run_table\"", "read \"hr\".\"dry_run_view\"", "call \"hr\".\"dry_run_fn\"()"] },
  { name: "custom privileges", frag: `preset=custom&${HOST}&database=appdb&schemas=sales&privileges=database.CONNECT%2Cschema.USAGE%2Ctable.SELECT%2Ctable.UPDATE%2Csequence.USAGE%2Cfuture`,
    allowed: ["update \"sales\".\"dry_run_table\"", "nextval(\"sales\".\"dry_run_seq\")"], refused: ["read \"sales\".\"dry_run_seq\"", "insert into \"sales\".\"dry_run_table\""] },
  // A hosted provider: the script runs as its administrator's stand-in (RDS's master
  // user, a member of rds_superuser, not a superuser), as the real-server tests build it.
  { name: "read-only connector on RDS", frag: `preset=connector-ro&host=app.c9akciq32.eu-west-1.rds.amazonaws.com&database=appdb&schemas=sales` },
  // A form the project knows fails: a listed schema owned by a role the administrator
  // is not a member of (no future objects, so the stand-in grants no membership), so it
  // may not grant there (the exception in src/core/backend/postgres/hosted.rs).
  { name: "RDS, a schema another owner holds", frag: `preset=custom&host=app.c9akciq32.eu-west-1.rds.amazonaws.com&database=appdb&schemas=sales&owners=app_owner&privileges=database.CONNECT%2Cschema.USAGE%2Ctable.SELECT`,
    fails: /^Schema sales does not exist here, or rds_master may not grant on it$/ },
  // Supabase: its administrator's stand-in (sb_postgres) and platform schemas, as
  // tests/realdb/providers.rs builds them; "all schemas" leaves auth, storage and
  // vault out, so the new user cannot read their tables.
  { name: "Supabase, all schemas", frag: `host=${SB}&database=appdb&owners=sb_postgres`, refused: SB_TABLES },
  { name: "Supabase, listed", frag: `preset=connector-ro&host=${SB}&database=appdb&schemas=sales` },
  // Aiven: avnadmin's stand-in (not a superuser; CREATEDB, CREATEROLE, REPLICATION),
  // as tests/realdb/providers.rs builds it.
  { name: "Aiven, all schemas, RLS on", frag: `host=${AIVEN}&database=appdb&owners=avnadmin&rls=1`, rls: true, runner: "avnadmin" },
  { name: "Aiven, listed", frag: `preset=connector-ro&host=${AIVEN}&database=appdb&schemas=sales`, runner: "avnadmin" },
  // Timescale: tsdbadmin's stand-in with look-alikes of TimescaleDB's schemas; "all
  // schemas" leaves them out, so the closed bgw_job_stat_history stays closed.
  { name: "Timescale, all schemas", frag: `host=${TS}&database=tsdb&owners=tsdbadmin`, runner: "tsdbadmin",
    refused: ["read _timescaledb_internal.bgw_job_stat_history"] },
  { name: "Timescale, listed", frag: `preset=connector-ro&host=${TS}&database=tsdb&schemas=sales`, runner: "tsdbadmin" },
];

/** Clicks "Try it here" and waits for the result object the module leaves. */
async function dryRun(page, also) {
  await page.evaluate(() => { window.grantsmithDryRunLast = undefined; });
  await tid(page, "generate").click();
  if (also) await tid(page, "dry-run-also").fill(also);
  await tid(page, "dry-run-button").click();
  await page.waitForFunction(() => window.grantsmithDryRunLast, null, { timeout: 60000 });
  return page.evaluate(() => window.grantsmithDryRunLast);
}

function assertClean(name, r) {
  assert.equal(r.failed, undefined, `${name}: ${r.failed}`);
  for (const s of r.steps) {
    const bad = s.statements.filter((x) => x.error || x.notices.some((n) => n.severity === "WARNING"));
    assert.deepEqual(bad, [], `${name}: ${s.name}`);
  }
  assert.deepEqual(r.steps.map((s) => s.name), ["stand-in database", "setup", "setup again", "owner creates a table after setup", "verify", "uninstall", "uninstall again"]);
  assert.ok(r.verify.rows.length > 5, `${name}: verify rows`);
  assert.deepEqual(r.verify.rows.filter((x) => x.result !== "pass"), [], name);
  assert.deepEqual(r.probes.filter((p) => !p.ok), [], name);
  assert.equal(r.role_left, 0, name);
  assert.ok(r.ok, name);
}

test("every PostgreSQL preset and the original run clean in PGlite, as promised", async () => {
  const { context, page, errors } = await openApp(browser, `${srv.pg}#${CASES[0].frag}`);
  const started = Date.now();
  for (const c of CASES) {
    // A new document per form (the form is read from the fragment at start), so
    // PGlite starts again for each: about 3 s of the test's time per form.
    await page.goto(`${srv.pg}?case=${encodeURIComponent(c.name)}#${c.frag}`);
    await tid(page, "generate").waitFor();
    const r = await dryRun(page, c.also);
    if (c.fails) {
      // Shown at the statement that raised it; setup stops there, nothing else runs.
      const setup = r.steps.find((x) => x.name === "setup");
      assert.equal(setup.errors, 1, c.name);
      assert.match(setup.statements.at(-1).error.message, c.fails);
      assert.deepEqual(r.steps.map((x) => x.name), ["stand-in database", "setup"]);
      assert.ok(!r.ok);
      assert.match(await tid(page, "dry-run-error").textContent(), /rds_master may not grant on it/);
      assert.match(await tid(page, "dry-run-summary").textContent(), /^Not as promised: setup failed \(1 error/);
      continue;
    }
    assertClean(c.name, r);
    if (c.runner) assert.equal(r.plan.as_runner, `SET SESSION AUTHORIZATION "${c.runner}"`, c.name);
    const got = (label) => r.probes.find((p) => p.label === label)?.got;
    for (const l of c.outOfScope ?? []) assert.equal(got(l), "refused", `${c.name}: ${l}`);
    for (const l of c.allowed ?? []) assert.equal(got(l), "allowed", `${c.name}: ${l}`);
    for (const l of c.refused ?? []) assert.equal(got(l), "refused", `${c.name}: ${l}`);
    // The schema the form leaves out stays out of reach.
    const out = r.probes.filter((p) => p.label.includes("dry_run_unlisted"));
    assert.ok(out.every((p) => p.got === "refused"), c.name);
    if (/listed|connector|custom/.test(c.name)) assert.ok(out.length > 0, c.name);
    if (c.rls) assert.equal(r.probes.find((p) => p.label.includes("seen through RLS")).rows, 3);
    assert.match(await tid(page, "dry-run-summary").textContent(), /^Passed: 0 errors, 0 warnings/);
  }
  console.log(`dry run: ${CASES.length} forms in ${Date.now() - started} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("all.html has the button too; the read-only user's write is refused there", async () => {
  const { context, page } = await openApp(browser, `${srv.url}all.html#${CASES[5].frag}`);
  const r = await dryRun(page);
  assertClean("all.html", r);
  await context.close();
});

test("network, screenshot, then a failing form's error at the statement that raised it", async () => {
  const { context, page } = await openApp(browser, `${srv.pg}#${HOST}&${LISTED}&rls=1`, { width: 900 });
  const seen = [];
  page.on("request", (q) => seen.push({ url: q.url(), post: q.postData() }));
  await tid(page, "generate").click();
  await page.waitForTimeout(300);
  assert.deepEqual(seen, [], "a request before the click");
  const first = await dryRun(page);
  assert.ok(first.ok);
  const origin = new URL(srv.url).origin;
  const paths = [...new Set(seen.map((s) => new URL(s.url).pathname))].sort();
  assert.ok(seen.every((s) => new URL(s.url).origin === origin), JSON.stringify(seen));
  assert.deepEqual(paths.filter((p) => !/^\/pglite\/chunk-[A-Z0-9]+\.js$/.test(p)), [
    "/dry-run.css", "/dry-run.js", "/pglite/contrib/pgcrypto.js", "/pglite/index.js", "/pglite/pgcrypto.tar.gz", "/pglite/pglite.data", "/pglite/pglite.wasm",
  ]);
  for (const s of seen) {
    for (const typed of ["Prod", "weird", "app_owner", "sales"]) {
      assert.ok(!decodeURIComponent(s.url).includes(typed) && !(s.post ?? "").includes(typed), `${typed} in ${s.url}`);
    }
  }
  await page.locator(".gs-dry-run").screenshot({ path: path.join(ARTIFACTS, "dry-run.png") });

  // The database already has a role of the new user's name that no Grantsmith script
  // made: the setup's first check refuses to touch it (src/core/backend/postgres/guard.rs).
  const plan = { ...first.plan, stand_in: [...first.plan.stand_in, `CREATE ROLE "dreamlit_app" LOGIN`] };
  await page.evaluate((p) => { window.grantsmithDryRunLast = undefined; window.grantsmithDryRun(p, document.getElementById("gs-dry-run-out")); }, plan);
  await page.waitForFunction(() => window.grantsmithDryRunLast);
  const r = await page.evaluate(() => window.grantsmithDryRunLast);
  const setup = r.steps.find((x) => x.name === "setup");
  const failed = setup.statements.at(-1);
  assert.equal(setup.errors, 1);
  assert.match(failed.sql, /already exists and was not made by a Grantsmith setup script/);
  assert.equal(failed.error.code, "P0001");
  assert.equal(setup.statements.length, plan.setup.indexOf(failed.sql) + 1, "stops at the failing statement");
  assert.ok(!r.ok);
  const shown = await tid(page, "dry-run-error").first().textContent();
  assert.match(shown, /ERROR P0001: Role dreamlit_app already exists and was not made by a Grantsmith setup script/);
  assert.match(await tid(page, "dry-run-summary").textContent(), /^Not as promised: /);
  await context.close();
});

// An owner other than the provider's administrator: the script sets its default
// privileges, which PostgreSQL 16+ allows only with the owner's privileges, so the
// stand-in grants the owner to the administrator (as the real server needs), and the
// notes say so. Without that grant the setup's first check stops, naming both roles.
test("RDS with an owner other than the administrator: granted and said; without the grant the first check stops", async () => {
  const frag = "preset=connector-ro&host=app.c9akciq32.eu-west-1.rds.amazonaws.com&database=appdb&schemas=sales&owners=app_owner";
  const { context, page } = await openApp(browser, `${srv.pg}#${frag}`);
  const first = await dryRun(page);
  assertClean("RDS owner", first);
  const grant = 'GRANT "app_owner" TO "rds_master"';
  assert.ok(first.plan.stand_in.includes(grant));
  assert.ok(first.notes.some((n) => n.startsWith("Owners app_owner: the stand-in grants each to rds_master,")), String(first.notes));
  const plan = { ...first.plan, stand_in: first.plan.stand_in.filter((x) => x !== grant) };
  await page.evaluate((p) => { window.grantsmithDryRunLast = undefined; window.grantsmithDryRun(p, document.getElementById("gs-dry-run-out")); }, plan);
  await page.waitForFunction(() => window.grantsmithDryRunLast);
  const r = await page.evaluate(() => window.grantsmithDryRunLast);
  const setup = r.steps.find((x) => x.name === "setup");
  assert.equal(setup.errors, 1);
  assert.equal(setup.statements.length, 2, "BEGIN, then the checks stop it");
  assert.equal(setup.statements[1].error.code, "P0001");
  assert.match(setup.statements[1].error.message, /^Role rds_master may not set default privileges for table owner app_owner: nothing was changed$/);
  assert.ok(!r.ok);
  assert.match(await tid(page, "dry-run-error").first().textContent(), /GRANT app_owner TO rds_master WITH INHERIT TRUE/);
  await context.close();
});

// RDS's master user is very often named postgres and owns the tables: the runner
// signs PGlite in as dry_run_superuser and renames PGlite's own postgres, so the
// stand-in makes postgres a plain owner role and the script runs as rds_master.
test("RDS with owner postgres runs clean, as the master user's stand-in", async () => {
  const frag = "host=app.c9akciq32.eu-west-1.rds.amazonaws.com&database=appdb&scope=listed&schemas=sales%2C%20public&owners=postgres";
  const { context, page } = await openApp(browser, `${srv.pg}#${frag}`);
  const r = await dryRun(page);
  assertClean("RDS, owner postgres", r);
  assert.equal(r.plan.as_runner, 'SET SESSION AUTHORIZATION "rds_master"');
  assert.ok(r.plan.stand_in.includes('CREATE ROLE "postgres" NOLOGIN'), String(r.plan.stand_in));
  assert.ok(r.plan.stand_in.includes('GRANT "postgres" TO "rds_master"'));
  assert.ok(r.notes.some((n) => n.startsWith("Owners postgres: the stand-in grants each to rds_master,")), String(r.notes));
  // The owner's table made after setup is reached through postgres's default privileges.
  assert.ok(r.probes.some((p) => p.label.includes("dry_run_later") && p.ok), JSON.stringify(r.probes.map((p) => p.label)));
  assert.equal(await tid(page, "dry-run-summary").getAttribute("class"), "gs-dry-ok");
  await context.close();
});

test("index.html hands the form over to postgres.html, which runs the dry run on arrival", async () => {
  const { context, page } = await openApp(browser, `${srv.url}#${HOST}&${LISTED}`);
  await tid(page, "generate").click();
  await Promise.all([page.waitForURL(/\/postgres\.html#/), tid(page, "dry-run-button").click()]);
  // The form travels in the fragment (never sent); the run starts without another click.
  assert.match(page.url(), /schemas=sales/);
  await page.waitForFunction(() => window.grantsmithDryRunLast, null, { timeout: 60000 });
  const r = await page.evaluate(() => window.grantsmithDryRunLast);
  assertClean("from index.html", r);
  assert.equal(r.plan.database, "Prod'DB");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "gs-dry-run-button");
  await context.close();
});

test("the offline single file says the dry run needs the served page, and loads nothing", async () => {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gs-offline-")), "grantsmith.html");
  fs.copyFileSync(path.join(DIST, "grantsmith-offline.html"), copy);
  const { context, page } = await openApp(browser, `file://${copy}#preset=connector-ro&${HOST}&database=appdb`);
  const requests = [];
  page.on("request", (q) => requests.push(q.url()));
  await tid(page, "generate").click();
  await tid(page, "dry-run-button").click();
  assert.match(await tid(page, "dry-run-message").textContent(), /needs the served page/);
  await page.waitForTimeout(300);
  assert.deepEqual(requests, []);
  await context.close();
});


// The dry run is the pages' one part loaded on demand (issue 30's rule for such a part):
// with its module, or PGlite's wasm, missing on the server, the click gives a message
// beside the button, no error escapes, and the form goes on generating.
test("a dry-run file missing on the server leaves the page working, with a message", async () => {
  for (const [missing, where, message] of [
    ["dry-run.js", "dry-run-message", /^The dry run's files \(dry-run\.js, pglite\/\) are not on this site/],
    [path.join("pglite", "pglite.wasm"), "dry-run-summary", /^The dry run could not run: /],
  ]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-missing-"));
    fs.cpSync(DIST, dir, { recursive: true, filter: (f) => path.relative(DIST, f) !== missing });
    assert.ok(!fs.existsSync(path.join(dir, missing)) && fs.existsSync(path.join(dir, "postgres.html")));
    const s = await startServer(dir);
    const { context, page, errors } = await openApp(browser, `${s.pg}#preset=connector-ro&${HOST}&database=appdb`);
    await tid(page, "generate").click();
    await tid(page, "dry-run-button").click();
    await tid(page, where).waitFor({ timeout: 30000 });
    if (where === "dry-run-summary") await page.waitForFunction(() => window.grantsmithDryRunLast, null, { timeout: 30000 });
    assert.match(await tid(page, where).textContent(), message, missing);
    // The server was asked for the missing file, and answered 404: it is the case tested.
    assert.ok(s.requests.some((u) => u.endsWith(`/${missing.split(path.sep).join("/")}`)), `${missing}: ${s.requests}`);
    // Still working: a changed field gives new SQL on Generate.
    await tid(page, "port").fill("5433");
    await tid(page, "generate").click();
    assert.match(await tid(page, "conn").textContent(), /:5433\/appdb/, missing);
    // A module that failed to load logs the 404 itself; nothing else may.
    assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), [], missing);
    await context.close();
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
