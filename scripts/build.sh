#!/usr/bin/env bash
# Builds dist/ for release: the page a PostgreSQL user loads (index.html, built without
# the other databases' code) and the all-databases page (all.html, with it), which the
# first one's picker opens for another database; the single-file build is the second's.
# Both come from index.html: all.html is it without data-cargo-no-default-features.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/wasm-flags.sh
# Trunk builds the page its HTML names: the same page with default features.
sed 's/ data-cargo-no-default-features//' index.html > all.html
trap 'rm -f all.html' EXIT
trunk build all.html --release --dist target/dist-all >&2
trunk build index.html --release >&2
# The all-databases page's own files: Trunk names every page it builds index.html, so
# it becomes all.html here; its glue and wasm have names of their own (content
# hashes); the CSS and embed.js are the same files in both. The single-file build is
# the all-databases one.
cp target/dist-all/index.html dist/all.html
for f in target/dist-all/*; do
  name=$(basename "$f")
  [ "$name" = index.html ] || [ -e "dist/$name" ] || cp "$f" dist/
done
cp target/dist-all/grantsmith-offline.html dist/
