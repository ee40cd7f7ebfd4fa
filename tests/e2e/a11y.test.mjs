// axe-core (npm) finds no accessibility violation on the page, in light and dark, with
// the form filled in and the output shown, with a message under a field and the drift
// check's table, nor in the docs embed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, DIST, ROOT, tid } from "./helpers.mjs";

const AXE = path.join(ROOT, "tests/e2e/node_modules/axe-core/axe.min.js");

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** axe's violations in `frame` (a page or a frame), as "rule: target" lines. */
async function violations(frame) {
  await frame.addScriptTag({ path: AXE });
  const result = await frame.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

for (const scheme of ["light", "dark"]) {
  test(`the page in ${scheme}: no axe violations, before and after Generate`, async () => {
    // axe is injected as a script: the page's CSP (which names only its own files) is
    // set aside for this context only.
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    // The default page and the PostgreSQL page (the presets' entry points and parts).
    for (const at of ["", "postgres.html"]) {
      await page.goto(srv.url + at);
      await tid(page, "generate").waitFor();
      assert.deepEqual(await violations(page), []);
      await tid(page, "host").fill("db.example.com");
      await tid(page, "advanced").click();
      await tid(page, "generate").click();
      assert.deepEqual(await violations(page), []);
    }
    await context.close();
  });
}

for (const scheme of ["light", "dark"]) {
  test(`the drift check in ${scheme}: no axe violations with its table and fix shown`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    // As the PostgreSQL page hands it over: the form in the fragment, the check open.
    await page.goto(`${srv.url}all.html#host=db.example.com&check`);
    await tid(page, "drift-paste").waitFor();
    await tid(page, "drift-paste").fill("not the output");
    await tid(page, "drift-error").waitFor();
    assert.deepEqual(await violations(page), []);
    await page.locator("summary", { hasText: "Verify, inspect and uninstall scripts" }).click();
    const tag = (await tid(page, "inspect-sql").textContent()).match(/current_user, '([0-9a-f]{8})'/)[1];
    const lines = [["grantsmith-inspect", "2", "dreamlit_app", "postgres", "exists", "postgres", tag],
      ["attr", "SUPERUSER"], ["database", "postgres", "CONNECT", ""], ["grantsmith-inspect-end", "2"]];
    await tid(page, "drift-paste").fill(lines.map((l) => l.join("\t")).join("\n"));
    await tid(page, "drift-table").waitFor();
    await tid(page, "fix-sql").waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}

for (const theme of ["light", "dark"]) {
  test(`a profiled docs embed (custom element) in a ${theme} docs page: no axe violations`, async () => {
    const file = path.join(DIST, `a11y-embed-${theme}.html`);
    // A vendor's profile: fixed and hidden fields, notes, a disabled preset picker, an accent.
    fs.writeFileSync(file, `<!doctype html><html lang="en" data-theme="${theme}"><head><title>Docs</title></head>
      <body><main><h1>Set up</h1><grantsmith-builder host="db.example.com" database="shop" product="Acme Sync"
        databases="postgresql,snowflake" preset="connector-rw" schemas="app, billing" fixed="schemas,preset"
        hide="owners" note-host="Settings → Database in your Acme console" accent="#7c3aed"></grantsmith-builder></main>
      <script src="embed.js"></script></body></html>`);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${srv.url}a11y-embed-${theme}.html`);
    const handle = await page.locator("grantsmith-builder iframe").elementHandle();
    const frame = await handle.contentFrame();
    await frame.getByTestId("host-note").waitFor();
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await violations(frame), []);
    await frame.getByTestId("generate").click();
    assert.deepEqual(await violations(frame), []);
    await context.close();
    fs.rmSync(file);
  });
}
