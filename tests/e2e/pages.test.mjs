// Three pages from one build: the default page (index.html, the original applet alone)
// and the PostgreSQL page (postgres.html) carry no other database's code; picking
// another database, a link or an embed starting on one, opens the all-databases page
// (all.html) from the same origin, keeping the profile, the access and the theme, and
// nothing typed travels in a request. An embed loads the smallest page that serves it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, openApp, tid, golden, pickDb, DIST, originalStatements } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The wasm file a page names. */
const wasmOf = (page) => fs.readFileSync(path.join(DIST, page), "utf8").match(/[\w-]+_bg\.wasm/)[0];

test("each page's wasm is its own: the default page's smaller than the PostgreSQL page's, smaller than all.html's", () => {
  const [first, pg, all] = [wasmOf("index.html"), wasmOf("postgres.html"), wasmOf("all.html")];
  assert.equal(new Set([first, pg, all]).size, 3);
  const size = (f) => fs.statSync(path.join(DIST, f)).size;
  assert.ok(size(first) < size(pg) && size(pg) < size(all), `${size(first)} < ${size(pg)} < ${size(all)}`);
});

test("picking another database opens the all-databases page with the profile, access and theme", async () => {
  const profile = "product=Acme&databases=postgresql,mysql&theme=dark&accent=%237c3aed";
  const { page, context, errors } = await openApp(browser, `${srv.url}#${profile}`);
  await tid(page, "preset").selectOption("connector-rw");
  const seen = [];
  page.on("request", (r) => seen.push(r.url()));
  await pickDb(page, "mysql");
  assert.match(page.url(), /\/all\.html#/);
  assert.equal(await tid(page, "preset").inputValue(), "connector-rw", "the access picked before");
  assert.equal(await page.locator('label[for="gs-role"]').textContent(), "Acme user name");
  assert.deepEqual(await tid(page, "dialect").locator("option").evaluateAll((o) => o.map((e) => e.value)),
    ["postgresql", "mysql"]);
  assert.equal(await page.locator("html").getAttribute("data-gs-theme"), "dark");
  assert.equal(await tid(page, "generate").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(124, 58, 237)");
  // Only the same origin's files, and no fragment (nothing typed) in any request.
  for (const u of seen) {
    assert.equal(new URL(u).origin, new URL(srv.url).origin, u);
    assert.ok(!u.includes("#"), u);
  }
  // Back to PostgreSQL stays in this page, which writes the original's script too.
  await pickDb(page, "postgresql");
  await tid(page, "preset").selectOption("original");
  assert.match(page.url(), /\/all\.html#/);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  // The original's script under the product: its header and comment, then the rest
  // byte for byte.
  const sql = await tid(page, "sql").textContent();
  const unbranded = golden("default.sql").replace("-- Create the dreamlit_app user\n", "");
  assert.ok(sql.startsWith("-- For Acme. Written by Grantsmith.\n-- Run in database "), sql);
  assert.equal(originalStatements(sql), "-- Create the Acme user\n" + unbranded);
  assert.match(sql, /COMMENT ON ROLE "dreamlit_app" IS 'Grantsmith: Acme user, made by its setup script';/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link starting on another database lands on the all-databases page", async () => {
  const { page, context, errors } = await openApp(browser, `${srv.url}#db=snowflake&host=myorg-acme&database=shop`);
  assert.match(page.url(), /\/all\.html#db=snowflake&host=myorg-acme&database=shop/);
  assert.equal(await tid(page, "host").inputValue(), "myorg-acme");
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /CREATE USER IF NOT EXISTS DAGFLUX/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an embed opens the smallest page that serves it: another database all.html, a preset or profile postgres.html", async () => {
  const file = path.join(DIST, "pages-embed.html");
  fs.writeFileSync(file, `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <grantsmith-builder id="pg" host="db.example.com"></grantsmith-builder>
    <grantsmith-builder id="my" db="mysql"></grantsmith-builder>
    <grantsmith-builder id="sf" product="Acme" databases="snowflake,postgresql"></grantsmith-builder>
    <grantsmith-builder id="rw" preset="connector-rw" host="db.example.com"></grantsmith-builder>
    <grantsmith-builder id="acme" product="Acme"></grantsmith-builder>
    <script src="embed.js"></script></body></html>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${srv.url}pages-embed.html`);
  const src = (id) => page.locator(`#${id}`).evaluate((e) => new URL(e.shadowRoot.querySelector("iframe").src).pathname);
  assert.equal(await src("pg"), "/index.html");
  assert.equal(await src("my"), "/all.html");
  assert.equal(await src("sf"), "/all.html");
  // A preset or a profile: the PostgreSQL page at once, no hand-over.
  assert.equal(await src("rw"), "/postgres.html");
  assert.equal(await src("acme"), "/postgres.html");
  const frame = page.frameLocator("#my iframe");
  await page.locator("#my").scrollIntoViewIfNeeded(); // the frames load lazily
  await frame.getByTestId("client-host").waitFor();
  assert.equal(await frame.getByTestId("dialect").inputValue(), "mysql");
  await context.close();
  fs.rmSync(file);
});
