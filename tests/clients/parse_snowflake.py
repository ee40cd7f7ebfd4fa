"""Reads a Snowflake connection form the way the real client library does, without a
Snowflake account (none is reachable here, so this is parsed only): the snippet runs
as pasted, and the arguments that would reach snowflake.connector.connect (directly,
or through snowflake-sqlalchemy's dialect and create_engine's connect_args) are caught
there, checked against the connector's own list of parameters, and printed as JSON.

    parse_snowflake.py FILE
"""
import json
import sys

import snowflake.connector
from snowflake.connector.connection_config import ConnectionConfig

# The connector's own list of parameters.
KNOWN = set(getattr(ConnectionConfig, "__dataclass_fields__", {})) or set(ConnectionConfig.__annotations__)

caught = {}


class Caught(Exception):
    pass


def connect(**kwargs):
    caught.update(kwargs)
    raise Caught()


snowflake.connector.connect = connect
src = open(sys.argv[1], encoding="utf-8").read()
ns = {}
try:
    exec(compile(src, sys.argv[1], "exec"), ns)
    if "engine" in ns:
        ns["engine"].connect()
except Caught:
    pass
# (snowflake-sqlalchemy adds internal_application_name and _version of its own.)
unknown = [k for k in caught if k not in KNOWN and not k.startswith("internal_application_")]
if unknown or not caught:
    sys.exit(f"not connector parameters: {unknown or 'none caught'}")
keys = ["account", "user", "authenticator", "private_key_file", "warehouse", "database", "schema", "role"]
print(json.dumps({k: caught.get(k) for k in keys}, ensure_ascii=False))
