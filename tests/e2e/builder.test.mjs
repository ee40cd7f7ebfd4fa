// The connection builder in a real browser: what a person types, sees and copies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid, golden, ARTIFACTS, originalStatements } from "./helpers.mjs";
import path from "node:path";
import fs from "node:fs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("defaults: Generate shows the original's SQL and the connection string", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  assert.equal(await tid(page, "hint").textContent(), "Enter a host to generate");
  assert.equal(await tid(page, "generate").isDisabled(), true);
  await tid(page, "host").fill("db.example.com");
  assert.equal(await tid(page, "generate").isDisabled(), false);
  await tid(page, "generate").click();
  assert.equal(originalStatements(await tid(page, "sql").textContent()), golden("default.sql"));
  assert.equal(await tid(page, "conn").textContent(),
    "postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres");
  await page.screenshot({ path: path.join(ARTIFACTS, "builder.png"), fullPage: true });
  // Any change hides the output until Generate is pressed again.
  await tid(page, "port").fill("5433");
  assert.equal(await tid(page, "sql").isVisible(), false);
  assert.equal(await tid(page, "sql").textContent(), "", "no stale SQL left in the page");
  await tid(page, "generate").click();
  assert.match(await tid(page, "conn").textContent(), /:5433\/postgres$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("host validation shows the original's messages next to the field", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const cases = [
    ["db example.com", "Host cannot contain spaces"],
    ["https://db.example.com", "Enter just the hostname without http:// or https://"],
    ["db.example.com:5432", "Move the :port part into the Port field"],
    ["db.example.com/x", "Enter just the hostname without any path"],
    ["db_x.com", "Invalid hostname format"],
    ["db", "Use a full hostname like db.example.com"],
  ];
  for (const [host, msg] of cases) {
    await tid(page, "host").fill(host);
    assert.equal(await tid(page, "host-error").textContent(), msg, host);
    assert.equal(await tid(page, "hint").textContent(), msg, host);
    assert.equal(await tid(page, "generate").isDisabled(), true, host);
    assert.equal(await tid(page, "host").getAttribute("aria-invalid"), "true");
  }
  await tid(page, "host").fill("::1");
  assert.equal(await tid(page, "host-error").count(), 0);
  await tid(page, "port").fill("70000");
  assert.equal(await tid(page, "port-error").textContent(), "Port must be a whole number from 1 to 65535");
  assert.equal(await tid(page, "generate").isDisabled(), true);
  await context.close();
});

test("a Neon host switches defaults and back, and never overwrites what was typed", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await tid(page, "advanced").click();
  const host = tid(page, "host");
  assert.equal(await host.getAttribute("placeholder"), "db.example.com");
  await host.fill("ep-cool-darkness-123456.us-east-2.aws.neon.tech");
  assert.equal(await host.getAttribute("placeholder"), "ep-sunny-lake-123456.us-east-2.aws.neon.tech");
  assert.equal(await tid(page, "owners").inputValue(), "neondb_owner");
  assert.equal(await tid(page, "database").inputValue(), "neondb");
  // Emptying the owner on a Neon host keeps it empty (the original snapped it back).
  await tid(page, "owners").fill("");
  await host.fill("ep-cool-darkness-123456.us-east-2.aws.neon.tech ");
  assert.equal(await tid(page, "owners").inputValue(), "");
  await host.fill("db.example.com");
  assert.equal(await tid(page, "owners").inputValue(), "");
  assert.equal(await tid(page, "database").inputValue(), "postgres");
  await context.close();
});

test("advanced options: listed schemas, owners, RLS and its policy name", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await tid(page, "host").fill(" db.example.com ");
  await tid(page, "role").fill("  Ops \"Team\" ");
  await tid(page, "database").fill("Prod'DB");
  await tid(page, "advanced").click();
  await tid(page, "scope-listed").check();
  await tid(page, "schemas").fill(" sales , ,Mixed Case\n\nweird\"q'x,  ");
  await tid(page, "owners").fill("postgres,\n app_owner ,");
  await tid(page, "rls").check();
  await tid(page, "generate").click();
  assert.equal(originalStatements(await tid(page, "sql").textContent()), golden("listed_rls.sql"));
  assert.equal(await tid(page, "policy-name").textContent(), "dreamlit_ops_team__select_policy");
  await tid(page, "schemas").fill("ok, pg_catalog");
  assert.match(await tid(page, "schemas-error").textContent(), /System schemas/);
  assert.equal(await tid(page, "generate").isDisabled(), true);
  await tid(page, "role").fill("pg_x");
  assert.equal(await tid(page, "role-error").textContent(), 'Role names starting with "pg_" are reserved by PostgreSQL');
  await context.close();
});

test("both copy buttons put exactly what is shown on the clipboard", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "role").fill("app user");
  await tid(page, "generate").click();
  await tid(page, "copy-sql").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-sql"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "sql").textContent());
  await tid(page, "copy-conn").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-conn"]').textContent === "Copied!");
  const conn = await tid(page, "conn").textContent();
  assert.equal(conn, "postgresql://app%20user:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), conn);
  // The label goes back after 1.8 s.
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-sql"]').textContent === "Copy SQL", null, { timeout: 4000 });
  await context.close();
});

test("a refused clipboard says Copy failed and selects the text for a manual copy", async () => {
  const { page, context } = await openApp(browser, srv.url, { clipboard: false });
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
    document.execCommand = () => false;
  });
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  await tid(page, "copy-sql").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-sql"]').textContent === "Copy failed");
  assert.equal(await page.evaluate(() => getSelection().toString()), await tid(page, "sql").textContent());
  await context.close();
});

test("keyboard only: Tab, Space and Enter reach every control", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "dialect");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "preset");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "host");
  await page.keyboard.type("db.example.com");
  const seen = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => document.activeElement.dataset.testid ?? document.activeElement.className));
  }
  // The default page is the original's form: the password is an entry point to the
  // PostgreSQL page (tests/e2e/handover.test.mjs), whose keyboard order is its own.
  assert.deepEqual(seen, ["port", "provider", "role", "database", "password-entry", "advanced"]);
  // Back to the toggle, open it with Space.
  await tid(page, "advanced").focus();
  await page.keyboard.press("Space");
  assert.equal(await tid(page, "advanced").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "scope-all");
  await page.keyboard.press("ArrowDown");
  assert.equal(await tid(page, "scope-listed").isChecked(), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "schemas");
  await page.keyboard.press("Tab");
  // The tooltip trigger is focusable and shows its text on focus.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("gs-tip")), true);
  assert.equal(await page.locator("#gs-owners-tip").isVisible(), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "owners");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "rls");
  await page.keyboard.press("Space");
  assert.equal(await tid(page, "rls").isChecked(), true);
  await tid(page, "generate").focus();
  await page.keyboard.press("Enter");
  assert.match(await tid(page, "sql").textContent(), /Add permissive SELECT policies/);
  await context.close();
});

test("verify, inspect and uninstall scripts are shown, copied and downloaded as .sql files", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Verify, inspect and uninstall scripts" }).click();
  const verify = await tid(page, "verify-sql").textContent();
  assert.match(verify, /^-- Verify the integration user/);
  assert.match(await tid(page, "uninstall-sql").textContent(), /EXECUTE format\('DROP ROLE %I', target_role\);/);
  // The inspect query, as the CLI writes it (the page and the CLI share the core).
  assert.match(await tid(page, "inspect-sql").textContent(), /^-- Everything the user has, one line per fact[\s\S]*rolname = 'dreamlit_app'/);
  for (const [id, file, code] of [["download-setup", "grantsmith-setup.sql", "sql"], ["download-verify", "grantsmith-verify.sql", "verify-sql"], ["download-uninstall", "grantsmith-uninstall.sql", "uninstall-sql"], ["download-inspect", "grantsmith-inspect.sql", "inspect-sql"]]) {
    const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, id).click()]);
    assert.equal(dl.suggestedFilename(), file);
    const body = fs.readFileSync(await dl.path(), "utf8");
    assert.equal(body, await tid(page, code).textContent(), file);
  }
  await tid(page, "copy-verify").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-verify"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), verify);
  await context.close();
});

test("a password becomes a SCRAM verifier in the SQL and stays out of the URL and storage", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "password").fill("p@ss w'rd");
  assert.equal(await tid(page, "password").getAttribute("type"), "password");
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.match(sql, /CREATE ROLE "dreamlit_app" WITH LOGIN PASSWORD 'SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}' INHERIT;/);
  assert.doesNotMatch(sql, /p@ss/);
  assert.equal(await tid(page, "conn").textContent(), "postgresql://dreamlit_app:p%40ss%20w%27rd@db.example.com:5432/postgres");
  await tid(page, "scram-toggle").uncheck();
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /WITH LOGIN PASSWORD 'p@ss w''rd' INHERIT;/);
  await tid(page, "generate-password").click();
  const generated = await tid(page, "password").inputValue();
  assert.match(generated, /^[A-Za-z0-9]{24}$/);
  assert.equal(await tid(page, "password").getAttribute("type"), "text");
  assert.doesNotMatch(page.url(), /p%40ss|p@ss/);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, ""]);
  await context.close();
});

test("pooler hosts and ports warn; hosted providers get an sslmode hint", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await tid(page, "host").fill("ep-cool-123-pooler.us-east-2.aws.neon.tech");
  const texts = await tid(page, "warning").allTextContents();
  assert.equal(texts.length, 2);
  assert.match(texts[0], /Neon's pooled host/);
  assert.match(texts[1], /sslmode=require/);
  await tid(page, "host").fill("aws-0-eu-central-1.pooler.supabase.com");
  await tid(page, "port").fill("6543");
  const t2 = await tid(page, "warning").allTextContents();
  assert.ok(t2.some((t) => /Supabase's connection pooler/.test(t)) && t2.some((t) => /Port 6543/.test(t)) && t2.some((t) => /sslmode/.test(t)), t2.join("|"));
  await tid(page, "host").fill("db.example.com");
  await tid(page, "port").fill("5432");
  assert.equal(await tid(page, "warning").count(), 0);
  await context.close();
});

test("a share link restores the form, never the password", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "role").fill("app & co");
  await tid(page, "password").fill("never-shared");
  await tid(page, "advanced").click();
  await tid(page, "scope-listed").check();
  await tid(page, "schemas").fill("sales, hr");
  await tid(page, "rls").check();
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Share a link" }).click();
  await tid(page, "share-link").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-link"]').textContent === "Copied!");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await tid(page, "share-url").textContent());
  assert.ok(link.startsWith(srv.pg + "#"), link);
  assert.doesNotMatch(link, /never-shared/);
  const other = await context.newPage();
  await other.goto(link);
  await tid(other, "host").waitFor();
  assert.equal(await tid(other, "role").inputValue(), "app & co");
  assert.equal(await tid(other, "password").inputValue(), "");
  await tid(other, "advanced").click();
  assert.equal(await tid(other, "scope-listed").isChecked(), true);
  assert.equal(await tid(other, "schemas").inputValue(), "sales, hr");
  assert.equal(await tid(other, "rls").isChecked(), true);
  await context.close();
});
