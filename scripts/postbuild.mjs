#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): runs in the staging directory Trunk is about to
// publish as dist/.
//  1. Adds a Content-Security-Policy <meta> to index.html that allows only the page's
//     own files, its inline scripts by their sha256 hash, and wasm compilation: no
//     other origin for anything.
//     (The page is index.html, or all.html when scripts/build.sh builds the
//     all-databases page; the single-file build it keeps is that page's.)
//  2. Writes grantsmith-offline.html: one self-contained file (CSS, JS and the wasm
//     module inlined, the module compiled synchronously from base64 bytes, since
//     Chromium will not fetch() a .wasm from file://), with connect-src 'none'.
//  3. Minifies the wasm-bindgen JS glue with esbuild (scripts/setup.sh installs it) and
//     updates its integrity hash in the page.
//  4. Puts the hints for the page's three files (wasm, glue, stylesheet) before the CSP
//     and renders nothing before the app has mounted (earlyHints).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";

// The global the early compile leaves its promise in (see compileEarly).
const EARLY = "window.grantsmithWasm";
// Trunk's preload of the wasm: compileEarly reads its path and integrity hash from it,
// earlyHints moves it before the CSP.
const WASM_PRELOAD = /<link (?=[^>]*rel="?preload"?)(?=[^>]*as="?fetch"?)[^>]*href="?\.\/([^" >]+_bg\.wasm)"?[^>]*>/;
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const read = (f) => fs.readFileSync(path.join(dir, f));
const sha = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
const files = fs.readdirSync(dir);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`postbuild: no file matching ${re} in ${dir}`);
  return f;
};

// The page Trunk built (index.html, or all.html for the all-databases page).
const pages = files.filter((n) => n.endsWith(".html") && n !== "grantsmith-offline.html");
if (pages.length !== 1) throw new Error(`postbuild: expected one page in ${dir}, found ${pages}`);
const pageName = pages[0];
let html = read(pageName).toString();
html = compileEarly(html);
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const csp = (extra) => `<meta http-equiv="Content-Security-Policy" content="${extra}">`;
const served = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.map(sha).join(" ")}`,
  "style-src 'self'",
  "connect-src 'self'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
if (html.includes("Content-Security-Policy")) throw new Error("postbuild: CSP already present");
// Trunk may have minified the HTML: the charset tag may be unquoted.
const charset = /<meta charset="?utf-8"?\s*\/?>/i;
if (!charset.test(html)) throw new Error("postbuild: no <meta charset> to put the CSP after");
html = html.replace(charset, (m) => `${m}\n    ${csp(served)}`);
html = earlyHints(html);
fs.writeFileSync(path.join(dir, pageName), html);

// --- the single-file build ---
const css = read(pick(/^main-.*\.css$/)).toString();
const glue = read(pick(/^grantsmith-[^_]*\.js$/)).toString()
  .replace(/^export (class|function|const|let) /gm, "$1 ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
const wasm = read(pick(/^grantsmith-.*_bg\.wasm$/)).toString("base64");
// The early compile fetches the wasm: the single file carries it inline instead.
const helpers = inline.filter((s) => !s.includes("import init") && !s.includes(EARLY));
const boot = `${glue}
initSync({ module: Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0)) });
`;
const offlineCsp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${[boot, ...helpers].map(sha).join(" ")}`,
  `style-src ${sha(css)}`,
  "connect-src 'none'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const title = html.match(/<title>[\s\S]*?<\/title>/)[0];
const offline = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    ${csp(offlineCsp)}
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <link rel="icon" href="data:,">
    ${title}
    <style>${css}</style>
  </head>
  <body>
${helpers.map((s) => `<script>${s}</script>`).join("\n")}
<script type="module">${boot}</script>
  </body>
</html>
`;
fs.writeFileSync(path.join(dir, "grantsmith-offline.html"), offline);
console.log(`postbuild: CSP added (${inline.length} inline script(s)); grantsmith-offline.html ${offline.length} bytes`);

// --- the JS glue, minified (Trunk's minifier gives up on it) ---
// After the single-file build, which strips the glue's exports by their unminified
// shape. The page names the glue with a sha384 integrity hash: it is rewritten too.
const glueName = pick(/^grantsmith-[^_]*\.js$/);
const gluePath = path.join(dir, glueName);
const sri = (b) => `sha384-${crypto.createHash("sha384").update(b).digest("base64")}`;
const before = fs.readFileSync(gluePath);
execFileSync("esbuild", [gluePath, "--minify", "--format=esm", "--log-level=warning", "--allow-overwrite", `--outfile=${gluePath}`]);
const after = fs.readFileSync(gluePath);
if (!html.includes(sri(before))) throw new Error(`postbuild: no integrity hash for ${glueName} in ${pageName}`);
fs.writeFileSync(path.join(dir, pageName), html.replace(sri(before), sri(after)));
console.log(`postbuild: ${glueName} minified, ${before.length} → ${after.length} bytes`);

/** Starts compiling the wasm as its bytes arrive, from the top of <head> (issue 30).
 * Trunk's loader starts only once the stylesheet and the JS glue are in and the
 * document is parsed: on a cold load the wasm had long arrived by then, and its
 * compilation came after that wait instead of during it (measured: the first SQL
 * 10-20 ms sooner, docs/performance.md). A classic inline script before the stylesheet
 * fetches the wasm with the integrity hash Trunk's preload carried (the preload, moved
 * before the CSP by earlyHints, is taken over by this fetch: one request, its bytes
 * checked) and compiles it as it
 * streams in; the loader hands the compiled module to the glue's `init`, which
 * instantiates it. A server that does not send `application/wasm` gets the same bytes
 * compiled from a buffer. The single-file build leaves it out (it carries the bytes). */
function compileEarly(page) {
  const m = page.match(WASM_PRELOAD);
  if (!m) throw new Error(`postbuild: no wasm preload in ${pageName}`);
  const integrity = m[0].match(/integrity="?(sha384-[A-Za-z0-9+/=]+)"?/);
  if (!integrity) throw new Error(`postbuild: the wasm preload has no integrity hash in ${pageName}`);
  const loader = `init({ module_or_path: './${m[1]}' })`;
  if (!page.includes(loader)) throw new Error(`postbuild: Trunk's loader does not call ${loader}`);
  const early = `<script>${EARLY}=fetch("./${m[1]}",{integrity:"${integrity[1]}"}).then((r)=>(r.headers.get("content-type")||"").startsWith("application/wasm")?WebAssembly.compileStreaming(r):r.arrayBuffer().then(WebAssembly.compile))</script>`;
  const charset = /<meta charset="?utf-8"?\s*\/?>/i;
  return page
    // Should the early script not have run, the glue fetches the path itself.
    .replace(loader, `init({ module_or_path: await (${EARLY} ?? './${m[1]}') })`)
    .replace(charset, (c) => `${c}${early}`);
}

/** The page's three files asked for before the CSP tag, and no frame before the app
 * (issue 30). Chromium's preload scanner holds back what follows a CSP `<meta>` until
 * the parser has read it (measured: the stylesheet asked for ~9 ms later with the tag
 * than without), so the wasm's preload (Trunk's, which the early compile's fetch takes
 * over: one request), the glue's modulepreload (moved) and a preload of the stylesheet
 * (the stylesheet itself stays after the CSP) go before it. They name only the page's
 * own files, each with its integrity hash: nothing in them is the CSP's to refuse. And
 * Trunk's loader is `blocking=render`: Chromium no longer paints the empty page, with
 * its style and layout, on the main thread while the wasm arrives (the page shows
 * nothing before the app anyway; other browsers ignore the attribute). Together, eleven
 * interleaved runs of 21 cold loads: 9 faster, a mean of 4 ms less to the first SQL
 * (docs/performance.md, session 16). */
function earlyHints(page) {
  const glue = page.match(/<link (?=[^>]*rel="?modulepreload"?)[^>]*>/);
  if (!glue) throw new Error(`postbuild: no modulepreload of the glue in ${pageName}`);
  const sheet = page.match(/<link (?=[^>]*rel="?stylesheet"?)[^>]*href="?(\.\/main-[0-9a-f]+\.css)"?[^>]*integrity="?(sha384-[A-Za-z0-9+/=]+)"?[^>]*>/);
  if (!sheet) throw new Error(`postbuild: no stylesheet with an integrity hash in ${pageName}`);
  const loader = /<script type="?module"?>(?=\s*import init)/;
  if (!loader.test(page)) throw new Error(`postbuild: no Trunk loader in ${pageName}`);
  const wasm = page.match(WASM_PRELOAD);
  const hints = [wasm[0], glue[0], `<link rel=preload href=${sheet[1]} as=style integrity=${sheet[2]}>`].join("");
  const cspTag = '<meta http-equiv="Content-Security-Policy"';
  return page
    .replace(wasm[0], "")
    .replace(glue[0], "")
    .replace(loader, "<script type=module blocking=render>")
    .replace(cspTag, `${hints}\n    ${cspTag}`);
}
