// The Provider picker: told from the host by default, picked where the host tells
// nothing (Cloud SQL), "none" gives the original's script; the note says what differs,
// and on Neon the SCRAM toggle cannot apply.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid, golden, originalStatements } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("the host tells the provider; a pick and none override it", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  assert.equal(await tid(page, "provider-note").count(), 0, "no note on no host");
  await tid(page, "host").fill("db.abcdefghijklmnop.supabase.co");
  assert.match(await tid(page, "provider-note").textContent(), /^Supabase: run the setup and verify scripts as postgres/);
  await tid(page, "generate").click();
  let sql = await tid(page, "sql").textContent();
  assert.ok(!sql.includes("pgcrypto") && sql.includes("'vault'") && sql.includes("WITH GRANT OPTION"));

  await tid(page, "host").fill("db.example.com");
  await tid(page, "provider").selectOption("cloudsql");
  assert.match(await tid(page, "provider-note").textContent(), /^Google Cloud SQL/);
  await tid(page, "generate").click();
  sql = await tid(page, "sql").textContent();
  assert.ok(!sql.includes("pgcrypto") && sql.includes("WITH GRANT OPTION"), "Cloud SQL's rules");

  await tid(page, "host").fill("db.abcdefghijklmnop.supabase.co");
  await tid(page, "provider").selectOption("none");
  assert.equal(await tid(page, "provider-note").count(), 0);
  await tid(page, "generate").click();
  assert.equal(originalStatements(await tid(page, "sql").textContent()), golden("default.sql"), "none: the original's script");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Neon: no hashed password, a weak one refused next to the field", async () => {
  const { page, context, errors } = await openApp(browser, srv.pg);
  await tid(page, "preset").selectOption("connector-ro");
  await tid(page, "host").fill("ep-sunny-lake-123456.us-east-2.aws.neon.tech");
  await tid(page, "database").fill("neondb");
  assert.ok(await tid(page, "scram-toggle").isDisabled());
  await tid(page, "password").fill("short1pass");
  assert.match(await tid(page, "password-error").textContent(), /^Neon refuses passwords under 60 bits/);
  await tid(page, "password").fill("Str0ng!Passw0rd-42");
  await tid(page, "generate").click();
  assert.ok((await tid(page, "sql").textContent()).includes("PASSWORD 'Str0ng!Passw0rd-42'"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link's provider shows in the picker", async () => {
  const { page, context, errors } = await openApp(browser, `${srv.pg}#provider=cloudsql&host=10.0.0.3`);
  assert.equal(await tid(page, "provider").inputValue(), "cloudsql");
  assert.match(await tid(page, "provider-note").textContent(), /^Google Cloud SQL/);
  assert.deepEqual(errors, []);
  await context.close();
});
