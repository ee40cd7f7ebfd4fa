// Starting values work the same for every database and preset: a link (URL fragment)
// and the docs embed (data-* attributes) for each preset of each database, with every
// value its form takes, and each value is found in the form.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, openApp, tid, DIST } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

const PG_PRESET = ["host", "port", "role", "database", "schemas", "owners"];
const FORMS = {
  postgresql: {
    original: { text: ["host", "port", "role", "database", "schemas", "owners"], flags: { scope: "listed", rls: "1" } },
    metadata: { text: [...PG_PRESET, "connection-name", "password-env-name"], flags: { ssl: "1" } },
    "metadata all": { preset: "metadata", text: ["host", "port", "role", "database", "include", "exclude", "owners"], flags: { "all-schemas": "1" } },
    "connector-rw": { text: PG_PRESET, flags: { ssl: "1" } },
    "connector-ro": { text: PG_PRESET, flags: { ssl: "1" } },
    custom: { text: PG_PRESET, flags: { ssl: "1" } },
    cdc: { text: ["host", "port", "role", "database", "tables"], flags: { ssl: "1", "create-slot": "1", "replica-identity-full": "1" } },
    "cdc schemas": { preset: "cdc", text: ["host", "port", "role", "database", "schemas"], flags: { "whole-schemas": "1" } },
  },
  mysql: { text: ["host", "port", "role", "client-host", "schemas"], flags: { ssl: "1" } },
  sqlserver: { text: ["host", "port", "role", "database", "schemas"], flags: { ssl: "0" } },
  snowflake: { text: ["host", "role", "warehouse", "database", "schemas", "public-key"], flags: {} },
  redshift: { text: ["host", "port", "role", "database", "schemas", "owners"], flags: { ssl: "1" } },
  bigquery: { text: ["database", "role", "schemas", "location"], flags: {} },
};
const ACCESSES = { bigquery: ["connector-ro", "connector-rw", "metadata"] };

/** Every (db, preset, form) the page offers. */
function cases() {
  const out = [];
  for (const [db, spec] of Object.entries(FORMS)) {
    if (db === "postgresql") {
      for (const [name, form] of Object.entries(spec)) out.push({ db, preset: form.preset ?? name, name, ...form });
    } else {
      for (const preset of ACCESSES[db] ?? ["connector-ro", "connector-rw"]) out.push({ db, preset, name: preset, ...spec });
    }
  }
  return out;
}

const value = (key) => (key === "port" ? "6001" : `v-${key}-x`);

/** The form shows every value and option the starting values named. */
async function expectValues(scope, c) {
  assert.equal(await scope.getByTestId("dialect").inputValue(), c.db);
  assert.equal(await scope.getByTestId("preset").inputValue(), c.preset);
  if (c.preset === "original") await scope.getByTestId("advanced").click();
  for (const key of c.text) {
    assert.equal(await scope.getByTestId(key).inputValue(), value(key), `${c.db} ${c.name}: ${key}`);
  }
  const checked = (id) => scope.getByTestId(id).isChecked();
  for (const [flag, v] of Object.entries(c.flags)) {
    if (flag === "scope") assert.equal(await checked("scope-listed"), true, `${c.db} ${c.name}: scope`);
    else assert.equal(await checked(flag), v === "1", `${c.db} ${c.name}: ${flag}`);
  }
}

function pairs(c) {
  return [["db", c.db], ["preset", c.preset], ...c.text.map((k) => [k, value(k)]), ...Object.entries(c.flags)];
}

test("a link opens every preset of every database with each of its starting values", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  for (const c of cases()) {
    const frag = new URLSearchParams(pairs(c)).toString();
    await page.goto("about:blank");
    await page.goto(`${srv.url}#${frag}`);
    await tid(page, "generate").waitFor();
    await expectValues(page, c);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("the embed passes every data-* starting value the same way", async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const file = path.join(DIST, "embed-start-values.html");
  const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  try {
    for (const c of cases()) {
      const data = pairs(c).map(([k, v]) => `data-${k}="${attr(v)}"`).join(" ");
      fs.writeFileSync(file, `<!doctype html><html><body><div id="g" data-grantsmith ${data}></div><script src="embed.js"></script></body></html>`);
      await page.goto(`${srv.url}embed-start-values.html?${encodeURIComponent(c.db + c.name)}`);
      const frame = page.frameLocator("#g iframe");
      await frame.getByTestId("generate").waitFor();
      await expectValues(frame, c);
    }
  } finally {
    fs.rmSync(file, { force: true });
    await context.close();
  }
});
