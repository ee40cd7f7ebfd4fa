#!/usr/bin/env bash
# Builds the release page and serves it on 127.0.0.1 (PORT, default 8080). Installs the
# build tools first if they are missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
. scripts/env.sh
scripts/build.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
