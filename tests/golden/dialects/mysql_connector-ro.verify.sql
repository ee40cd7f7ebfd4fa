-- Verify the user: one row per expected privilege, status 'ok' or 'MISSING';
-- rows marked 'EXTRA' are privileges it holds beyond these, globally (`*`), on a
-- database, a table or a column (routine privileges: the drift check lists them). Changes nothing.
SELECT e.db, e.privilege,
       CASE WHEN p.PRIVILEGE_TYPE IS NULL THEN 'MISSING' ELSE 'ok' END AS status
FROM (
    SELECT 'shop' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'shop' AS db, 'SHOW VIEW' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SHOW VIEW' AS privilege
) AS e
LEFT JOIN information_schema.SCHEMA_PRIVILEGES AS p
  ON p.GRANTEE = '''dagflux''@''%''' AND CAST(p.TABLE_SCHEMA AS BINARY) = CAST(e.db AS BINARY)
  AND p.PRIVILEGE_TYPE = e.privilege
UNION ALL
SELECT p.TABLE_SCHEMA, p.PRIVILEGE_TYPE, 'EXTRA'
FROM information_schema.SCHEMA_PRIVILEGES AS p
WHERE p.GRANTEE = '''dagflux''@''%'''
  AND NOT EXISTS (
    SELECT 1 FROM (
    SELECT 'shop' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'shop' AS db, 'SHOW VIEW' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SHOW VIEW' AS privilege
    ) AS x
    WHERE CAST(x.db AS BINARY) = CAST(p.TABLE_SCHEMA AS BINARY) AND x.privilege = p.PRIVILEGE_TYPE
  )
UNION ALL
SELECT '*', p.PRIVILEGE_TYPE, 'EXTRA'
FROM information_schema.USER_PRIVILEGES AS p
WHERE p.GRANTEE = '''dagflux''@''%''' AND p.PRIVILEGE_TYPE <> 'USAGE'
UNION ALL
SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME), p.PRIVILEGE_TYPE, 'EXTRA'
FROM information_schema.TABLE_PRIVILEGES AS p
WHERE p.GRANTEE = '''dagflux''@''%'''
UNION ALL
SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, '.', p.COLUMN_NAME), p.PRIVILEGE_TYPE, 'EXTRA'
FROM information_schema.COLUMN_PRIVILEGES AS p
WHERE p.GRANTEE = '''dagflux''@''%''';
