// The package's TypeScript declarations (index.d.ts, written from the core's attribute
// list) in a TSX file, checked by tsc (pinned in typescript/, with React 19's and React
// 18's types) after `npm install ./grantsmith-<version>.tgz` with no Rust on PATH: the tag
// with its attributes type-checks, and a preset it does not offer or a misspelt
// attribute is an error (each `@ts-expect-error` fails the check when nothing is wrong).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { noRustEnv, siteWithPackage } from "./package-sites.mjs";

const TSX = `import type {} from "grantsmith";
import type { GrantsmithBuilderAttributes } from "grantsmith";

export const ok = (
  <grantsmith-builder product="Acme Sync" databases="postgresql,snowflake" preset="connector-rw"
    role="acme_sync" fixed="schemas,preset" note-host="Under Settings → Database." theme="auto"
    accent="#0a7" className="wide" key="b">
    <script type="application/json">{'{"schemas": ["app"]}'}</script>
  </grantsmith-builder>
);
export const attrs: GrantsmithBuilderAttributes = { db: "mysql", "whole-schemas": "on" };
// @ts-expect-error: "nope" is not a preset
export const badPreset = <grantsmith-builder preset="nope" />;
// @ts-expect-error: "prodcut" is not an attribute
export const typo = <grantsmith-builder prodcut="Acme" />;
// @ts-expect-error: "blue" is not a theme
export const badTheme: GrantsmithBuilderAttributes = { theme: "blue" };
`;

const react18 = { react: ["../node_modules/@types/react-18"], "react/*": ["../node_modules/@types/react-18/*"] };
const CONFIGS = {
  "React 19, automatic runtime": { jsx: "react-jsx" },
  "React 18, automatic runtime": { jsx: "react-jsx", paths: react18 },
  "React 18, classic runtime (global JSX)": { jsx: "react", paths: react18 },
};

let dir;
after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

test("<grantsmith-builder> type-checks in TSX with React 19 and 18", () => {
  const env = noRustEnv();
  const site = siteWithPackage("types", "typescript", [], env);
  dir = site;
  fs.writeFileSync(path.join(site, "page.tsx"), TSX);
  fs.writeFileSync(path.join(site, "classic.tsx"), `import * as React from "react";\n${TSX}`);
  for (const [name, opts] of Object.entries(CONFIGS)) {
    const file = opts.jsx === "react" ? "classic.tsx" : "page.tsx";
    const config = { compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: "esnext",
      moduleResolution: "bundler", target: "es2022", lib: ["es2022", "dom"], types: [], ...opts }, files: [file] };
    fs.writeFileSync(path.join(site, "tsconfig.json"), JSON.stringify(config));
    try {
      execFileSync(process.execPath, [path.join(path.dirname(site), "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: site, env, stdio: "pipe" });
    } catch (e) {
      assert.fail(`${name}: tsc refused it:\n${e.stdout}${e.stderr}`);
    }
  }
});
