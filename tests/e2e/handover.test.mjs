// The page most readers open (index.html, the original applet alone) hands the form
// over to the page that has what the reader picks (issue 30): a test per kind of
// hand-over checks that every field and option arrives, the parts that were open are
// open, and the control the reader used has the focus. The network test says which
// request each click made, all from the page's own origin. Issue 28's page items:
// Back after "Open the check" returns the filled form; all.html keeps the database in
// the URL, so a reload returns to it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Fills every field and option of the original's form, opens Advanced, generates. */
async function fill(page) {
  await tid(page, "host").fill("db.example.com");
  await tid(page, "port").fill("6432");
  await tid(page, "role").fill("etl_user");
  await tid(page, "database").fill("shop");
  await tid(page, "advanced").click();
  await tid(page, "scope-listed").check();
  await tid(page, "schemas").fill("sales, hr");
  await tid(page, "owners").fill("app_owner");
  await tid(page, "rls").check();
  await tid(page, "generate").click();
  await tid(page, "sql").waitFor();
}

/** Every field and option as the page shows them. */
async function form(page) {
  return {
    host: await tid(page, "host").inputValue(),
    port: await tid(page, "port").inputValue(),
    role: await tid(page, "role").inputValue(),
    database: await tid(page, "database").inputValue(),
    listed: await tid(page, "scope-listed").isChecked(),
    schemas: await tid(page, "schemas").inputValue(),
    owners: await tid(page, "owners").inputValue(),
    rls: await tid(page, "rls").isChecked(),
  };
}
const FILLED = { host: "db.example.com", port: "6432", role: "etl_user", database: "shop", listed: true, schemas: "sales, hr", owners: "app_owner", rls: true };

/** The id of the focused element, once the page has placed the focus. */
const focused = (page) => page.waitForFunction(() => document.activeElement?.id || null).then((h) => h.jsonValue());

const KINDS = [
  // The preset's own form: its fields, as that page's picker would switch them.
  { kind: "a preset", to: /\/postgres\.html#/, act: (p) => tid(p, "preset").selectOption("connector-rw"), focus: "gs-preset", preset: true,
    after: async (p) => {
      assert.equal(await tid(p, "preset").inputValue(), "connector-rw");
      for (const f of ["host", "port", "role", "database"]) assert.equal(await tid(p, f).inputValue(), FILLED[f]);
      assert.match(await tid(p, "sql").textContent(), /"sales"/);
    } },
  { kind: "a client form", to: /\/postgres\.html#/, act: (p) => tid(p, "client").selectOption("jdbc"), focus: "gs-client",
    after: async (p) => { assert.equal(await tid(p, "client").inputValue(), "jdbc"); assert.match(await tid(p, "conn").textContent(), /jdbc:postgresql:\/\/db\.example\.com:6432\/shop/); } },
  { kind: "a provider", to: /\/postgres\.html#/, act: (p) => tid(p, "provider").selectOption("cloudsql"), focus: "gs-provider",
    after: async (p) => assert.equal(await tid(p, "provider").inputValue(), "cloudsql") },
  { kind: "a password", to: /\/postgres\.html#/, act: (p) => tid(p, "password-entry").click(), focus: "gs-password",
    after: async (p) => assert.equal(await tid(p, "password").isVisible(), true) },
  { kind: "verify, inspect and uninstall", to: /\/postgres\.html#/, act: (p) => tid(p, "open-more").click(), focus: "gs-more",
    after: async (p) => assert.match(await tid(p, "verify-sql").textContent(), /etl_user/) },
  { kind: "the drift check", to: /\/all\.html#/, act: (p) => tid(p, "open-check").click(), focus: "gs-drift-paste",
    after: async (p) => assert.equal(await tid(p, "drift-paste").isVisible(), true) },
];

for (const k of KINDS) {
  test(`hand-over for ${k.kind}: every field and option, the open parts and the focus arrive`, async () => {
    const { page, context, errors } = await openApp(browser, srv.url);
    await fill(page);
    await Promise.all([page.waitForURL(k.to), k.act(page)]);
    await tid(page, "generate").waitFor();
    if (!k.preset) {
      assert.deepEqual(await form(page), FILLED);
      assert.equal(await page.locator("#gs-advanced").count(), 1, "Advanced was open: it is open");
    }
    assert.equal(await tid(page, "sql").isVisible(), true, "the output was shown: it is shown");
    assert.equal(await focused(page), k.focus);
    await k.after(page);
    // Back returns this form on the page it was typed in.
    await page.goBack();
    await tid(page, "host").waitFor();
    assert.doesNotMatch(page.url(), /postgres\.html|all\.html/);
    assert.deepEqual(await form(page), FILLED);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("another database opens the all-databases page on its start, as its own picker would", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await tid(page, "host").fill("db.example.com");
  await Promise.all([page.waitForURL(/\/all\.html#/), tid(page, "dialect").selectOption("mysql")]);
  await tid(page, "generate").waitFor();
  assert.equal(await tid(page, "dialect").inputValue(), "mysql");
  assert.equal(await focused(page), "gs-db");
  await page.goBack();
  await tid(page, "host").waitFor();
  assert.equal(await tid(page, "host").inputValue(), "db.example.com");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the network: each click's requests, all from the page's origin, nothing typed in them", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const origin = new URL(srv.url).origin;
  let seen = [];
  page.on("request", (r) => seen.push(r.url()));
  await fill(page);
  assert.deepEqual(seen, [], "typing and Generate fetch nothing");
  await Promise.all([page.waitForURL(/\/postgres\.html#/), tid(page, "preset").selectOption("metadata")]);
  await tid(page, "generate").waitFor();
  const preset = seen.map((u) => new URL(u));
  for (const u of preset) {
    assert.equal(u.origin, origin);
    assert.equal(u.search, "", "no query string");
  }
  assert.deepEqual(preset.map((u) => u.pathname.replace(/-[0-9a-f]{16}/, "-HASH")).sort(),
    ["/grantsmith-HASH.js", "/grantsmith-HASH_bg.wasm", "/main-HASH.css", "/postgres.html"].sort(),
    "picking a preset fetched the PostgreSQL page, its glue, its wasm and the CSS");
  seen = [];
  await tid(page, "generate").click();
  await tid(page, "client").selectOption("jdbc");
  assert.deepEqual(seen, [], "on the fuller page, Generate and a client form fetch nothing");
  await context.close();
});

test("Back after the PostgreSQL page's 'Open the check' returns the filled form (issue 28)", async () => {
  const { page, context } = await openApp(browser, `${srv.url}postgres.html`);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "role").fill("etl_user");
  await tid(page, "password").fill("hunter2-secret");
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Check what the database has" }).click();
  assert.match(await page.locator("p", { hasText: "Back returns this form" }).textContent(), /the password only if the browser kept the page/);
  await Promise.all([page.waitForURL(/\/all\.html#/), tid(page, "open-check").click()]);
  assert.doesNotMatch(page.url(), /hunter2/);
  await tid(page, "drift-paste").waitFor();
  await page.goBack();
  await tid(page, "host").waitFor();
  assert.match(page.url(), /\/postgres\.html#/);
  assert.equal(await tid(page, "host").inputValue(), "db.example.com");
  assert.equal(await tid(page, "role").inputValue(), "etl_user");
  const pw = await tid(page, "password").inputValue();
  assert.ok(pw === "" || pw === "hunter2-secret", "the password is the browser's to keep or not");
  assert.doesNotMatch(page.url(), /hunter2/, "never in the URL");
  await context.close();
});

test("all.html keeps the chosen database in the URL: a reload returns to it (issue 28)", async () => {
  const { page, context } = await openApp(browser, `${srv.url}all.html`);
  await tid(page, "dialect").selectOption("snowflake");
  await until(() => page.url().includes("db=snowflake"));
  await page.reload();
  await tid(page, "generate").waitFor();
  assert.equal(await tid(page, "dialect").inputValue(), "snowflake");
  await context.close();
});

/** Waits up to 2.5 s for `f()` to be true. */
async function until(f) {
  for (let i = 0; i < 50 && !(await f()); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await f());
}
