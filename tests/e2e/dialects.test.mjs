// Other databases in the page: the Database picker, each dialect's fields, and the same
// scripts the core's goldens hold (tests/golden/dialects), copied and downloaded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, openApp, tid, golden, showScripts, ARTIFACTS, pickDb } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

// The forms of tests/dialects.rs `sample()`, typed into the page.
const SAMPLES = {
  mysql: { host: "db.example.com", schemas: "shop, my_app" },
  sqlserver: { host: "sql.example.com", database: "Sales", schemas: "dbo, reporting" },
  snowflake: { host: "myorg-myaccount", database: "analytics", schemas: "PUBLIC, marts" },
  redshift: { host: "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com", database: "dev", schemas: "public, marts", owners: "etl_user" },
  bigquery: { database: "my-project", role: "dagflux@my-project.iam.gserviceaccount.com", schemas: "analytics, marts" },
};
const ACCESSES = { bigquery: ["connector-ro", "connector-rw", "metadata"] };

for (const [db, fields] of Object.entries(SAMPLES)) {
  test(`${db}: every access writes the golden scripts`, async () => {
    const { page, context, errors } = await openApp(browser, srv.pg);
    await pickDb(page, db);
    for (const access of ACCESSES[db] ?? ["connector-ro", "connector-rw"]) {
      // Values stay across accesses; filling them again is harmless.
      await tid(page, "preset").selectOption(access);
      if (access === "connector-ro") assert.equal(await tid(page, "generate").isDisabled(), true, "nothing typed yet");
      for (const [id, value] of Object.entries(fields)) await tid(page, id).fill(value);
      await tid(page, "generate").click();
      const base = `dialects/${db}_${access}`;
      assert.equal(await tid(page, "sql").textContent(), golden(`${base}.sql`));
      assert.equal(await tid(page, "conn").textContent(), golden(`${base}.conn.txt`));
      await showScripts(page);
      assert.equal(await tid(page, "verify-sql").textContent(), golden(`${base}.verify.sql`));
      assert.equal(await tid(page, "uninstall-sql").textContent(), golden(`${base}.uninstall.sql`));
    }
    assert.equal(await tid(page, "password").count(), db === "bigquery" || db === "snowflake" ? 0 : 1);
    if (db === "mysql") await page.screenshot({ path: path.join(ARTIFACTS, "mysql.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("MySQL: a refused name gets its message next to the field and no output", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await pickDb(page, "mysql");
  await tid(page, "host").fill("db.example.com");
  await tid(page, "schemas").fill("shop");
  await tid(page, "role").fill("u".repeat(33));
  assert.equal(await tid(page, "role-error").textContent(), "Too long: 33 characters, but MySQL allows 32");
  assert.equal(await tid(page, "generate").isDisabled(), true);
  assert.equal(await tid(page, "hint").textContent(), "Too long: 33 characters, but MySQL allows 32");
  await tid(page, "role").fill("dagflux");
  await tid(page, "generate").click();
  await tid(page, "schemas").fill("shop, a.b");
  assert.equal(await tid(page, "sql").isVisible(), false, "output hides on change");
  assert.equal(await tid(page, "schemas-error").textContent(), "a.b: Database names cannot contain /, \\ or .");
  await context.close();
});

test("SQL Server: the password goes into N'…' and the connection string, copied and downloaded", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await pickDb(page, "sqlserver");
  await tid(page, "host").fill("sql.example.com");
  await tid(page, "database").fill("Sales");
  await tid(page, "password").fill("it's;\"secret\"");
  await tid(page, "generate").click();
  const sql = await tid(page, "sql").textContent();
  assert.match(sql, /CREATE LOGIN \[dagflux\] WITH PASSWORD = N'it''s;"secret"', CHECK_POLICY = ON/);
  assert.equal(await tid(page, "conn").textContent(),
    'Server=tcp:sql.example.com,1433;Database=Sales;User ID=dagflux;Password="it\'s;""secret""";Encrypt=True;TrustServerCertificate=False');
  await tid(page, "copy-conn").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-conn"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "conn").textContent());
  const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, "download-setup").click()]);
  assert.equal(fs.readFileSync(await dl.path(), "utf8"), sql);
  await context.close();
});

test("the database and preset travel in the fragment; PostgreSQL comes back with its preset", async () => {
  const { page, context } = await openApp(browser, srv.pg + "#db=bigquery&preset=metadata");
  assert.equal(await tid(page, "dialect").inputValue(), "bigquery");
  assert.equal(await tid(page, "preset").inputValue(), "metadata");
  assert.equal(await page.getByText("Grant access to a schema created later").count(), 0);
  await pickDb(page, "postgresql");
  assert.equal(await tid(page, "preset").inputValue(), "metadata");
  assert.equal(await tid(page, "connection-name").count(), 1, "the PostgreSQL metadata preset");
  await pickDb(page, "mysql");
  assert.equal(await tid(page, "preset").inputValue(), "connector-ro", "MySQL has no metadata preset");
  await context.close();
});

test("starting values for another database come from the fragment (embeds, links)", async () => {
  const { page, context } = await openApp(browser, srv.pg + "#db=mysql&preset=connector-rw&host=db.example.com&schemas=shop%2C%20my_app");
  assert.equal(await tid(page, "schemas").inputValue(), "shop, my_app");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "sql").textContent(), golden("dialects/mysql_connector-rw.sql"));
  await context.close();
});

test("switching read-only/read-write keeps what was typed and hides the output", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await pickDb(page, "redshift");
  await tid(page, "host").fill("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com");
  await tid(page, "database").fill("dev");
  await tid(page, "schemas").fill("public, marts");
  await tid(page, "owners").fill("etl_user");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "sql").textContent(), golden("dialects/redshift_connector-ro.sql"));
  await tid(page, "preset").selectOption("connector-rw");
  assert.equal(await tid(page, "sql").isVisible(), false, "output hides on change");
  assert.equal(await tid(page, "database").inputValue(), "dev");
  await tid(page, "generate").click();
  assert.equal(await tid(page, "sql").textContent(), golden("dialects/redshift_connector-rw.sql"));
  await context.close();
});

test("generated passwords always meet Redshift's rules (upper, lower, digit)", async () => {
  const { page, context } = await openApp(browser, srv.pg);
  await pickDb(page, "redshift");
  await tid(page, "host").fill("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com");
  await tid(page, "database").fill("dev");
  for (let i = 0; i < 40; i++) {
    await tid(page, "generate-password").click();
    const pw = await tid(page, "password").inputValue();
    assert.match(pw, /^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9]{24}$/);
    assert.equal(await tid(page, "password-error").count(), 0);
  }
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /CREATE USER "dagflux" PASSWORD '[A-Za-z0-9]{24}' VALID UNTIL 'infinity';/);
  await context.close();
});
