-- Verify the change-data-capture user: a pre-flight check, one row each, pass or FAIL.
-- Read-only (it sets only session variables); run it as the administrator that ran the setup.
SET @grantsmith_retention = NULL, @grantsmith_rds_hours = NULL;
SET @grantsmith_sql = CONCAT('SET @grantsmith_retention = (SELECT IF(MAX(IF(LOWER(VARIABLE_NAME) = ''binlog_expire_logs_auto_purge'', VARIABLE_VALUE, NULL)) = ''OFF'', 0, COALESCE(NULLIF(MAX(IF(LOWER(VARIABLE_NAME) = ''binlog_expire_logs_seconds'', CAST(VARIABLE_VALUE AS DECIMAL(20, 6)), NULL)), 0), MAX(IF(LOWER(VARIABLE_NAME) = ''expire_logs_days'', CAST(VARIABLE_VALUE AS DECIMAL(20, 6)) * 86400, NULL)), 0)) FROM ', IF(VERSION() LIKE '%MariaDB%', 'information_schema.GLOBAL_VARIABLES', 'performance_schema.global_variables'), ' WHERE LOWER(VARIABLE_NAME) IN (''binlog_expire_logs_auto_purge'', ''binlog_expire_logs_seconds'', ''expire_logs_days''))');
PREPARE grantsmith_retention FROM @grantsmith_sql;
EXECUTE grantsmith_retention;
DEALLOCATE PREPARE grantsmith_retention;
SET @grantsmith_rds = EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'rds_configuration');
SET @grantsmith_sql = IF(@grantsmith_rds, 'SET @grantsmith_rds_hours = (SELECT value FROM mysql.rds_configuration WHERE name = ''binlog retention hours'')', 'DO 0');
PREPARE grantsmith_rds FROM @grantsmith_sql;
EXECUTE grantsmith_rds;
DEALLOCATE PREPARE grantsmith_rds;
SET @grantsmith_pw_expired = (SELECT password_expired = 'Y' FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
SET @grantsmith_sql = IF(VERSION() LIKE '%MariaDB%', 'SET @grantsmith_pw_days = (SELECT NULLIF(CAST(JSON_VALUE(Priv, ''$.password_lifetime'') AS SIGNED), -1) FROM mysql.global_priv WHERE User = ''dagflux'' AND Host = ''%''), @grantsmith_pw_changed = (SELECT CAST(JSON_VALUE(Priv, ''$.password_last_changed'') AS SIGNED) FROM mysql.global_priv WHERE User = ''dagflux'' AND Host = ''%'')', 'SET @grantsmith_pw_days = (SELECT password_lifetime FROM mysql.user WHERE User = ''dagflux'' AND Host = ''%''), @grantsmith_pw_changed = (SELECT UNIX_TIMESTAMP(password_last_changed) FROM mysql.user WHERE User = ''dagflux'' AND Host = ''%'')');
PREPARE grantsmith_expiry_read FROM @grantsmith_sql;
EXECUTE grantsmith_expiry_read;
DEALLOCATE PREPARE grantsmith_expiry_read;
SELECT c.item, c.object, IF(c.ok, 'pass', 'FAIL') AS result
FROM (
  SELECT 1 AS ord, 'binary log on (log_bin)' AS item, IF(@@GLOBAL.log_bin, 'ON', 'OFF') AS object, @@GLOBAL.log_bin = 1 AS ok
  UNION ALL
  SELECT 2, 'binlog_format is ROW', @@GLOBAL.binlog_format, @@GLOBAL.binlog_format = 'ROW'
  UNION ALL
  SELECT 3, 'binlog_row_image is FULL', @@GLOBAL.binlog_row_image, @@GLOBAL.binlog_row_image = 'FULL'
  UNION ALL
  SELECT 4, 'binary logs kept 7 days or more (or never purged)',
         IF(@grantsmith_rds, CONCAT('Amazon RDS binlog retention hours: ', COALESCE(@grantsmith_rds_hours, 'NULL (purged as soon as RDS can)')),
            IF(@grantsmith_retention = 0, 'never purged automatically', CONCAT(ROUND(@grantsmith_retention), ' seconds'))),
         IF(@grantsmith_rds, COALESCE(@grantsmith_rds_hours >= 168, FALSE), @grantsmith_retention = 0 OR @grantsmith_retention >= 604800)
  UNION ALL
  SELECT 5, 'account exists', '''dagflux''@''%''', EXISTS (SELECT 1 FROM mysql.user WHERE User = 'dagflux' AND Host = '%')
  UNION ALL
  SELECT 5, 'password expiry: the server''s policy (PASSWORD EXPIRE DEFAULT)', CASE WHEN @grantsmith_pw_expired THEN 'expired by hand (PASSWORD EXPIRE): it signs in only to change its password'
       WHEN @grantsmith_pw_days IS NULL THEN CONCAT('the server''s policy, default_password_lifetime = ', @@GLOBAL.default_password_lifetime, IF(IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')) = '', ': never expires', CONCAT(': expires ', IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')), ' UTC')))
       WHEN @grantsmith_pw_days = 0 THEN 'never expires (PASSWORD EXPIRE NEVER)'
       ELSE CONCAT('expires ', IF(@grantsmith_pw_expired, 'expired', COALESCE(DATE_FORMAT(IF(COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) > 0, TIMESTAMPADD(SECOND, @grantsmith_pw_changed + COALESCE(@grantsmith_pw_days, @@GLOBAL.default_password_lifetime) * 86400, '1970-01-01 00:00:00'), NULL), '%Y-%m-%d %H:%i:%s'), '')), ' UTC (PASSWORD EXPIRE INTERVAL ', @grantsmith_pw_days, ' DAY)') END, COALESCE(NOT COALESCE(@grantsmith_pw_expired, FALSE) AND @grantsmith_pw_days IS NULL, FALSE)
  UNION ALL
  SELECT 6, 'global privilege (ON *.*)', 'REPLICATION SLAVE', EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%''' AND p.PRIVILEGE_TYPE IN ('REPLICATION SLAVE', 'REPLICATION REPLICA'))
  UNION ALL
  SELECT 6, 'global privilege (ON *.*)', 'REPLICATION CLIENT', EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%''' AND p.PRIVILEGE_TYPE IN ('REPLICATION CLIENT', 'BINLOG MONITOR'))
  UNION ALL
  SELECT 7, 'SELECT on the database', 'shop', EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%''' AND CAST(p.TABLE_SCHEMA AS BINARY) = CAST('shop' AS BINARY) AND p.PRIVILEGE_TYPE = 'SELECT')
  UNION ALL
  SELECT 7, 'SELECT on the database', 'my_app', EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%''' AND CAST(p.TABLE_SCHEMA AS BINARY) = CAST('my\\_app' AS BINARY) AND p.PRIVILEGE_TYPE = 'SELECT')
  UNION ALL
  SELECT 8, 'no privilege beyond these', COALESCE(GROUP_CONCAT(x.what ORDER BY x.what SEPARATOR ', '), 'none'), COUNT(*) = 0
    FROM (SELECT CONCAT('*.* ', p.PRIVILEGE_TYPE, IF(p.IS_GRANTABLE = 'YES', ' WITH GRANT OPTION', '')) AS what FROM information_schema.USER_PRIVILEGES p
           WHERE p.GRANTEE = '''dagflux''@''%''' AND (p.PRIVILEGE_TYPE NOT IN ('USAGE', 'REPLICATION SLAVE', 'REPLICATION REPLICA', 'REPLICATION CLIENT', 'BINLOG MONITOR') OR p.IS_GRANTABLE = 'YES')
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.* ', p.PRIVILEGE_TYPE, IF(p.IS_GRANTABLE = 'YES', ' WITH GRANT OPTION', '')) FROM information_schema.SCHEMA_PRIVILEGES p
           WHERE p.GRANTEE = '''dagflux''@''%''' AND (p.PRIVILEGE_TYPE <> 'SELECT' OR CAST(p.TABLE_SCHEMA AS BINARY) NOT IN (CAST('shop' AS BINARY), CAST('my\\_app' AS BINARY)) OR p.IS_GRANTABLE = 'YES')
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, ' ', p.PRIVILEGE_TYPE) FROM information_schema.TABLE_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%'''
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, ' (', p.COLUMN_NAME, ') ', p.PRIVILEGE_TYPE) FROM information_schema.COLUMN_PRIVILEGES p WHERE p.GRANTEE = '''dagflux''@''%''') x
) AS c
ORDER BY c.ord, c.object;
