// The drift check in a real browser: the inspect output pasted back, the table with the
// dangerous extras first, the fix script copied (read back from the clipboard), names
// shown as text, bad pastes answered next to the box, and the paste kept in the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid, pickDb, ARTIFACTS } from "./helpers.mjs";
import path from "node:path";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Fields escaped as the inspect query escapes them, one line per fact. */
const line = (fields) => fields.map((f) => f.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n")).join("\t");

test("paste the inspect output: table, dangerous extras first, fix copied, nothing leaves the page", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => { requests.push("dialog"); d.dismiss(); });
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Verify, inspect and uninstall scripts" }).click();
  const query = await tid(page, "inspect-sql").textContent();
  const tag = query.match(/current_user, '([0-9a-f]{8})'/)[1];
  // The PostgreSQL page hands the check over to all.html with the form (not the password).
  await tid(page, "password").fill("hunter2-secret");
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Check what the database has" }).click();
  await Promise.all([page.waitForURL(/\/all\.html#/), tid(page, "open-check").click()]);
  assert.doesNotMatch(page.url(), /hunter2/);
  await tid(page, "drift-paste").waitFor();
  assert.equal(await tid(page, "host").inputValue(), "db.example.com");
  assert.equal(await tid(page, "sql").isVisible(), true, "the form arrives generated");
  assert.equal(await tid(page, "inspect-sql").count(), 0, "only the check section is open");
  const evil = "<img src=x onerror=window.pwned=1>";
  const facts = [
    ["attr", "SUPERUSER"],
    ["database", "postgres", "CONNECT", ""],
    ["object", "schema", "public", "", ""],
    ["schema", "public", "USAGE", ""],
    ["table", "public", evil, "TRUNCATE", ""],
  ];
  const paste = [line(["grantsmith-inspect", "2", "dreamlit_app", "postgres", "exists", "postgres", tag]),
    ...facts.map(line), line(["grantsmith-inspect-end", String(facts.length)])].join("\n");
  const before = requests.length;
  await tid(page, "drift-paste").fill(paste);
  await tid(page, "drift-table").waitFor();
  assert.match(await tid(page, "drift-summary").textContent(), /^Drift/);
  const rows = await tid(page, "drift-table").locator("tbody tr").allTextContents();
  assert.match(rows[0], /^extra, dangerous/);
  assert.ok(rows.some((r) => r.includes("role attribute SUPERUSER") && r.startsWith("extra, dangerous")), rows.join("\n"));
  assert.ok(rows.some((r) => r.includes(`TRUNCATE on table "public"."${evil}"`)), rows.join("\n"));
  assert.ok(rows.some((r) => r.startsWith("missing") && r.includes("CREATE on database")), rows.join("\n"));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // The state cell breaks between words ("extra, dangerous"), never inside one.
  const wrap = await tid(page, "drift-table").locator("tbody td").first().evaluate((td) => getComputedStyle(td).overflowWrap);
  assert.equal(wrap, "normal");
  await page.locator("details", { has: tid(page, "drift-table") }).screenshot({ path: path.join(ARTIFACTS, "drift.png") });
  assert.equal(await page.locator("img[src=x]").count(), 0);
  const fix = await tid(page, "fix-sql").textContent();
  assert.match(fix, /ALTER ROLE "dreamlit_app" NOSUPERUSER;/);
  assert.match(fix, /GRANT CREATE ON DATABASE "postgres" TO "dreamlit_app";/);
  await tid(page, "copy-fix").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-fix"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fix);
  // The paste stays here: no request, not in the link or the share link, not stored.
  assert.deepEqual(requests.slice(before), []);
  assert.doesNotMatch(decodeURIComponent(page.url()), /SUPERUSER|grantsmith-inspect|onerror/);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, ""]);
  // A foreign paste: a message next to the box and no fix script.
  await tid(page, "drift-paste").fill(" owner | table\n-------+------\n");
  assert.match(await tid(page, "drift-error").textContent(), /psql's table output/);
  assert.equal(await tid(page, "drift-table").count(), 0);
  assert.equal(await tid(page, "fix-sql").textContent(), "");
  assert.equal(await tid(page, "fix-sql").isVisible(), false);
  // The paste of another user: refused, never a wrong fix.
  await tid(page, "drift-paste").fill(paste.replace("\tdreamlit_app\t", "\tsomeone\t"));
  assert.match(await tid(page, "drift-error").textContent(), /for the user someone, not dreamlit_app/);
  // Changing the form's scope after running the query: run it again.
  await tid(page, "drift-paste").fill(paste);
  await tid(page, "drift-table").waitFor();
  await tid(page, "database").fill("shop");
  await tid(page, "generate").click();
  assert.equal(await page.locator("summary", { hasText: "Check what the database has" }).isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("MySQL: the inspect query for mysql -N -B -r, and the check of its output", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  await pickDb(page, "mysql");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "schemas").fill("shop");
  await tid(page, "generate").click();
  await page.locator("summary", { hasText: "Verify, inspect and uninstall scripts" }).click();
  assert.match(await tid(page, "inspect-sql").textContent(), /mysql -N -B -r[\s\S]*information_schema\.USER_PRIVILEGES/);
  await page.locator("summary", { hasText: "Check what the database has" }).click();
  const facts = [["global", "FILE", ""], ["schema", "shop", "SELECT", ""]];
  const paste = [line(["grantsmith-inspect", "2", "dagflux", "%", "exists", "root@localhost", "mysql"]),
    ...facts.map(line), line(["grantsmith-inspect-end", "2"])].join("\n");
  await tid(page, "drift-paste").fill(paste);
  const rows = await tid(page, "drift-table").locator("tbody tr").allTextContents();
  assert.match(rows[0], /^extra, dangerous.*FILE on every database/);
  assert.ok(rows.some((r) => r.startsWith("missing") && r.includes("SHOW VIEW on database `shop`")), rows.join("\n"));
  const fix = await tid(page, "fix-sql").textContent();
  assert.match(fix, /REVOKE FILE ON \*\.\* FROM 'dagflux'@'%';\nGRANT SHOW VIEW ON `shop`\.\* TO 'dagflux'@'%';/);
  await tid(page, "copy-fix").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-fix"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fix);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the check is offered for PostgreSQL and MySQL only", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await pickDb(page, "sqlserver");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("shop");
  await tid(page, "generate").click();
  await tid(page, "sql").waitFor();
  assert.equal(await page.locator("summary", { hasText: "Check what the database has" }).isVisible(), false);
  await context.close();
});
