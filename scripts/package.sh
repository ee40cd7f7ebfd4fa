#!/usr/bin/env bash
# Writes the npm package docs authors install (issue 31): grantsmith-<version>.tgz, the
# version Cargo.toml's, holding the prebuilt pages and only the files they load, the
# offline single file, embed.js, the Custom Elements Manifest and TypeScript declarations
# (checked against the core's attribute list first), the Docusaurus plugin, a README for
# docs authors, the licence and the changelog.
#   scripts/package.sh              builds the pages (scripts/build.sh), then packs
#   scripts/package.sh --no-build   packs the dist/ the last build wrote (test.sh)
# The tarball lands in the repository's root; its path is the one line on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
[ "${1:-}" = "--no-build" ] || scripts/build.sh
VERSION="$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)"
# The manifest and declarations are what the attribute list writes (a stale one fails).
cargo test -q --test package manifest_and_declarations >/dev/null

STAGE=target/npm/grantsmith
rm -rf target/npm
mkdir -p "$STAGE/dist"
# The pages, then every file one of them loads by a relative address (their scripts,
# wasm and CSS: ./name.js in an attribute or the module script, minified HTML quotes
# neither), then the embed, which loads the pages: nothing else in dist/ ships.
PAGES=(index.html postgres.html all.html grantsmith-offline.html)
for page in "${PAGES[@]}" embed.js; do
  [ -f "dist/$page" ] || { echo "package: dist/$page missing: run scripts/build.sh" >&2; exit 1; }
  cp "dist/$page" "$STAGE/dist/"
done
# The offline file loads nothing (everything is inlined; names in its inlined glue are
# not requests).
for page in index.html postgres.html all.html; do
  { grep -oE '\./[A-Za-z0-9._-]+\.(js|wasm|css)' "dist/$page" || true; } | sort -u | sed 's|^\./||' | while read -r f; do
    [ -f "dist/$f" ] || { echo "package: $page loads $f, which is not in dist/" >&2; exit 1; }
    cp "dist/$f" "$STAGE/dist/"
  done
done
# The dry run (issue 33): its module and the pinned PGlite it loads on the reader's
# click (from the page's own origin, never a CDN); about 4.5 MB gzip that no page
# fetches before that click. An author who would rather not host it deletes
# dist/dry-run.js and dist/pglite/: the button then says the files are missing.
[ -f dist/dry-run.js ] && [ -f dist/pglite/pglite.wasm ] || { echo "package: the dry run's files are missing from dist/: run scripts/build.sh" >&2; exit 1; }
cp dist/dry-run.js dist/dry-run.css "$STAGE/dist/"
cp -R dist/pglite "$STAGE/dist/"
cp package/README.md package/custom-elements.json package/index.d.ts package/docusaurus.cjs LICENSE CHANGELOG.md "$STAGE/"
sed "s|\"0.0.0-written-by-scripts/package.sh\"|\"$VERSION\"|" package/package.json > "$STAGE/package.json"
grep -q "\"version\": \"$VERSION\"" "$STAGE/package.json"
grep -q "^## $VERSION" CHANGELOG.md || { echo "package: CHANGELOG.md has no \"## $VERSION\" section" >&2; exit 1; }
(cd target/npm && npm pack --silent --pack-destination ../.. ./grantsmith >/dev/null)
TGZ="grantsmith-$VERSION.tgz"
[ -f "$TGZ" ]
echo "package: $TGZ, $(tar tzf "$TGZ" | wc -l) files, $(wc -c < "$TGZ") bytes" >&2
echo "$PWD/$TGZ"
