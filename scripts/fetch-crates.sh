#!/usr/bin/env bash
# Puts in cargo's cache (CARGO_HOME) every crate the pages' offline build compiles:
# the project's own (Cargo.lock) and std's (the rust-src component's
# library/Cargo.lock, which -Zbuild-std resolves: scripts/wasm-flags.sh). Trunk runs
# cargo with --offline (Trunk.toml), so a crate missing here fails the build with
# "no matching package named ..." on a machine whose cache was never warmed by an
# earlier online build. Idempotent: a second run downloads nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cargo fetch -q --locked --manifest-path "$ROOT/Cargo.toml"
# std's sources come with the toolchain actually installed, so its lock file does too.
STD_MANIFEST="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if [ ! -f "$STD_MANIFEST" ]; then
  echo "[setup] $STD_MANIFEST is missing: run 'rustup component add rust-src'" >&2
  exit 1
fi
# The std workspace uses unstable manifest keys: RUSTC_BOOTSTRAP lets this stable cargo
# read it, as it does for the build itself.
RUSTC_BOOTSTRAP=1 cargo fetch -q --locked --manifest-path "$STD_MANIFEST"
