#!/usr/bin/env bash
# Builds dist/ for release, three pages from index.html (issue 30):
#  - index.html, the page most readers open: the original applet alone (no `extras`,
#    `dialects` or `drift`); its entry points hand the form over to the two others;
#  - postgres.html, PostgreSQL with the presets, client forms, password, verify,
#    inspect and uninstall (`extras`), which hands the drift check and the other
#    databases over to all.html;
#  - all.html, every feature; the single-file build is this one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/wasm-flags.sh
# Trunk builds the page its HTML names: the same page with other features.
sed 's/ data-cargo-no-default-features/ data-cargo-no-default-features data-cargo-features="extras"/' index.html > postgres.html
sed 's/ data-cargo-no-default-features//' index.html > all.html
trap 'rm -f all.html postgres.html' EXIT
trunk build all.html --release --dist target/dist-all >&2
trunk build postgres.html --release --dist target/dist-pg >&2
trunk build index.html --release >&2
# Trunk names every page it builds index.html: the fuller pages are renamed here;
# their glue and wasm have names of their own (content hashes); the CSS and embed.js
# are the same files in every page.
cp target/dist-all/index.html dist/all.html
cp target/dist-pg/index.html dist/postgres.html
for d in target/dist-all target/dist-pg; do
  for f in "$d"/*; do
    name=$(basename "$f")
    [ "$name" = index.html ] || [ "$name" = grantsmith-offline.html ] || [ -e "dist/$name" ] || cp "$f" dist/
  done
done
cp target/dist-all/grantsmith-offline.html dist/
# The dry run (issue 33): its module and the files of the pinned PGlite it imports or
# fetches (ESM and chunks, the wasm, the file-system bundle, pgcrypto, which the
# original's setup creates), served from the page's origin and loaded only on the
# reader's click. scripts/setup.sh installs them (dry-run/package-lock.json).
pglite=dry-run/node_modules/@electric-sql/pglite/dist
[ -f "$pglite/pglite.wasm" ] || { echo "build.sh: PGlite missing: run scripts/setup.sh" >&2; exit 1; }
mkdir -p dist/pglite/contrib
cp "$pglite"/index.js "$pglite"/chunk-*.js "$pglite"/pglite.wasm "$pglite"/pglite.data "$pglite"/pgcrypto.tar.gz dist/pglite/
cp "$pglite"/contrib/pgcrypto.js dist/pglite/contrib/
cp dry-run/dry-run.js dry-run/dry-run.css dist/
