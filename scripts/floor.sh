#!/usr/bin/env bash
# Where the PostgreSQL page's wasm bytes go: the page's own wasm (dist/, from
# scripts/build.sh) against the size floor (examples/size_floor.rs: everything the
# page's core writes, under the smallest Leptos view), built the same way (the pages'
# flags, wasm-bindgen, wasm-opt with index.html's options). Prints figures, never fails.
#   scripts/floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/wasm-flags.sh
[ -f dist/index.html ] || { echo "floor: build the pages first (scripts/build.sh)" >&2; exit 1; }
page_wasm=dist/$(grep -oE 'grantsmith-[0-9a-f]+_bg\.wasm' dist/index.html | head -1)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# The wasm-opt options index.html gives Trunk, so all are optimised alike.
read -r -a opts <<<"$(grep -oE 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)"
# One example built as the page is: its wasm's path.
example() {
  cargo build -q --release --target wasm32-unknown-unknown --no-default-features --example "$1"
  wasm-bindgen "target/wasm32-unknown-unknown/release/examples/$1.wasm" --out-dir "$out" --target web --no-typescript
  wasm-opt -Oz "${opts[@]}" "$out/$1_bg.wasm" -o "$out/$1.wasm"
  echo "$out/$1.wasm"
}
row() { printf '%-58s %9d %9d\n' "$1" "$2" "$3"; }
raw() { wc -c <"$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
floor=$(example size_floor); leptos=$(example size_leptos)
printf '%-58s %9s %9s\n' "wasm" bytes gzip-9
row "the PostgreSQL page (dist/index.html)" "$(raw "$page_wasm")" "$(gz "$page_wasm")"
row "floor: its core under a one-input Leptos view" "$(raw "$floor")" "$(gz "$floor")"
row "  of which Leptos alone (one input, no core)" "$(raw "$leptos")" "$(gz "$leptos")"
row "  of which the core (floor - Leptos alone)" $(($(raw "$floor") - $(raw "$leptos"))) $(($(gz "$floor") - $(gz "$leptos")))
row "the form's view (page - floor)" $(($(raw "$page_wasm") - $(raw "$floor"))) $(($(gz "$page_wasm") - $(gz "$floor")))
