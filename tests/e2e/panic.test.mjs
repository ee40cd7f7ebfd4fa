// A panic prints its message to the console (issue 30): every page installs
// console_error_panic_hook and is built with panic=abort, so the hook runs before the
// trap. The page panics only in a test build (the `panic-test` feature, when its
// fragment holds `panic-test`): this test builds that page (the default page with the
// feature, into target/dist-panic, with the release flags) and reads the message back
// from Chromium's console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, startServer, ROOT } from "./helpers.mjs";

const OUT = path.join(ROOT, "target/dist-panic");
let browser, srv;
before(async () => {
  const html = path.join(ROOT, "panic-test.html");
  fs.writeFileSync(html, fs.readFileSync(path.join(ROOT, "index.html"), "utf8")
    .replace(" data-cargo-no-default-features", ' data-cargo-no-default-features data-cargo-features="panic-test"'));
  try {
    execFileSync("bash", ["-c", `. scripts/env.sh && . scripts/wasm-flags.sh && trunk build panic-test.html --release --dist ${OUT}`],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  } finally {
    fs.rmSync(html);
  }
  browser = await launch();
  srv = await startServer(OUT);
});
after(async () => { await browser?.close(); await srv?.close(); });

test("a panic in the page prints its message to the console", async () => {
  const page = await browser.newPage();
  const console = [];
  page.on("console", (m) => console.push(m.text()));
  const trapped = new Promise((resolve) => page.on("pageerror", (e) => resolve(String(e))));
  await page.goto(`${srv.url}#panic-test`);
  assert.match(await trapped, /unreachable|RuntimeError/, "the panic ends in the trap");
  assert.ok(console.some((t) => t.includes("grantsmith panic test: this message must reach the console")), console.join("\n"));
  // The same build without the flag: no panic, the builder shows.
  const ok = await browser.newPage();
  const errors = [];
  ok.on("pageerror", (e) => errors.push(String(e)));
  await ok.goto(srv.url);
  await ok.getByTestId("generate").waitFor();
  assert.deepEqual(errors, []);
});
