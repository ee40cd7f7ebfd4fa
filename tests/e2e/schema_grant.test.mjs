// The new-schema grant applet: live SQL, messages, copy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, openApp, tid, golden } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("defaults, live updates, refusal and copy", async () => {
  const { page, context } = await openApp(browser, srv.url);
  assert.equal(await tid(page, "ns-sql").textContent(), golden("new_schema_default.sql"));
  await tid(page, "ns-schema").fill("Sales \"EU\"");
  await tid(page, "ns-role").fill("app'x");
  assert.match(await tid(page, "ns-sql").textContent(), /^-- Run as the role that owns\/creates tables in this schema \(usually "postgres"\)\nGRANT USAGE ON SCHEMA "Sales ""EU""" TO "app'x";/);
  await tid(page, "ns-copy").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="ns-copy"]').textContent === "Copied!");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await tid(page, "ns-sql").textContent());
  await tid(page, "ns-owner").fill("x".repeat(64));
  assert.match(await tid(page, "ns-owner-error").textContent(), /^Too long: 64 bytes/);
  assert.equal(await tid(page, "ns-sql").textContent(), "");
  assert.equal(await tid(page, "ns-copy").isDisabled(), true);
  await context.close();
});
