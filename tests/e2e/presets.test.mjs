// The preset picker: the original stays the default; each other preset has its fields
// and outputs, and the SQL the core renders.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch, startServer, openApp, tid, golden, showScripts, pickDb, originalStatements } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("the original applet is the default preset", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  assert.equal(await tid(page, "preset").inputValue(), "original");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  assert.equal(originalStatements(await tid(page, "sql").textContent()), golden("default.sql"));
  await context.close();
});

test("read-write connector: the guide's grants, SSL in the URI, downloads", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  await tid(page, "preset").selectOption("connector-rw");
  assert.equal(await tid(page, "role").inputValue(), "dagflux");
  await tid(page, "host").fill("db.example.com");
  assert.equal(await tid(page, "hint").textContent(), "Enter the database name");
  assert.equal(await tid(page, "generate").isDisabled(), true);
  await tid(page, "database").fill("mydb");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "sql").textContent(), golden("connector_rw.sql"));
  await tid(page, "ssl").check();
  assert.equal(await tid(page, "sql").isVisible(), false, "output hides on change");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "conn").textContent(), "postgresql://dagflux:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/mydb?sslmode=require");
  await showScripts(page);
  const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, "download-uninstall").click()]);
  assert.equal(fs.readFileSync(await dl.path(), "utf8"), await tid(page, "uninstall-sql").textContent());
  assert.deepEqual(errors, []);
  await context.close();
});

test("metadata sync: regex filters, the fields summary, copy", async () => {
  const { page, context } = await openApp(browser, srv.pg + "#preset=metadata");
  assert.equal(await tid(page, "preset").inputValue(), "metadata");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("your_database");
  await tid(page, "all-schemas").check();
  await tid(page, "include").fill("^(sales");
  assert.equal(await tid(page, "hint").textContent(), "Include filter: PostgreSQL refuses it: parentheses () not balanced");
  // PostgreSQL's regular expressions, checked in the page as the server would.
  await tid(page, "include").fill("[z-a]");
  assert.equal(await tid(page, "hint").textContent(),
    "Include filter: PostgreSQL refuses it: invalid character range (a range runs from a lower to a higher character, and a class cannot end one)");
  await tid(page, "include").fill("^(sales|hr)$");
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /AND n\.nspname ~ '\^\(sales\|hr\)\$'/);
  assert.equal(await tid(page, "summary").textContent(),
    "Connection name: postgres_production\nHostname: db.example.com\nPort: 5432\nUsername: dagster_connection\nPassword environment variable: POSTGRES_CONNECTION_PASSWORD");
  await tid(page, "copy-summary").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-summary"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "summary").textContent());
  await context.close();
});

test("custom: the SQL follows each privilege box", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await tid(page, "preset").selectOption("custom");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "database").fill("app");
  // What TRIGGER allows is said when it is ticked, not before.
  assert.equal(await tid(page, "trigger-note").count(), 0);
  await tid(page, "custom-table-TRIGGER").check();
  assert.match(await tid(page, "trigger-note").textContent(), /runs as whoever writes the table/);
  // Schema and database both have CREATE: each box has a name of its own.
  assert.equal(await page.getByRole("checkbox", { name: "CREATE on schema", exact: true }).count(), 1);
  assert.equal(await page.getByRole("checkbox", { name: "CREATE on database", exact: true }).count(), 1);
  await tid(page, "custom-functions-EXECUTE").check();
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.match(sql, /GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "public" TO "integration_user";/);
  assert.match(sql, /GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "public" TO "integration_user";/);
  // Default privileges granted (the take-back block revokes others' with a format() call).
  const grantsDefaults = /ALTER DEFAULT PRIVILEGES IN SCHEMA "public"\n  GRANT /;
  assert.match(sql, grantsDefaults);
  await tid(page, "custom-table-SELECT").uncheck();
  await tid(page, "custom-future").uncheck();
  await tid(page, "generate").click();
  const sql2 = await tid(page, "sql").textContent();
  assert.match(sql2, /GRANT TRIGGER ON ALL TABLES IN SCHEMA "public" TO "integration_user";/);
  assert.doesNotMatch(sql2, grantsDefaults);
  await context.close();
});

test("an untouched field shows no message; the new-schema applet follows the preset's user", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg + "#preset=connector-rw");
  // Nobody has typed yet: the hint says what is missing, the field stays quiet.
  assert.equal(await tid(page, "database-error").count(), 0);
  await tid(page, "host").fill("db.example.com");
  assert.equal(await tid(page, "hint").textContent(), "Enter the database name");
  assert.equal(await tid(page, "database-error").count(), 0);
  // Changed, then emptied: now it says so under the field.
  await tid(page, "database").fill("x");
  await tid(page, "database").fill("");
  assert.equal(await tid(page, "database-error").textContent(), "Enter the database name");
  // The applet below names the preset's user, and follows what is typed above.
  assert.equal(await tid(page, "ns-role").inputValue(), "dagflux");
  assert.equal(await page.locator("label[for=gs-ns-role]").textContent(), "Integration role");
  await tid(page, "role").fill("etl");
  assert.equal(await tid(page, "ns-role").inputValue(), "etl");
  // And grants what the read/write preset grants in a listed schema.
  const ns = await tid(page, "ns-sql").textContent();
  assert.match(ns, /^GRANT USAGE, CREATE ON SCHEMA "public" TO "etl";$/m);
  assert.match(ns, /^GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "etl";$/m);
  assert.doesNotMatch(ns, /TRIGGER|EXECUTE/);
  await tid(page, "preset").selectOption("original");
  assert.equal(await page.locator("label[for=gs-ns-role]").textContent(), "Dreamlit role");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the connection details in each client's form, copied; per database", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "conn").textContent(), "postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres");
  await tid(page, "client").selectOption("pgpass");
  assert.equal(await tid(page, "conn").textContent(), "db.example.com:5432:postgres:dreamlit_app:[[REPLACE_WITH_PASSWORD]]");
  await tid(page, "client").selectOption("keyword-value");
  const kv = "host='db.example.com' port=5432 dbname='postgres' user='dreamlit_app' password='[[REPLACE_WITH_PASSWORD]]'";
  assert.equal(await tid(page, "conn").textContent(), kv);
  await tid(page, "copy-conn").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-conn"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), kv);
  // The choice stays while the form changes and Generate is pressed again.
  await tid(page, "role").fill("etl");
  await tid(page, "generate").click();
  assert.match(await tid(page, "conn").textContent(), /^host='db\.example\.com' .* user='etl' /);
  await tid(page, "client").selectOption("node-postgres");
  assert.match(await tid(page, "conn").textContent(), /^\/\/ node-postgres.*\n  user: "etl",\n/s);
  // Each form downloads like the scripts, under a name that says what it is.
  await tid(page, "client").selectOption("psycopg");
  assert.equal(await tid(page, "download-conn").textContent(), "Download .py");
  const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, "download-conn").click()]);
  assert.equal(dl.suggestedFilename(), "grantsmith_connection.py");
  assert.equal(fs.readFileSync(await dl.path(), "utf8"), await tid(page, "conn").textContent());
  // MySQL has forms of its own; "uri" is its URI again, and its TLS goes in each
  // client's own spelling.
  await tid(page, "client").selectOption("uri");
  await pickDb(page, "mysql");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "schemas").fill("shop");
  await tid(page, "ssl").check();
  await tid(page, "generate").click();
  assert.equal(await tid(page, "client").inputValue(), "uri");
  assert.match(await tid(page, "conn").textContent(), /^mysql:\/\/.*\?ssl-mode=REQUIRED$/);
  await tid(page, "client").selectOption("mysql2");
  assert.match(await tid(page, "conn").textContent(), /ssl: \{ rejectUnauthorized: false \}/);
  await tid(page, "client").selectOption("pymysql");
  assert.match(await tid(page, "conn").textContent(), /ssl=\{"ca": None\}/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a host the original accepts but no client parses gets a note under the connection string", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  await tid(page, "host").fill("1:2:3");
  await tid(page, "generate").click();
  assert.match(await tid(page, "conn-note").textContent(), /neither a host name nor an IPv6 address/);
  await tid(page, "host").fill("2001:db8::1");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "conn-note").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the presets warn about pooler hosts and ports as the original does", async () => {
  const { page, context } = await openApp(browser, srv.pg + "#preset=connector-ro");
  await tid(page, "host").fill("aws-0-eu-central-1.pooler.supabase.com");
  await tid(page, "port").fill("6543");
  const texts = await tid(page, "warning").allTextContents();
  assert.ok(texts.some((t) => /Supabase's connection pooler/.test(t)), texts.join("|"));
  assert.ok(texts.some((t) => /Port 6543/.test(t)), texts.join("|"));
  // The sslmode hint stands while the preset's TLS box is off, and goes when it is on.
  assert.equal(await tid(page, "ssl").isChecked(), false);
  assert.ok(texts.some((t) => /sslmode/.test(t)), texts.join("|"));
  await tid(page, "ssl").check();
  assert.ok(!(await tid(page, "warning").allTextContents()).some((t) => /sslmode/.test(t)));
  // Supavisor signs the user in as user.project-ref: the field shows for the pooler host
  // only, Generate waits for it, and the connection string carries it.
  await tid(page, "database").fill("postgres");
  assert.equal(await tid(page, "project-ref").isVisible(), true);
  assert.equal(await tid(page, "generate").isDisabled(), true);
  await tid(page, "project-ref").fill("abcdefghijklmnopqrst");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "conn").textContent(),
    "postgresql://dagflux.abcdefghijklmnopqrst:[[REPLACE_WITH_PASSWORD]]@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "port").fill("5432");
  assert.equal(await tid(page, "warning").count(), 0);
  assert.equal(await tid(page, "project-ref").count(), 0);
  await context.close();
});
