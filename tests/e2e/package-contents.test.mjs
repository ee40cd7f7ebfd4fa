// What scripts/package.sh put in grantsmith-<version>.tgz: the pages and exactly the
// files they load (the dry run's on the reader's click included), embed.js, the offline single file, the generated manifest and types
// (the committed ones, which tests/package checks against the core), the Docusaurus
// plugin, README, licence and changelog; the version Cargo.toml's. Nothing else: no
// test pages, source maps or sources.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TGZ, E2E } from "./package-sites.mjs";

const ROOT = path.resolve(E2E, "../..");
const read = (file) => execFileSync("tar", ["-xzOf", TGZ, `package/${file}`], { maxBuffer: 1 << 26 });

test("the package holds the pages, what they load, and the docs author's files only", () => {
  if (!fs.existsSync(TGZ)) throw new Error(`${TGZ} is missing: run scripts/package.sh (./test.sh does)`);
  const files = execFileSync("tar", ["-tzf", TGZ], { encoding: "utf8" }).trim().split("\n").map((f) => f.replace(/^package\//, ""));
  const top = files.filter((f) => !f.startsWith("dist/")).sort();
  assert.deepEqual(top, ["CHANGELOG.md", "LICENSE", "README.md", "custom-elements.json", "docusaurus.cjs", "index.d.ts", "package.json"]);
  const dist = files.filter((f) => f.startsWith("dist/")).map((f) => f.slice(5));
  for (const f of ["index.html", "postgres.html", "all.html", "grantsmith-offline.html", "embed.js"]) assert.ok(dist.includes(f), f);
  // Every other file is one a page loads, and every file a page loads is there.
  const loaded = new Set();
  for (const page of ["index.html", "postgres.html", "all.html"]) {
    for (const m of read(`dist/${page}`).toString().matchAll(/\.\/([A-Za-z0-9._-]+\.(?:js|wasm|css))/g)) loaded.add(m[1]);
  }
  assert.ok([...loaded].some((f) => f.endsWith(".wasm")), "no page loads a .wasm file");
  // The dry run's module and PGlite, loaded on the reader's click: exactly what the build
  // put in dist/ for it (scripts/build.sh copies the pinned package's files).
  const dryRun = ["dry-run.js", "dry-run.css", ...fs.readdirSync(path.join(ROOT, "dist/pglite"), { recursive: true })
    .filter((f) => fs.statSync(path.join(ROOT, "dist/pglite", f)).isFile()).map((f) => `pglite/${f}`)];
  assert.ok(dryRun.includes("pglite/pglite.wasm"), "the build's dist/pglite has no pglite.wasm");
  const rest = dist.filter((f) => !f.endsWith(".html") && f !== "embed.js");
  assert.deepEqual(rest.sort(), [...loaded, ...dryRun].sort());
  const pkg = JSON.parse(read("package.json"));
  assert.equal(pkg.version, fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1]);
  assert.equal(pkg.name, "grantsmith");
  assert.equal(read("custom-elements.json").toString(), fs.readFileSync(path.join(ROOT, "package/custom-elements.json"), "utf8"));
  assert.equal(read("index.d.ts").toString(), fs.readFileSync(path.join(ROOT, "package/index.d.ts"), "utf8"));
  assert.equal(read("dist/embed.js").toString(), fs.readFileSync(path.join(ROOT, "embed/embed.js"), "utf8"));
  // The manifest names the tag embed.js defines.
  assert.equal(JSON.parse(read("custom-elements.json")).modules[0].declarations[0].tagName, "grantsmith-builder");
});
