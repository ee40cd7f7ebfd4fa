// The parity oracle: runs the original applets' own code (seed_applet.jsx, verbatim)
// with stub React hooks, for each form read as JSON lines on stdin, and prints what the
// original shows: host error, SQL, connection string, and the new-schema SQL.
// Used by tests/parity.rs; needs esbuild (tests/e2e/node_modules).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../e2e/package.json"));
const esbuild = require("esbuild");
const src = fs.readFileSync(path.join(here, "seed_applet.jsx"), "utf8").replaceAll("export const ", "const ");
const js = esbuild.transformSync(src, { loader: "jsx", jsx: "transform", jsxFactory: "h", jsxFragment: "'frag'" }).code;

let states, setters;
const hooks = {
  useState(init) {
    const i = setters.length;
    const setter = (v) => setters[i].calls.push(v);
    setters.push({ calls: [] });
    return [i in states ? states[i] : init, setter];
  },
  useMemo: (f) => f(),
  useEffect: () => {},
  h: (type, props, ...children) => ({ type, props: props ?? {}, children: children.flat(Infinity) }),
};
const make = new Function("useState", "useMemo", "useEffect", "h",
  `${js}; return { PostgresSqlBuilder, PostgresNewSchemaGrant };`);
const { PostgresSqlBuilder, PostgresNewSchemaGrant } = make(hooks.useState, hooks.useMemo, hooks.useEffect, hooks.h);

function render(component, st) {
  states = st; setters = [];
  return component();
}
function find(node, pred, out = []) {
  if (node && typeof node === "object") {
    if (pred(node)) out.push(node);
    for (const c of node.children ?? []) find(c, pred, out);
  }
  return out;
}
const text = (n) => n.children.filter((c) => typeof c === "string").join("");

// PostgresSqlBuilder's useState order in the seed.
const B = { dbName: 0, role: 2, schemas: 3, tableCreators: 4, includeRls: 6, useAllSchemas: 7, isGenerated: 11, host: 13, port: 14 };

function builder(f) {
  const st = {
    [B.dbName]: f.database, [B.role]: f.role, [B.schemas]: f.schemas, [B.tableCreators]: f.owners,
    [B.includeRls]: f.rls, [B.useAllSchemas]: f.scope === "all", [B.isGenerated]: true, [B.host]: f.host, [B.port]: f.port,
  };
  // The host error is what the host input's change handler stores (state 16).
  let tree = render(PostgresSqlBuilder, st);
  const hostInput = find(tree, (n) => n.type === "input" && n.props.onChange && n.props.value === f.host)[0];
  hostInput.props.onChange({ target: { value: f.host } });
  const hostError = setters[16].calls.at(-1);
  tree = render(PostgresSqlBuilder, { ...st, 16: hostError });
  const codes = find(tree, (n) => n.type === "code").map(text);
  return { hostError, sql: codes[0], conn: codes[1] };
}

function schemaGrant(f) {
  const tree = render(PostgresNewSchemaGrant, { 0: f.schema, 1: f.role, 2: f.owner });
  return { sql: text(find(tree, (n) => n.type === "pre")[0]) };
}

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  const f = JSON.parse(line);
  const out = f.kind === "schema" ? schemaGrant(f) : builder(f);
  process.stdout.write(JSON.stringify(out) + "\n");
}
