# Sourced by the scripts: where the installed tools live.
GRANTSMITH_CACHE="${GRANTSMITH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/grantsmith}"
export GRANTSMITH_CACHE
export PATH="$HOME/.cargo/bin:$GRANTSMITH_CACHE/bin:$PATH"
# PostgreSQL binaries: when we are root the servers run as `nobody`, which cannot enter
# /root, so they live in a world-readable place.
if [ "$(id -u)" = 0 ]; then
  GRANTSMITH_PG_CACHE="${GRANTSMITH_PG_CACHE:-/var/cache/grantsmith/pg}"
else
  GRANTSMITH_PG_CACHE="${GRANTSMITH_PG_CACHE:-$GRANTSMITH_CACHE/pg}"
fi
export GRANTSMITH_PG_CACHE
# The Python client libraries the connection forms are tested with (a virtual env).
export GRANTSMITH_PY="${GRANTSMITH_PY:-$GRANTSMITH_CACHE/py/bin/python}"
