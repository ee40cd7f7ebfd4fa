-- Verify the user: one row per expected privilege, status 'ok' or 'MISSING';
-- rows marked 'EXTRA' are privileges it holds beyond these, globally (`*`), on a
-- database, a table or a column (routine privileges: the drift check lists them); the last row,
-- 'ok' or 'FAIL', is the password's expiry. Run it as the administrator that ran the setup
-- (it reads mysql.user on MySQL, mysql.global_priv on MariaDB). Changes nothing.
SET @grantsmith_pw_expired = (SELECT password_expired = 'Y' FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
SET @grantsmith_sql = IF(VERSION() LIKE '%MariaDB%', 'SET @grantsmith_pw_days = (SELECT NULLIF(CAST(JSON_VALUE(Priv, ''$.password_lifetime'') AS SIGNED), -1) FROM mysql.global_priv WHERE User = ''dagflux'' AND Host = ''%''), @grantsmith_pw_changed = (SELECT CAST(JSON_VALUE(Priv, ''$.password_last_changed'') AS SIGNED) FROM mysql.global_priv WHERE User = ''dagflux'' AND Host = ''%'')', 'SET @grantsmith_pw_days = (SELECT password_lifetime FROM mysql.user WHERE User = ''dagflux'' AND Host = ''%''), @grantsmith_pw_changed = (SELECT UNIX_TIMESTAMP(password_last_changed) FROM mysql.user WHERE User = ''dagflux'' AND Host = ''%'')');
PREPARE grantsmith_expiry_read FROM @grantsmith_sql;
EXECUTE grantsmith_expiry_read;
DEALLOCATE PREPARE grantsmith_expiry_read;
SELECT e.db, e.privilege,
       CASE WHEN p.PRIVILEGE_TYPE IS NULL THEN 'MISSING' ELSE 'ok' END AS status
FROM (
    SELECT 'shop' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'shop' AS db, 'INSERT' AS privilege
    UNION ALL SELECT 'shop' AS db, 'UPDATE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'DELETE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'CREATE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'SHOW VIEW' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'INSERT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'UPDATE' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'DELETE' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'CREATE' AS privilege
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
    UNION ALL SELECT 'shop' AS db, 'INSERT' AS privilege
    UNION ALL SELECT 'shop' AS db, 'UPDATE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'DELETE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'CREATE' AS privilege
    UNION ALL SELECT 'shop' AS db, 'SHOW VIEW' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'SELECT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'INSERT' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'UPDATE' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'DELETE' AS privilege
    UNION ALL SELECT 'my\\_app' AS db, 'CREATE' AS privilege
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
WHERE p.GRANTEE = '''dagflux''@''%'''
UNION ALL
SELECT CASE WHEN @grantsmith_pw_expired THEN 'expired by hand (PASSWORD EXPIRE): it signs in only to change its password'
       WHEN @grantsmith_pw_days IS NULL THEN CONCAT('the server''s policy, default_password_lifetime = ', @@GLOBAL.default_password_lifetime, IF(IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')) = '', ': never expires', CONCAT(': expires ', IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')), ' UTC')))
       WHEN @grantsmith_pw_days = 0 THEN 'never expires (PASSWORD EXPIRE NEVER)'
       ELSE CONCAT('expires ', IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')), ' UTC (PASSWORD EXPIRE INTERVAL ', @grantsmith_pw_days, ' DAY)') END, 'password expiry: the server''s policy (PASSWORD EXPIRE DEFAULT)', IF(NOT COALESCE(@grantsmith_pw_expired, FALSE) AND @grantsmith_pw_days IS NULL, 'ok', 'FAIL');
