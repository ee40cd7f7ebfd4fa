// The embed follows the docs page's own theme: Docusaurus marks dark mode with
// html[data-theme="dark"], Tailwind-based sites (Mintlify) with html.dark, and both
// switch it live; data-theme on the embed fixes it; with no sign it follows the system.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, startServer, DIST } from "./helpers.mjs";

let browser, srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

const LIGHT = "rgb(250, 250, 250)";
const DARK = "rgb(17, 24, 39)";

/** A host page `html` (its <html> attributes and the embed's), in a browser whose
 * system setting is `system`; returns the page and the frame. */
async function host(name, htmlAttrs, embedAttrs, system = "light", ready = "generate") {
  const file = path.join(DIST, `theme-${name}.html`);
  fs.writeFileSync(file, `<!doctype html><html ${htmlAttrs}><body>
    <div id="g" data-grantsmith ${embedAttrs}></div><script src="embed.js"></script></body></html>`);
  const context = await browser.newContext({ colorScheme: system });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${srv.url}theme-${name}.html`);
  const frame = page.frameLocator("#g iframe");
  await frame.getByTestId(ready).waitFor();
  const card = () => frame.locator(".gs-card").first().evaluate((e) => getComputedStyle(e).backgroundColor);
  const close = async () => { assert.deepEqual(errors, []); await context.close(); fs.rmSync(file); };
  return { page, card, close };
}

async function until(read, want, what) {
  for (let i = 0; i < 50; i++) {
    if ((await read()) === want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await read(), want, what);
}

test("Docusaurus-style data-theme: the frame starts in it and follows the switch", async () => {
  const { page, card, close } = await host("docusaurus", 'data-theme="dark"', "", "light");
  assert.equal(await card(), DARK, "the page's dark theme wins over a light system");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await until(card, LIGHT, "switched to light");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await until(card, DARK, "switched back to dark");
  await close();
});

test("Tailwind/Mintlify-style class: html.dark and html.light, live", async () => {
  const { page, card, close } = await host("tailwind", 'class="light" style="color-scheme: light"', "", "dark");
  assert.equal(await card(), LIGHT, "the page's light theme wins over a dark system");
  await page.evaluate(() => { const h = document.documentElement; h.classList.replace("light", "dark"); h.style.colorScheme = "dark"; });
  await until(card, DARK, "switched to dark");
  await close();
});

test("data-theme on the embed fixes the theme; no sign at all follows the system", async () => {
  const fixed = await host("fixed", 'data-theme="light"', 'data-theme="dark"', "light");
  assert.equal(await fixed.card(), DARK);
  await fixed.page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await fixed.card(), DARK, "a fixed theme ignores the page's switch");
  await fixed.close();
  const plain = await host("plain", "", "", "dark");
  assert.equal(await plain.card(), DARK, "the system's dark setting");
  await plain.close();
});

test("the frame takes nothing but light, dark or auto from its parent", async () => {
  const { page, card, close } = await host("hostile", 'data-theme="light"', "", "light");
  const frameEl = await page.$("#g iframe");
  const win = await frameEl.contentFrame();
  await page.evaluate(() => {
    const w = document.querySelector("#g iframe").contentWindow;
    w.postMessage({ grantsmith: "theme", theme: "dark\" onload=\"alert(1)" }, "*");
    w.postMessage({ grantsmith: "theme", theme: { toString: null } }, "*");
  });
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await win.evaluate(() => document.documentElement.getAttribute("data-gs-theme")), "light");
  assert.equal(await card(), LIGHT);
  await close();
});

test("an accent colour from the embed colours the buttons; anything but a hex colour is refused", async () => {
  const button = (h) => h.page.frameLocator("#g iframe").getByTestId("generate")
    .evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
  const green = await host("accent", "", 'data-accent="#0a7"', "light");
  assert.deepEqual(await button(green), ["rgb(0, 170, 119)", "rgb(255, 255, 255)"]);
  await green.close();
  const pale = await host("accent-pale", "", 'data-accent="#FFD700"', "light");
  assert.deepEqual(await button(pale), ["rgb(255, 215, 0)", "rgb(17, 24, 39)"], "dark text on a light accent");
  await pale.close();
  // Refused with a message to the docs author (no builder), and none of it reaches the
  // frame's style.
  for (const bad of ["red", "#0a7;background:url(x)", "#12345", "expression(alert(1))"]) {
    const h = await host("accent-bad", "", `data-accent="${bad}"`, "light", "profile-errors");
    const frame = h.page.frameLocator("#g iframe");
    assert.match(await frame.getByTestId("profile-errors").textContent(), /"accent": .* is not a colour written #rgb or #rrggbb/, bad);
    assert.equal(await frame.locator("html").evaluate((e) => e.style.getPropertyValue("--gs-accent")), "", bad);
    await h.close();
  }
});
