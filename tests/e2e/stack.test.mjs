// The page's wasm runs on a 256 KiB stack (.cargo/config.toml): the largest inputs the
// forms take, through every renderer of both pages and with a SCRAM verifier, run
// without a trap (this passes on a 16 KiB stack and fails on 4 KiB).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid, showScripts, pickDb } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

// 9,000 distinct names: about 60 KB, just under the 64 KiB a field holds.
const names = (prefix) => Array.from({ length: 9000 }, (_, i) => `${prefix}${i}`).join(",");

async function everyScript(page, what) {
  assert.equal(await tid(page, "hint").textContent(), "", what);
  await tid(page, "generate").click();
  assert.match(await tid(page, "sql").textContent(), /s8999/i, `${what}: setup`);
  await showScripts(page);
  assert.match(await tid(page, "verify-sql").textContent(), /s8999/i, `${what}: verify`);
  assert.ok((await tid(page, "uninstall-sql").textContent()).length > 100, `${what}: uninstall`);
}

test("the largest lists through the original, a preset and every other database", async () => {
  const { page, context, errors } = await openApp(browser, `${srv.pg}#scope=listed&rls=1`);
  await tid(page, "host").fill("db.example.com");
  await tid(page, "advanced").click();
  await tid(page, "schemas").fill(names("s"));
  await tid(page, "owners").fill(names("o"));
  await tid(page, "password").fill("p".repeat(1000)); // a SCRAM verifier: 4096 PBKDF2 rounds
  await everyScript(page, "original");
  await tid(page, "preset").selectOption("custom");
  await tid(page, "database").fill("app");
  await tid(page, "schemas").fill(names("s"));
  await everyScript(page, "custom");
  for (const db of ["mysql", "sqlserver", "snowflake", "redshift", "bigquery"]) {
    await pickDb(page, db);
    await tid(page, db === "bigquery" ? "database" : "host").fill(db === "snowflake" ? "myorg-acme" : db === "bigquery" ? "my-project" : "db.example.com");
    if (await tid(page, "database").count() && db !== "bigquery") await tid(page, "database").fill("app");
    if (db === "bigquery") await tid(page, "role").fill("etl@my-project.iam.gserviceaccount.com");
    await tid(page, "schemas").fill(names("s"));
    await everyScript(page, db);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
