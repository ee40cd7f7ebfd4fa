-- Verify the user: one row per expected privilege (schemas, then each existing table),
-- status 'ok' or 'MISSING'. Changes nothing.
SELECT 'public' AS schema_name, NULL::varchar AS table_name, 'USAGE' AS privilege,
       CASE WHEN has_schema_privilege('dagflux', 'public', 'USAGE') THEN 'ok' ELSE 'MISSING' END AS status
UNION ALL
SELECT 'public' AS schema_name, NULL::varchar AS table_name, 'CREATE' AS privilege,
       CASE WHEN has_schema_privilege('dagflux', 'public', 'CREATE') THEN 'ok' ELSE 'MISSING' END AS status
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'SELECT',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'public'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'INSERT',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'INSERT') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'public'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'UPDATE',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'UPDATE') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'public'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'DELETE',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'DELETE') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'public'
UNION ALL
SELECT 'marts' AS schema_name, NULL::varchar AS table_name, 'USAGE' AS privilege,
       CASE WHEN has_schema_privilege('dagflux', 'marts', 'USAGE') THEN 'ok' ELSE 'MISSING' END AS status
UNION ALL
SELECT 'marts' AS schema_name, NULL::varchar AS table_name, 'CREATE' AS privilege,
       CASE WHEN has_schema_privilege('dagflux', 'marts', 'CREATE') THEN 'ok' ELSE 'MISSING' END AS status
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'SELECT',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'marts'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'INSERT',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'INSERT') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'marts'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'UPDATE',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'UPDATE') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'marts'
UNION ALL
SELECT schemaname::varchar, tablename::varchar, 'DELETE',
       CASE WHEN has_table_privilege('dagflux', quote_ident(schemaname) || '.' || quote_ident(tablename), 'DELETE') THEN 'ok' ELSE 'MISSING' END
FROM pg_tables WHERE schemaname = 'marts';
-- The password's expiry (valuntil; empty or infinity: never), to read:
SELECT usename, valuntil FROM pg_user WHERE usename = 'dagflux';
