#!/usr/bin/env bash
# Runs every test: lint, native core tests, real PostgreSQL 14-18, the release build in
# headless Chromium, and the size budget. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
. scripts/env.sh

# PostgreSQL servers left by an interrupted run are stopped, before and after: only those
# whose test process is gone (their folder, gs-pg-MAJOR-PID, names it), each by the
# process id in its postmaster.pid, so a second test run on the machine keeps its own.
cleanup() {
  local dir owner pid
  for dir in "${TMPDIR:-/tmp}"/gs-pg-*; do
    [ -d "$dir" ] || continue
    owner="$(basename "$dir" | cut -d- -f4)"
    kill -0 "$owner" 2>/dev/null && continue
    pid="$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    rm -rf "$dir"
  done
}
trap cleanup EXIT
cleanup

step() { printf '\n=== %s\n' "$*"; }

step "fresh machine: the pages' offline build resolves from an empty cargo home filled by setup"
scripts/offline-rehearsal.sh

step "format and lint (native and wasm32)"
cargo fmt --check
cargo clippy -q --all-targets --features realdb,oracle -- -D warnings
cargo clippy -q --target wasm32-unknown-unknown -- -D warnings
# The page a PostgreSQL user loads is built without the other databases.
cargo clippy -q --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "core: golden, parity and unit tests"
cargo test -q
cargo test -q --features oracle --test parity -- --nocapture 2>&1 | grep -vE "^\s*$|^running"

step "fuzz: ${GS_FUZZ_N:=100000} seeded hostile inputs through every core entry point (replay: GS_SEED)"
GS_FUZZ_N=$GS_FUZZ_N cargo test -q --test fuzz -- --nocapture 2>&1 | grep -vE "^\s*$|^running"

step "real PostgreSQL $(ls "$GRANTSMITH_PG_CACHE" | tr '\n' ' ')"
cargo test -q --features realdb --test realdb -- --nocapture 2>&1 | grep -vE '^\s*$|^running|has been running' 

step "real MariaDB (the MySQL / MariaDB dialect)"
cargo test -q --features realdb --test mariadb -- --nocapture --test-threads=1 2>&1 | grep -vE '^\s*$|^running|has been running'

step "client forms read by their real libraries without a server (SQL Server, Snowflake, BigQuery, JDBC: parsed only)"
cargo test -q --features realdb --test client_parsers 2>&1 | grep -vE '^\s*$|^running'

step "Snowflake key files from --generate-key read by openssl and Python cryptography"
cargo test -q --features realdb --test keygen 2>&1 | grep -vE '^\s*$|^running'

step "release build (the PostgreSQL page and the all-databases page)"
scripts/build.sh
scripts/size.sh --check

step "npm package: scripts/package.sh on that build (its contents and sites: the browser step)"
scripts/package.sh --no-build

step "browser: headless Chromium"
node --test --test-concurrency=1 tests/e2e/
