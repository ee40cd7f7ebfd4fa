// Shared by the package's site tests (package-*.test.mjs): the tarball scripts/package.sh
// wrote, installed with npm into a docs site as a docs author would, with no Rust
// toolchain on PATH; and one drive of the site's builder page in Chromium.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Not helpers.mjs's ROOT: the type check runs without the browser helpers.mjs insists on.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const E2E = path.join(ROOT, "tests/e2e");
const VERSION = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1];
export const TGZ = path.join(ROOT, `grantsmith-${VERSION}.tgz`);

/** The environment of a machine with no Rust: PATH without cargo's and rustup's folders. */
export function noRustEnv() {
  const PATH = process.env.PATH.split(":").filter((d) => !/\.cargo|rustup/.test(d) && !fs.existsSync(path.join(d, "cargo"))).join(":");
  const env = { ...process.env, PATH, DOCUSAURUS_TELEMETRY_DISABLED: "1", ASTRO_TELEMETRY_DISABLED: "1" };
  for (const tool of ["cargo", "rustc", "trunk"]) {
    assert.equal(spawnSync(tool, ["--version"], { env }).error?.code, "ENOENT", `${tool} is still on PATH`);
  }
  return env;
}

/** A new site folder inside tests/e2e/<deps> (whose node_modules holds the pinned
 * framework, installed by scripts/setup.sh --test, found by Node's and the bundlers' own
 * walk up the folders, with no links), `files` copied in, and grantsmith installed into
 * it from the tarball by npm. Returns the folder, which the caller removes. */
export function siteWithPackage(name, deps, files, env) {
  if (!fs.existsSync(TGZ)) throw new Error(`${TGZ} is missing: run scripts/package.sh (./test.sh does)`);
  const modules = path.join(E2E, deps, "node_modules");
  if (!fs.existsSync(modules)) throw new Error(`${modules} is missing: run ./test.sh, which installs it`);
  const site = fs.mkdtempSync(path.join(E2E, deps, `.site-${name}-`));
  for (const [from, to] of files) fs.cpSync(from, path.join(site, to), { recursive: true });
  fs.writeFileSync(path.join(site, "package.json"), JSON.stringify({ name: "docs-site", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", TGZ], { cwd: site, env, stdio: "pipe" });
  return site;
}

/** Runs a Node CLI of the site's framework (its bin file, in the folder above the site) in the site, with `env`. */
export function runBin(site, bin, args, env) {
  execFileSync(process.execPath, [path.join(path.dirname(site), "node_modules", bin), ...args], { cwd: site, env, stdio: "pipe", timeout: 300_000 });
}

/**
 * Drives the builder page at `url`: the tag's attributes and profile reached the
 * builder, Generate and Copy put the script on the clipboard, the site's client-side
 * navigation away (`away`) and back (`back`) keeps the page and brings the builder back,
 * and the site's dark switch (`dark`) darkens it. No console error on the way.
 */
export async function drive(browser, url, { away, back, dark }) {
  const { until } = await import("./helpers.mjs");
  const context = await browser.newContext({ colorScheme: "light", permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  await page.goto(url);
  const frame = page.frameLocator("grantsmith-builder iframe");
  await frame.getByTestId("generate").waitFor();
  const card = () => frame.locator(".gs-card").first().evaluate((e) => getComputedStyle(e).backgroundColor);
  const src = await page.locator("grantsmith-builder iframe").getAttribute("src");
  assert.ok(src.startsWith(new URL(url).origin + "/grantsmith/"), `the frame comes from the site's own origin: ${src}`);
  // Attributes and profile keys.
  assert.equal(await frame.getByTestId("role").inputValue(), "acme_sync");
  assert.equal(await frame.locator('label[for="gs-role"]').textContent(), "Acme Sync user name");
  assert.equal(await frame.getByTestId("schemas").evaluate((e) => e.readOnly), true);
  assert.match(await frame.getByTestId("host-note").textContent(), /Settings → Database/);
  // databases="…" (which Astro's Markdown writes as data-bases="…").
  const offered = await frame.getByTestId("dialect").locator("option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered, ["postgresql", "snowflake"]);
  assert.equal(await card(), "rgb(250, 250, 250)");
  // The reader types what the tag left out, then Generate, Copy, and the clipboard
  // read back.
  await frame.getByTestId("database").fill("shop");
  await frame.getByTestId("generate").click();
  const sql = await frame.getByTestId("sql").textContent();
  assert.match(sql, /CREATE ROLE "acme_sync"/);
  await frame.getByTestId("copy-sql").click();
  await frame.getByTestId("copy-sql").filter({ hasText: "Copied!" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sql);
  // Client-side navigation: the marker survives only if the page did not reload.
  await page.evaluate(() => { window.__stayed = true; });
  await away(page);
  await page.waitForFunction(() => !document.querySelector("grantsmith-builder"));
  await back(page);
  await frame.getByTestId("generate").waitFor();
  assert.equal(await page.evaluate(() => window.__stayed), true, "the site reloaded the page instead of navigating");
  assert.equal(await frame.getByTestId("host").inputValue(), "db.example.com");
  // The site's own dark switch.
  await dark(page);
  assert.equal(await until(card, "rgb(17, 24, 39)"), "rgb(17, 24, 39)");
  // The dry run from the site's own copy of the package (PGlite ships in dist/pglite/):
  // the default page hands the form over to postgres.html in the frame, which runs it.
  await frame.getByTestId("database").fill("shop");
  await frame.getByTestId("generate").click();
  await frame.getByTestId("dry-run-button").click();
  await frame.getByTestId("dry-run-summary").waitFor({ timeout: 90_000 });
  assert.match(await frame.getByTestId("dry-run-summary").textContent(), /^Passed: 0 errors, 0 warnings/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], "requests to another origin");
  await context.close();
}
