"""Runs a connection form the page wrote, as a user would paste it, through the real
Python driver, and prints what the server then says: [user, database] as JSON.

    run.py FORM FILE KIND     FORM: psycopg | pymysql | sqlalchemy; KIND: pg | mysql
"""
import json
import sys

form, path, kind = sys.argv[1:4]
src = open(path, encoding="utf-8").read()
ns = {}
exec(compile(src, path, "exec"), ns)
if kind == "pg":
    query = "SELECT current_user, current_database()"
else:
    # USER() is user@client-host; the user part may itself hold an @.
    query = "SELECT LEFT(USER(), CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1), DATABASE()"
if form == "sqlalchemy":
    from sqlalchemy import text

    with ns["engine"].connect() as c:
        row = c.execute(text(query)).one()
elif form == "psycopg":
    row = ns["conn"].execute(query).fetchone()
else:
    with ns["conn"].cursor() as cur:
        cur.execute(query)
        row = cur.fetchone()
print(json.dumps([str(row[0]), str(row[1])], ensure_ascii=False))
