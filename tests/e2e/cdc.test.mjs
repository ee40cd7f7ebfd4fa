// Change data capture in the page: picked on the page a PostgreSQL user loads (built
// without it), it opens the all-databases page; there its fields and options, the
// notes each provider gets before Generate, the scripts, the summary naming the
// publication and slot, copy and download.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, startServer, openApp, tid, showScripts, pickDb } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

const notes = async (page) => (await page.getByTestId("preset-note").allTextContents()).join("\n");

test("the preset, its options and the scripts", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await Promise.all([page.waitForURL(/\/all\.html#/), tid(page, "preset").selectOption("cdc")]);
  await tid(page, "generate").waitFor();
  assert.equal(await tid(page, "preset").inputValue(), "cdc");
  assert.equal(await tid(page, "role").inputValue(), "cdc_reader");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("app");
  assert.equal(await tid(page, "hint").textContent(), "List the tables to publish, as schema.table");
  await tid(page, "tables").fill("public.orders, \"Sales\".\"Line items\"");
  assert.match(await notes(page), /wal_level = logical/);
  await tid(page, "create-slot").check();
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.match(sql, /CREATE PUBLICATION "cdc_reader_pub" FOR TABLE "public"\."orders", "Sales"\."Line items";/);
  assert.ok(sql.indexOf("COMMIT;") < sql.indexOf("pg_create_logical_replication_slot('cdc_reader_slot', 'pgoutput')"));
  assert.match(await tid(page, "summary").textContent(), /Publication: cdc_reader_pub\nReplication slot: cdc_reader_slot/);
  await tid(page, "copy-summary").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-summary"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "summary").textContent());
  await showScripts(page);
  assert.match(await tid(page, "verify-sql").textContent(), /'wal_level is logical'/);
  const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, "download-uninstall").click()]);
  assert.equal(fs.readFileSync(await dl.path(), "utf8"), await tid(page, "uninstall-sql").textContent());
  await tid(page, "whole-schemas").check();
  assert.equal(await tid(page, "tables").isVisible(), false);
  assert.equal(await tid(page, "schemas").inputValue(), "public");
  assert.deepEqual(errors, []);
  await context.close();
});

test("each provider's note before Generate", async () => {
  const { page, context } = await openApp(browser, srv.url + "#preset=cdc");
  await page.waitForURL(/\/all\.html#/);
  await tid(page, "generate").waitFor();
  const cases = [
    ["app.c9akciq32.eu-west-1.rds.amazonaws.com", /rds\.logical_replication = 1/],
    ["app-server.postgres.database.azure.com", /server parameter wal_level = logical/],
    ["ep-sunny-lake-123456.us-east-2.aws.neon.tech", /a role made with SQL may not get REPLICATION/],
    ["db.abcdefghijklmnop.supabase.co", /supabase\/supabase#20724/],
    ["ep-sunny-lake-123456-pooler.us-east-2.aws.neon.tech", /do not pass through a connection pooler/],
  ];
  for (const [host, want] of cases) {
    await tid(page, "host").fill(host);
    assert.match(await notes(page), want, host);
  }
  await context.close();
});

/** Fields escaped as the inspect query escapes them, one line per fact. */
const line = (fields) => fields.map((f) => f.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n")).join("\t");

test("the drift check: a table added to the publication by hand, the slot dropped, REPLICATION gone", async () => {
  const { page, context, errors } = await openApp(browser, srv.url + "#preset=cdc");
  await page.waitForURL(/\/all\.html#/);
  await tid(page, "generate").waitFor();
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("app");
  await tid(page, "tables").fill("public.orders");
  await tid(page, "create-slot").check();
  await tid(page, "generate").click();
  await showScripts(page);
  const query = await tid(page, "inspect-sql").textContent();
  assert.match(query, /pg_replication_slots x\s+WHERE x\.slot_name = 'cdc_reader_slot'/);
  const tag = query.match(/current_user, '([0-9a-f]{8})'/)[1];
  const evil = "<img src=x onerror=window.pwned=1>";
  const facts = [
    ["database", "app", "CONNECT", ""],
    ["schema", "public", "USAGE", ""],
    ["table", "public", "orders", "SELECT", ""],
    ["object", "schema", "public", "", "USAGE"],
    ["object", "table", "public", "orders", ""],
    ["publication", "cdc_reader_pub", "admin", "", "insert,update,delete,truncate"],
    ["published", "cdc_reader_pub", "public", "orders"],
    ["published", "cdc_reader_pub", "public", evil],
  ];
  const paste = [line(["grantsmith-inspect", "2", "cdc_reader", "app", "exists", "admin", tag]),
    ...facts.map(line), line(["grantsmith-inspect-end", String(facts.length)])].join("\n");
  await page.locator("summary", { hasText: "Check what the database has" }).click();
  await tid(page, "drift-paste").fill(paste);
  await tid(page, "drift-table").waitFor();
  const rows = await tid(page, "drift-table").locator("tbody tr").allTextContents();
  assert.ok(rows.some((r) => r.startsWith("extra") && r.includes(`table "public"."${evil}" in publication "cdc_reader_pub"`)), rows.join("\n"));
  assert.ok(rows.some((r) => r.startsWith("missing") && r.includes("role attribute REPLICATION")), rows.join("\n"));
  assert.ok(rows.some((r) => r.startsWith("missing") && r.includes('replication slot "cdc_reader_slot"')), rows.join("\n"));
  const fix = await tid(page, "fix-sql").textContent();
  assert.match(fix, /ALTER PUBLICATION "cdc_reader_pub" DROP TABLE "public"\."<img src=x onerror=window\.pwned=1>";/);
  assert.match(fix, /ALTER ROLE "cdc_reader" WITH REPLICATION;/);
  assert.ok(fix.indexOf("COMMIT;") < fix.indexOf("SELECT pg_create_logical_replication_slot('cdc_reader_slot', 'pgoutput');"), fix);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("MySQL: the preset, its MariaDB 10.5 option, the RDS note and the scripts", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await pickDb(page, "mysql");
  await tid(page, "preset").selectOption("cdc");
  assert.equal(await tid(page, "role").inputValue(), "cdc_reader");
  await tid(page, "host").fill("app.c9akciq32.eu-west-1.rds.amazonaws.com");
  await tid(page, "schemas").fill("shop");
  assert.match(await notes(page), /binlog_row_image = FULL/);
  assert.match(await notes(page), /mysql\.rds_set_configuration\('binlog retention hours', 168\)/);
  await tid(page, "mariadb-10-5").check();
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.match(sql, /GRANT REPLICATION REPLICA, BINLOG MONITOR ON \*\.\* TO 'cdc_reader'@'%';/);
  assert.match(sql, /GRANT SELECT ON `shop`\.\* TO 'cdc_reader'@'%';/);
  await showScripts(page);
  assert.match(await tid(page, "verify-sql").textContent(), /'binlog_format is ROW'/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the owners group: offered off, its note says what it gives away, the script hands the tables over", async () => {
  const { page, context, errors } = await openApp(browser, srv.url + "#preset=cdc");
  await page.waitForURL(/\/all\.html#/);
  await tid(page, "generate").waitFor();
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("app");
  await tid(page, "tables").fill("public.orders");
  const box = tid(page, "owners-group");
  assert.equal(await box.isChecked(), false);
  assert.match(await box.locator("xpath=..").textContent(), /may then write, alter and drop them/);
  assert.doesNotMatch(await notes(page), /Owners group/);
  await box.check();
  assert.match(await notes(page), /cdc_reader may then write, alter and drop those tables[\s\S]*publication\.autocreate\.mode/);
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /CREATE ROLE "cdc_reader_owners" NOLOGIN;/);
  assert.deepEqual(errors, []);
  await context.close();
});
