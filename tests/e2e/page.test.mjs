// The page as shipped: nothing leaves it, the CSP holds, the single-file build works
// from file://, the docs embed survives a hostile page, themes and narrow screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, startServer, openApp, tid, golden, DIST, ARTIFACTS, originalStatements } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("the served page has a strict CSP naming no other origin", async () => {
  for (const page of ["index.html", "postgres.html", "all.html"]) checkCsp(fs.readFileSync(path.join(DIST, page), "utf8"));
});

function checkCsp(html) {
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  // The CSP comes before any script, so it governs them all.
  assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"));
  // Before it, only hints for the page's own three files, each with its integrity hash
  // (scripts/postbuild.mjs, earlyHints): the preload scanner reads them at once.
  const head = html.slice(0, html.indexOf("<meta http-equiv"));
  const hints = [...head.matchAll(/<link [^>]*>/g)].map((m) => m[0]);
  assert.equal(hints.length, 3, head);
  for (const h of hints) {
    assert.match(h, /rel="?(preload|modulepreload)"?/);
    assert.match(h, /href="?\.\/(grantsmith-[0-9a-f]+(_bg\.wasm|\.js)|main-[0-9a-f]+\.css)"?[ >]/);
    assert.match(h, /integrity="?sha384-/);
  }
  assert.doesNotMatch(head, /<script|<style/);
  // No frame of the empty page: the loader holds rendering until the app is mounted.
  assert.match(html, /<script type="?module"? blocking="?render"?>\s*import init/);
}

for (const [name, at] of [["the default page", ""], ["the PostgreSQL page", "postgres.html"]]) test(`${name}: after load, filling every field, generating and copying makes zero requests`, async () => {
  srv.requests.length = 0;
  const { page, context, errors } = await openApp(browser, srv.url + at);
  const seen = [];
  page.on("request", (r) => seen.push(r.url()));
  const loadRequests = srv.requests.slice();
  await page.waitForLoadState("networkidle");
  const afterLoad = srv.requests.length;
  seen.length = 0;
  await tid(page, "host").fill("db.internal.example.com");
  await tid(page, "port").fill("6432");
  await tid(page, "role").fill("secret_role");
  await tid(page, "database").fill("secret_db");
  // The default page has no password field (the original has none).
  if (at) {
    await tid(page, "password").fill("secret-password");
    await tid(page, "generate-password").click();
  }
  await tid(page, "advanced").click();
  await tid(page, "scope-listed").check();
  await tid(page, "schemas").fill("s1, s2");
  await tid(page, "owners").fill("owner_x");
  await tid(page, "rls").check();
  await tid(page, "generate").click();
  await tid(page, "copy-sql").click();
  await tid(page, "copy-conn").click();
  await tid(page, "ns-schema").fill("later");
  await tid(page, "ns-copy").click();
  await page.waitForTimeout(300);
  assert.deepEqual(seen, [], "browser requests after load");
  assert.equal(srv.requests.length, afterLoad, "server requests after load");
  for (const u of loadRequests) assert.ok(!/secret/.test(u), u);
  // Each of the page's files once: the early hints and the fetches that use them are one
  // request each, not two.
  const loaded = srv.requests.slice(0, afterLoad);
  assert.deepEqual(loaded.filter((u, i) => loaded.indexOf(u) !== i), [], `a file asked for twice: ${loaded}`);
  assert.deepEqual(errors, []); // no CSP violation either
  await context.close();
});

test("no request to another origin at any time", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const origins = new Set();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  await page.reload();
  await tid(page, "host").waitFor();
  for (const o of origins) assert.equal(o, new URL(srv.url).origin);
  await context.close();
});

test("the single-file build works opened from disk, with no server", async () => {
  const file = path.join(DIST, "grantsmith-offline.html");
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gs-offline-")), "grantsmith.html");
  fs.copyFileSync(file, copy); // alone in its folder: nothing else to load
  const { page, context, errors } = await openApp(browser, `file://${copy}`);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  assert.equal(originalStatements(await tid(page, "sql").textContent()), golden("default.sql"));
  await tid(page, "copy-sql").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-sql"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "sql").textContent());
  assert.equal(originalStatements(await page.evaluate(() => navigator.clipboard.readText())), golden("default.sql"));
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  const html = fs.readFileSync(file, "utf8");
  assert.match(html, /connect-src 'none'/);
  // A profile travels in the saved file's fragment, as in a link to it.
  const profile = "product=Acme+Sync&databases=postgresql&preset=connector-ro&role=acme&fixed=preset&note-host=From+the+Acme+console";
  await page.goto(`file://${copy}#${profile}`);
  await page.reload(); // a new fragment alone does not reload the page
  await tid(page, "host-note").waitFor();
  requests.length = 0; // the reload itself; nothing after it
  assert.equal(await page.locator('label[for="gs-role"]').textContent(), "Acme Sync user name");
  assert.equal(await tid(page, "preset").isDisabled(), true);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("shop");
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /^-- For Acme Sync\. Written by Grantsmith\.\n[\s\S]*"acme"/);
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the docs embed: starting values, self-sizing, hostile page styles, copy in the iframe", async () => {
  const host = `<!doctype html><html><head><style>
      iframe { all: unset !important; }
      div, input, button, pre, code { font-size: 40px !important; color: red !important; display: inline !important; }
      .gs, .gs-btn, .gs-card { background: lime !important; }
    </style></head><body>
    <h1 class="gs-title">Docs page</h1><p class="gs-error">not ours</p>
    <div id="here" data-grantsmith data-host="db.example.com" data-role="reporting" data-scope="listed" data-schemas="sales"></div>
    <div id="mysql" data-grantsmith data-db="mysql" data-preset="connector-rw" data-client-host="10.0.%" data-schemas="shop"></div>
    <script src="embed.js"></script></body></html>`;
  fs.writeFileSync(path.join(DIST, "embed-test.html"), host);
  const { page, context } = await (async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 900, height: 700 } });
    const page = await context.newPage();
    await page.goto(srv.url + "embed-test.html");
    return { context, page };
  })();
  const frame = page.frameLocator("#here iframe");
  await frame.getByTestId("host").waitFor();
  assert.equal(await frame.getByTestId("host").inputValue(), "db.example.com");
  assert.equal(await frame.getByTestId("role").inputValue(), "reporting");
  await frame.getByTestId("generate").click();
  assert.match(await frame.getByTestId("sql").textContent(), /-- Grants for schema sales\n/);
  // The frame grows to its content (no inner scrollbar).
  await page.waitForFunction(() => {
    const f = document.querySelector("#here iframe");
    return f.contentDocument && Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) < 2;
  });
  // Our styles did not leak out, the page's did not get in.
  assert.equal(await page.locator("h1").evaluate((e) => getComputedStyle(e).fontSize), "32px"); // not our .gs-title
  assert.equal(await page.locator("p.gs-error").evaluate((e) => getComputedStyle(e).color), "rgb(0, 0, 0)");
  assert.notEqual(await frame.getByTestId("generate").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(0, 255, 0)");
  await frame.getByTestId("copy-conn").click();
  await frame.getByTestId("copy-conn").filter({ hasText: "Copied!" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    "postgresql://reporting:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres");
  // A second embed, for another database: data-db, data-preset and data-client-host.
  const my = page.frameLocator("#mysql iframe");
  await page.locator("#mysql").scrollIntoViewIfNeeded(); // the frames load lazily
  await my.getByTestId("generate").waitFor();
  assert.equal(await my.getByTestId("dialect").inputValue(), "mysql");
  assert.equal(await my.getByTestId("preset").inputValue(), "connector-rw");
  assert.equal(await my.getByTestId("client-host").inputValue(), "10.0.%");
  await my.getByTestId("host").fill("db.example.com");
  await my.getByTestId("generate").click();
  assert.match(await my.getByTestId("sql").textContent(), /ON `shop`\.\* TO 'dagflux'@'10\.0\.%';/);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, "embed.png") });
  fs.rmSync(path.join(DIST, "embed-test.html"));
  await context.close();
});

test("dark theme follows the system setting; 320 px wide stays readable", async () => {
  const { page, context } = await openApp(browser, srv.url + "#host=db.example.com&rls=1", { colorScheme: "dark", width: 320 });
  await tid(page, "advanced").click();
  await tid(page, "generate").click();
  const bg = await page.locator(".gs-card").first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, "rgb(17, 24, 39)");
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await page.screenshot({ path: path.join(ARTIFACTS, "dark-320.png"), fullPage: true });
  await context.close();
});
