#!/usr/bin/env bash
# The fresh-machine rehearsal: in an empty cargo home filled only by the setup script's
# own crate step (scripts/fetch-crates.sh), cargo resolves and finds every crate the
# pages' offline wasm build compiles — std's too, with the pages' flags — for both pages
# (index.html without default features, all.html with them). It asks cargo for the build's
# unit graph, which needs every crate's sources but compiles nothing (seconds, not the
# minutes of a build). Before fetch-crates.sh it failed as a fresh machine did:
# "failed to download `dlmalloc v0.2.11` ... --offline was specified".
#   scripts/offline-rehearsal.sh               the rehearsal (exit 0 when it passes)
#   scripts/offline-rehearsal.sh --no-fetch    the same without the setup step: must fail
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/env.sh
. scripts/wasm-flags.sh
HOME_DIR="$(mktemp -d -t gs-cargo-home.XXXXXX)"
trap 'rm -rf "$HOME_DIR"' EXIT
export CARGO_HOME="$HOME_DIR"
[ "${1:-}" = "--no-fetch" ] || scripts/fetch-crates.sh
for features in --no-default-features ""; do
  # shellcheck disable=SC2086 # an empty feature flag is no argument
  if ! cargo build --offline --release --target wasm32-unknown-unknown --bin grantsmith \
    $features -Zunstable-options --unit-graph >/dev/null 2>"$HOME_DIR/err"; then
    echo "offline build of the pages (${features:-default features}) cannot resolve from a fresh cargo home:" >&2
    head -5 "$HOME_DIR/err" >&2
    exit 1
  fi
done
echo "offline build of both pages resolves from an empty cargo home filled by scripts/fetch-crates.sh"
