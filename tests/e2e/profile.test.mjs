// A vendor's profile, as a docs author writes it: an invented product's builder in a
// dark docs page (JSON child), a profile in attributes, and hostile or wrong profiles,
// which are shown as text or refused with a message, never run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, ARTIFACTS, DIST } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** A docs page holding `body`, opened in a dark browser with the clipboard granted;
 * every error and dialog either side is recorded. */
async function docsPage(name, body, htmlAttrs = 'data-theme="dark"') {
  const file = path.join(DIST, `profile-${name}.html`);
  fs.writeFileSync(file, `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <style>body{font:16px system-ui;margin:0;padding:24px 40px;background:#1b1b1d;color:#e3e3e3}
    html[data-theme=light] body{background:#fff;color:#1c1e21} h1{font-size:28px}</style></head>
    <body><h1>Connect your PostgreSQL database to Acme Sync</h1>
    <p>Create a user for Acme Sync with the builder below, then paste its details in Acme.</p>
    ${body}<script src="embed.js"></script></body></html>`);
  const context = await browser.newContext({
    colorScheme: "light", viewport: { width: 1000, height: 900 }, permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${srv.url}profile-${name}.html`);
  const frame = page.frameLocator("grantsmith-builder iframe, [data-grantsmith] iframe");
  const close = async () => { await context.close(); fs.rmSync(file); };
  return { page, frame, errors, close };
}

const ACME = {
  product: "Acme Sync",
  databases: ["postgresql", "snowflake"],
  preset: "connector-rw",
  role: "acme_sync",
  schemas: "app, billing",
  database: "shop",
  fixed: ["schemas", "preset"],
  hide: ["owners"],
  notes: { host: "Find it under Settings → Database in your provider's console." },
  accent: "#7c3aed",
};

test("an invented product's profile (JSON child) makes the builder its own, in a dark docs page", async () => {
  const json = JSON.stringify(ACME);
  const { page, frame, errors, close } = await docsPage("acme",
    `<grantsmith-builder title="Acme Sync database user"><script type="application/json">${json}</script></grantsmith-builder>`);
  await frame.getByTestId("generate").waitFor();
  assert.equal(await frame.locator("h1").textContent(), "A database user for Acme Sync");
  assert.equal(await frame.locator('label[for="gs-role"]').textContent(), "Acme Sync user name");
  assert.equal(await frame.getByTestId("host-note").textContent(), ACME.notes.host);
  // Only the profile's databases, in its order; its preset alone, fixed.
  assert.deepEqual(await frame.getByTestId("dialect").locator("option").evaluateAll((o) => o.map((e) => e.value)),
    ["postgresql", "snowflake"]);
  assert.deepEqual(await frame.getByTestId("preset").locator("option").evaluateAll((o) => o.map((e) => e.value)),
    ["connector-rw"]);
  assert.equal(await frame.getByTestId("preset").isDisabled(), true);
  // Schemas fixed (shown, not editable), owners hidden.
  assert.equal(await frame.getByTestId("schemas").inputValue(), "app, billing");
  assert.equal(await frame.getByTestId("schemas").evaluate((e) => e.readOnly), true);
  assert.equal(await frame.getByTestId("owners").count(), 0);
  // The new-schema applet grants what the profile's preset grants in a listed schema.
  assert.equal(await frame.getByText("Grant access to a schema created later").count(), 1);
  const ns = await frame.getByTestId("ns-sql").textContent();
  assert.match(ns, /^GRANT USAGE, CREATE ON SCHEMA "public" TO "acme_sync";$/m);
  assert.match(ns, /^GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "acme_sync";$/m);
  assert.doesNotMatch(ns, /TRIGGER|EXECUTE/);
  await frame.getByTestId("host").fill("db.example.com");
  await frame.getByTestId("generate").click();
  const sql = await frame.getByTestId("sql").textContent();
  assert.match(sql, /^-- For Acme Sync\. Written by Grantsmith\.\n/);
  assert.match(sql, /FOREACH s IN ARRAY ARRAY\['app', 'billing'\] LOOP\n.*\n.*\n      EXECUTE format\('GRANT USAGE, CREATE ON SCHEMA %I TO %I', s, target_role\);/);
  assert.match(sql, /GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "billing" TO "acme_sync";/);
  // The accent colours the buttons.
  assert.equal(await frame.getByTestId("generate").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(124, 58, 237)");
  await frame.getByTestId("copy-sql").click();
  await frame.getByTestId("copy-sql").filter({ hasText: "Copied!" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sql);
  await page.screenshot({ path: path.join(ARTIFACTS, "profile-dark.png"), fullPage: true });
  // Snowflake keeps the product, its user and the fixed schemas.
  await frame.getByTestId("dialect").selectOption("snowflake");
  // The frame opens the all-databases page (the PostgreSQL page has no Snowflake code).
  await frame.getByTestId("warehouse").waitFor();
  assert.equal(await frame.locator("h1").textContent(), "A database user for Acme Sync");
  assert.equal(await frame.getByTestId("generate").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(124, 58, 237)");
  assert.equal(await frame.getByTestId("schemas").inputValue(), "app, billing");
  assert.equal(await frame.getByTestId("role").inputValue(), "acme_sync");
  await frame.getByTestId("host").fill("myorg-acme");
  await frame.getByTestId("generate").click();
  assert.match(await frame.getByTestId("sql").textContent(), /^-- For Acme Sync\. Written by Grantsmith\.\n[\s\S]*ACME_SYNC/);
  assert.deepEqual(errors, []);
  await close();
});

test("the same profile as attributes, as an MDX page can write it", async () => {
  const { frame, errors, close } = await docsPage("attrs",
    `<grantsmith-builder product="Acme Sync" databases="postgresql" privileges="table.SELECT,table.TRIGGER,sequence.USAGE,schema.USAGE,database.CONNECT"
      fixed="privileges" note-privileges="Acme reads rows and tracks changes with triggers." database="shop"></grantsmith-builder>`,
    "");
  await frame.getByTestId("generate").waitFor();
  assert.equal(await frame.getByTestId("preset").inputValue(), "custom");
  assert.equal(await frame.getByTestId("custom-table-TRIGGER").isChecked(), true);
  assert.equal(await frame.getByTestId("custom-table-INSERT").isDisabled(), true);
  assert.equal(await frame.getByTestId("privileges-note").textContent(), "Acme reads rows and tracks changes with triggers.");
  await frame.getByTestId("host").fill("db.example.com");
  await frame.getByTestId("generate").click();
  assert.match(await frame.getByTestId("sql").textContent(), /GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "public" TO "integration_user";/);
  assert.deepEqual(errors, []);
  await close();
});

test("hostile profile values are shown as text; no script runs", async () => {
  const evil = "<img src=x onerror=\"parent.pwned=1;alert(1)\"></style><script>parent.pwned=2</script>";
  const json = JSON.stringify({
    product: "<b>Evil</b> & Co", notes: { host: evil, role: "javascript:alert(1)" },
    // </script> inside the JSON child would end it: escaped as the HTML spec says.
  }).replace(/</g, "\\u003c");
  const { page, frame, errors, close } = await docsPage("hostile",
    `<grantsmith-builder><script type="application/json">${json}</script></grantsmith-builder>`);
  await frame.getByTestId("generate").waitFor();
  assert.equal(await frame.getByTestId("host-note").textContent(), evil);
  assert.equal(await frame.getByTestId("role-note").textContent(), "javascript:alert(1)");
  assert.equal(await frame.locator("h1").textContent(), "A database user for <b>Evil</b> & Co");
  assert.equal(await frame.locator("h1 *, .gs-note img, .gs-note a, img").count(), 0);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await close();
});

test("a wrong profile shows the docs author every problem, by key, in the frame", async () => {
  const { frame, errors, close } = await docsPage("wrong", `
    <grantsmith-builder id="a"><script type="application/json">{"databases": 5, "product": ["Acme", 1],
      "notes": {"host": {"text": "x"}}, "prodcut": "Acme", "accent": "expression(alert(1))", "password": "hunter2"}</script></grantsmith-builder>
    <grantsmith-builder id="b"><script type="application/json">{"product": "Acme",}</script></grantsmith-builder>`);
  const a = frame.first();
  await a.getByTestId("profile-errors").waitFor();
  const items = await a.getByTestId("profile-errors").locator("li").allTextContents();
  for (const want of [
    /^"product": expected text, a number, true\/false or a list of text, not a list/,
    /^"note-host": expected text, .* not an object/,
    /^"password": never a starting value/,
    /^"databases": "5" is not a database/,
    /^"prodcut": not a key the builder knows/,
    /^"accent": "expression\(alert\(1\)\)" is not a colour/,
  ]) assert.ok(items.some((t) => want.test(t)), `${want} in ${JSON.stringify(items)}`);
  assert.equal(await a.getByTestId("generate").count(), 0, "no builder for a wrong profile");
  const b = frame.nth(1);
  await b.getByTestId("profile-errors").waitFor();
  assert.match(await b.getByTestId("profile-errors").textContent(), /profile is not valid JSON/);
  assert.deepEqual(errors, []);
  await close();
});
