// The dry run (issue 33): "Try it here" runs the PostgreSQL setup script in PGlite
// inside the tab. For the original applet (all schemas and listed, RLS on and off) and
// each PostgreSQL preset: zero errors and warnings, setup twice, verify all pass, every
// try as the new user as the preset promises (reads allowed, writes refused where
// promised, RLS rows seen through the policy), uninstall clean twice and the role
// gone. The network test: nothing before the click; on the click only the page's own
// files (dry-run.js and dist/pglite/), and nothing typed in any request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

const HOST = "host=db.example.com";
const LISTED = "scope=listed&schemas=sales%2C%20weird%22q'x&owners=postgres%2C%20app_owner&database=Prod'DB";
const CASES = [
  { name: "original, all schemas", frag: HOST },
  { name: "original, listed, RLS on", frag: `${HOST}&${LISTED}&rls=1`, rls: true },
  { name: "original, listed, RLS off", frag: `${HOST}&${LISTED}` },
  { name: "metadata", frag: `preset=metadata&${HOST}&database=appdb` },
  { name: "read/write connector", frag: `preset=connector-rw&${HOST}&database=appdb&schemas=sales%2C%20public&owners=app_owner`,
    allowed: ["insert into \"sales\".\"dry_run_table\"", "create a table in \"sales\""] },
  { name: "read-only connector", frag: `preset=connector-ro&${HOST}&database=appdb&schemas=sales%2C%20public&owners=app_owner`,
    refused: ["insert into \"sales\".\"dry_run_table\"", "delete from \"public\".\"dry_run_table\""] },
  { name: "custom privileges", frag: `preset=custom&${HOST}&database=appdb&schemas=sales&privileges=database.CONNECT%2Cschema.USAGE%2Ctable.SELECT%2Ctable.UPDATE%2Csequence.USAGE%2Cfuture`,
    allowed: ["update \"sales\".\"dry_run_table\"", "nextval(\"sales\".\"dry_run_seq\")"], refused: ["read \"sales\".\"dry_run_seq\"", "insert into \"sales\".\"dry_run_table\""] },
];

/** Clicks "Try it here" and waits for the result object the module leaves. */
async function dryRun(page) {
  await page.evaluate(() => { window.grantsmithDryRunLast = undefined; });
  await tid(page, "generate").click();
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
    // A new document per form (the form is read from the fragment at start); PGlite's
    // files come from the browser's cache after the first.
    await page.goto(`${srv.pg}?case=${encodeURIComponent(c.name)}#${c.frag}`);
    await tid(page, "generate").waitFor();
    const r = await dryRun(page);
    assertClean(c.name, r);
    const got = (label) => r.probes.find((p) => p.label === label)?.got;
    for (const l of c.allowed ?? []) assert.equal(got(l), "allowed", `${c.name}: ${l}`);
    for (const l of c.refused ?? []) assert.equal(got(l), "refused", `${c.name}: ${l}`);
    // The schema the form leaves out stays out of reach.
    const out = r.probes.filter((p) => p.label.includes("dry_run_unlisted"));
    assert.ok(out.every((p) => p.got === "refused"), c.name);
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

test("network: nothing before the click, then only the page's own files, nothing typed", async () => {
  const { context, page } = await openApp(browser, `${srv.pg}#${HOST}&${LISTED}&rls=1`);
  const seen = [];
  page.on("request", (q) => seen.push({ url: q.url(), post: q.postData() }));
  await tid(page, "generate").click();
  await page.waitForTimeout(300);
  assert.deepEqual(seen, [], "a request before the click");
  const r = await dryRun(page);
  assert.ok(r.ok);
  const origin = new URL(srv.url).origin;
  const paths = [...new Set(seen.map((s) => new URL(s.url).pathname))].sort();
  assert.ok(seen.every((s) => new URL(s.url).origin === origin), JSON.stringify(seen));
  assert.ok(paths.includes("/dry-run.js") && paths.includes("/pglite/pglite.wasm") && paths.includes("/pglite/pglite.data"), paths.join(" "));
  assert.ok(paths.every((p) => p === "/dry-run.js" || p.startsWith("/pglite/")), paths.join(" "));
  for (const s of seen) {
    for (const typed of ["Prod", "weird", "app_owner", "sales"]) {
      assert.ok(!decodeURIComponent(s.url).includes(typed) && !(s.post ?? "").includes(typed), `${typed} in ${s.url}`);
    }
  }
  await context.close();
});
