// The <grantsmith-builder> custom element inside a real React app, server-rendered and
// hydrated as a docs site does it (React 19 from this directory, React 18 from
// react18/): no hydration error (React's #418 came from the old snippet replacing the
// placeholder before hydration), the frame survives re-renders, and after a
// client-side navigation away and back the new element mounts by itself. This is React
// alone, not a whole Docusaurus site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { launch, startServer, DIST, ROOT } from "./helpers.mjs";

const E2E = path.join(ROOT, "tests/e2e");

// The docs page: a route with the element (written as an MDX page would render it)
// and one without; window hooks let the test re-render and navigate.
const APP = `
import { createElement as h, useState } from "react";
export function App() {
  const [route, setRoute] = useState("docs");
  const [renders, setRenders] = useState(0);
  if (typeof window !== "undefined") {
    window.__navigate = setRoute;
    window.__rerender = () => setRenders((n) => n + 1);
  }
  return h("div", null,
    h("p", { id: "renders" }, "renders " + renders),
    route === "docs"
      ? h("main", { key: "docs" }, h("h1", null, "Set up the database"),
          h("grantsmith-builder", { host: "db.example.com", role: "reporting", preset: "connector-ro" }))
      : h("main", { key: "other" }, h("h1", null, "Another page")));
}`;

/** Bundles the app for the server and the browser with the React in `dir`. */
async function bundles(name, dir) {
  const work = path.join(DIST, `react-${name}`);
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, "app.js"), APP);
  fs.writeFileSync(path.join(work, "server.js"),
    `import { renderToString } from "react-dom/server"; import { createElement } from "react"; import { App } from "./app.js";
     export const html = renderToString(createElement(App));`);
  fs.writeFileSync(path.join(work, "client.js"),
    `import { hydrateRoot } from "react-dom/client"; import { createElement } from "react"; import { App } from "./app.js";
     hydrateRoot(document.getElementById("root"), createElement(App), {
       onRecoverableError: (e) => console.error("recoverable: " + e.message) });`);
  const common = { bundle: true, nodePaths: [path.join(dir, "node_modules")], logLevel: "error",
    define: { "process.env.NODE_ENV": '"production"' } };
  await build({ ...common, entryPoints: [path.join(work, "server.js")], outfile: path.join(work, "server.cjs"),
    platform: "node", format: "cjs" });
  await build({ ...common, entryPoints: [path.join(work, "client.js")], outfile: path.join(work, "client.bundle.js"),
    platform: "browser", format: "iife" });
  const { html } = createRequire(import.meta.url)(path.join(work, "server.cjs"));
  // embed.js runs before React hydrates, as a docs site's script tag does.
  fs.writeFileSync(path.join(DIST, `react-${name}.html`), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <div id="root">${html}</div><script src="embed.js"></script><script src="react-${name}/client.bundle.js"></script>
    </body></html>`);
}

let browser, srv;
before(async () => {
  await bundles("19", E2E);
  await bundles("18", path.join(E2E, "react18"));
  browser = await launch();
  srv = await startServer();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  for (const v of ["18", "19"]) {
    fs.rmSync(path.join(DIST, `react-${v}`), { recursive: true, force: true });
    fs.rmSync(path.join(DIST, `react-${v}.html`), { force: true });
  }
});

for (const version of ["19", "18"]) {
  test(`React ${version}: hydration, re-renders and client-side navigation keep the builder`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${srv.url}react-${version}.html`);
    const frame = page.frameLocator("grantsmith-builder iframe");
    await frame.getByTestId("generate").waitFor();
    assert.equal(await frame.getByTestId("host").inputValue(), "db.example.com");
    assert.equal(await frame.getByTestId("role").inputValue(), "reporting");
    // The light DOM React owns is untouched: the frame is in the shadow root.
    assert.equal(await page.locator("grantsmith-builder").evaluate((e) => e.childNodes.length), 0);
    await frame.getByTestId("database").fill("shop");
    await page.evaluate(() => window.__rerender());
    await page.waitForFunction(() => document.getElementById("renders").textContent === "renders 1");
    assert.equal(await frame.getByTestId("database").inputValue(), "shop", "the same frame after a re-render");
    await page.evaluate(() => window.__navigate("other"));
    await page.waitForFunction(() => !document.querySelector("grantsmith-builder"));
    await page.evaluate(() => window.__navigate("docs"));
    await frame.getByTestId("generate").waitFor();
    assert.equal(await frame.getByTestId("database").inputValue(), "", "a new element, mounted by itself");
    assert.deepEqual(errors, []);
    await context.close();
  });
}
