#!/usr/bin/env bash
# Builds dist/ for release: the page a PostgreSQL user loads (index.html, built without
# the other databases' code) and the all-databases page (all.html, with it), which the
# first one's picker opens for another database; the single-file build is the second's.
# Both come from index.html: all.html is it without data-cargo-no-default-features.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# The pages' wasm is built with std recompiled for size (optimize_for_size) and panics
# as plain traps (panic=immediate-abort: no formatting and unwinding machinery, which
# the page never needs: a panic is a bug either way). Both are unstable options of this
# stable toolchain, enabled for this build only (RUSTC_BOOTSTRAP); the CLI, the tests
# and clippy build as usual. They took the PostgreSQL page from 180.5 to ~162 KB gzip
# (README, Performance). The other flags are .cargo/config.toml's, which this variable
# replaces for the build.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -C link-arg=-zstack-size=262144 -Zunstable-options -Cpanic=immediate-abort"
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
