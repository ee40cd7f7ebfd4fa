#!/usr/bin/env node
// A static file server bound to 127.0.0.1 only. Usage: serve.mjs DIR [PORT]
// Prints the URL; with GS_LOG set, prints each request path (the e2e tests count them).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
  ".sql": "text/plain; charset=utf-8", ".json": "application/json",
};

export function serve(dir, port = 0, onRequest = () => {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    onRequest(req);
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080"] = process.argv.slice(2);
  const log = process.env.GS_LOG ? (r) => console.log(`${r.method} ${r.url}`) : () => {};
  const server = await serve(dir, Number(port), log);
  console.log(`Grantsmith is served at http://127.0.0.1:${server.address().port}/  (Ctrl+C stops it)`);
}
