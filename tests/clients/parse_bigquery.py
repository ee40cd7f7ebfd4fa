"""Reads a BigQuery connection form with sqlalchemy-bigquery's own URL reader (parsed
only: no Google Cloud project is reachable here): the SQLAlchemy snippet runs as
pasted and its URL object is read; a bigquery:// URL is parsed by SQLAlchemy first.
Prints [project, dataset, location] as JSON.

    parse_bigquery.py FORM FILE     FORM: sqlalchemy | uri
"""
import json
import sys

from sqlalchemy.engine import make_url
from sqlalchemy_bigquery.parse_url import parse_url

form, path = sys.argv[1:3]
text = open(path, encoding="utf-8").read()
if form == "uri":
    url = make_url(text)
else:
    # create_engine would build a BigQuery client, which needs Google credentials: the
    # URL object the snippet made is what is read here.
    import sqlalchemy

    sqlalchemy.create_engine = lambda url, **kwargs: None
    ns = {}
    exec(compile(text, path, "exec"), ns)
    url = ns["url"]
project, location, dataset = parse_url(url)[:3]
print(json.dumps([project, dataset, location], ensure_ascii=False))
