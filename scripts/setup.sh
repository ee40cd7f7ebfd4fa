#!/usr/bin/env bash
# Installs, idempotently and from the package registries only, every tool the build and
# the tests need. Sourced by run.sh and test.sh; safe to run on its own.
#   scripts/setup.sh            build tools (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test     also Chromium + driver and PostgreSQL 14-18 binaries
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/env.sh"
CACHE="$GRANTSMITH_CACHE"
mkdir -p "$CACHE/bin"

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this toolchain
ESBUILD_VERSION=0.25.12
BINARYEN_VERSION=132.0.0       # prints "wasm-opt version 132 (version_132)"
# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")"

log() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The page's build recompiles std for size (scripts/build.sh): it needs std's source.
if ! rustup component list --installed | grep -qx rust-src; then
  log "adding rust component rust-src (std rebuilt for size in the page)"
  rustup component add rust-src
fi

# Every crate the offline pages' build needs, std's included (scripts/fetch-crates.sh).
log "fetching the crates of the project and of std (nothing when cached)"
"$ROOT/scripts/fetch-crates.sh"

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  # --locked fails on a transitive version the registry lacks; resolve fresh.
  cargo install -q wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}"; then
  log "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$CACHE/binaryen"
  (cd "$CACHE/binaryen" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
  ln -sf "$CACHE/binaryen/node_modules/binaryen/bin/wasm-opt" "$CACHE/bin/wasm-opt"
fi

# Trunk's own minifier gives up on wasm-bindgen's glue ("Failed to minify JS"):
# scripts/postbuild.mjs minifies it with esbuild (−1.7 KB gzip on every page load).
if ! esbuild --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  log "installing esbuild $ESBUILD_VERSION (npm; minifies the JS glue)"
  mkdir -p "$CACHE/esbuild"
  (cd "$CACHE/esbuild" && npm install --no-audit --no-fund --silent "esbuild@$ESBUILD_VERSION" >/dev/null)
  ln -sf "$CACHE/esbuild/node_modules/.bin/esbuild" "$CACHE/bin/esbuild"
fi

# The dry run's PGlite (issue 33), pinned by dry-run/package-lock.json: scripts/build.sh
# copies its files into dist/pglite/, so the run command needs it as well as the tests.
# Installed again when the lock pins another version than the one installed (a pull that
# moves the pin must not build the page with the old PGlite).
pglite_pin() { node -p "require('$ROOT/dry-run/$1').$2" 2>/dev/null || true; }
if [ ! -f "$ROOT/dry-run/node_modules/@electric-sql/pglite/dist/pglite.wasm" ] ||
  [ "$(pglite_pin package-lock.json "packages['node_modules/@electric-sql/pglite'].version")" != \
    "$(pglite_pin node_modules/@electric-sql/pglite/package.json version)" ]; then
  log "installing PGlite for the dry run (npm ci in dry-run/)"
  (cd "$ROOT/dry-run" && npm ci --no-audit --no-fund --silent >/dev/null)
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium + chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # mariadb-client also brings mariadb-binlog, which reads the binary log as a replica
  # does (the change-data-capture test, tests/mariadb/cdc.rs).
  if [ ! -x /usr/sbin/mariadbd ] || ! command -v mariadb >/dev/null || ! command -v mariadb-binlog >/dev/null; then
    log "installing Debian mariadb-server + mariadb-client (the MySQL dialect runs on it)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client >/dev/null
  fi
  if ! command -v psql >/dev/null; then
    log "installing Debian postgresql-client (psql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  fi
  "$ROOT/scripts/pg-fetch.sh"
  if ! command -v javac >/dev/null || [ ! -f /usr/share/java/postgresql.jar ] || [ ! -f /usr/share/java/mariadb-java-client.jar ]; then
    log "installing Debian default-jdk-headless, libpostgresql-jdbc-java, libmariadb-java (the JDBC forms)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jdk-headless libpostgresql-jdbc-java libmariadb-java >/dev/null
  fi
  if ! command -v openssl >/dev/null; then
    log "installing Debian openssl (the TLS tests' certificates)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
  fi
  # The client libraries the connection forms go through, pinned: Python's in a
  # virtual env of the cache (re-made when the pins change), Node's from the lock file.
  PY_PINS="$ROOT/tests/clients/requirements.txt"
  if ! cmp -s "$PY_PINS" "$GRANTSMITH_CACHE/py/pins.txt" 2>/dev/null; then
    log "installing the Python client libraries (psycopg, SQLAlchemy, PyMySQL)"
    rm -rf "$GRANTSMITH_CACHE/py"
    if ! python3 -m venv "$GRANTSMITH_CACHE/py" 2>/dev/null; then
      log "installing Debian python3-venv"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
      rm -rf "$GRANTSMITH_CACHE/py"
      python3 -m venv "$GRANTSMITH_CACHE/py"
    fi
    "$GRANTSMITH_CACHE/py/bin/pip" install -q --disable-pip-version-check -r "$PY_PINS"
    cp "$PY_PINS" "$GRANTSMITH_CACHE/py/pins.txt"
  fi
  if [ ! -d "$ROOT/tests/clients/node_modules/pg" ] || [ ! -d "$ROOT/tests/clients/node_modules/mysql2" ]; then
    log "installing the Node client libraries (pg, mysql2)"
    (cd "$ROOT/tests/clients" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/react-dom" ]; then
    log "installing playwright-core (driver only; the browser is Debian's chromium), esbuild, React 19"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
  for v in 19 18; do
    if [ ! -d "$ROOT/tests/e2e/docusaurus$v/node_modules/@docusaurus/core" ]; then
      log "installing Docusaurus 3 on React $v (the embed's docs-site test; about a minute)"
      (cd "$ROOT/tests/e2e/docusaurus$v" && npm ci --no-audit --no-fund --silent >/dev/null)
    fi
  done
  # The npm package's tests (issue 31): docs sites built from npm with pinned versions,
  # and tsc with React 19's and 18's types.
  if [ ! -d "$ROOT/tests/e2e/vitepress1/node_modules/vitepress" ]; then
    log "installing VitePress 1 (the package's docs-site test)"
    (cd "$ROOT/tests/e2e/vitepress1" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
  if [ ! -d "$ROOT/tests/e2e/starlight/node_modules/@astrojs/starlight" ]; then
    log "installing Astro Starlight (the package's docs-site test; about a minute)"
    (cd "$ROOT/tests/e2e/starlight" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
  if [ ! -d "$ROOT/tests/e2e/typescript/node_modules/@types/react-18" ]; then
    log "installing TypeScript and React's types (the package's type check)"
    (cd "$ROOT/tests/e2e/typescript" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
  if [ ! -d "$ROOT/tests/e2e/react18/node_modules/react-dom" ]; then
    log "installing React 18 (the embed's hydration test)"
    (cd "$ROOT/tests/e2e/react18" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
fi
