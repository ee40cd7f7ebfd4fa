-- Uninstall: drops the user and with it every privilege it holds, and takes it off grantsmith.accounts.
-- Tables it created stay (MySQL has no owners). Run as an administrator (root, for instance).
-- First the checks, which change nothing: the script stops here when 'dagflux'@'%' exists but is
-- not in grantsmith.accounts, where each Grantsmith setup script lists the user it makes with a
-- fingerprint of its password: such an account is an administrator's or an application's
-- (or one whose password was changed by hand since), and is left as it is. If it is yours as
-- it is now (an earlier Grantsmith script made it, or you changed its password by hand),
-- list it and run this script again:
--   run the statements below that make grantsmith.accounts (CREATE DATABASE up to CREATE USER), then
--   SET @grantsmith_auth = (SELECT CONVERT(SHA2(authentication_string, 256) USING utf8mb4) COLLATE utf8mb4_bin FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
--   INSERT INTO grantsmith.accounts (user, host, auth) VALUES ('dagflux', '%', @grantsmith_auth) ON DUPLICATE KEY UPDATE auth = @grantsmith_auth;
-- (MySQL has no IF outside stored programs, so the last SET fails with the message: the mysql
-- client stops at that error unless run with --force; run it in other tools with stop on error.)
SET @grantsmith_named = 0;
SET @grantsmith_listed = 0;
SET @grantsmith_sql = CASE WHEN EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'grantsmith' AND TABLE_NAME = 'accounts' AND COLUMN_NAME = 'auth') THEN 'SET @grantsmith_named = (SELECT COUNT(*) FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%''), @grantsmith_listed = (SELECT COUNT(*) FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%'' AND (auth IS NULL OR auth = (SELECT CONVERT(SHA2(authentication_string, 256) USING utf8mb4) COLLATE utf8mb4_bin FROM mysql.user WHERE User = ''dagflux'' AND Host = ''%'')))' WHEN EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'grantsmith' AND TABLE_NAME = 'accounts') THEN 'SET @grantsmith_named = (SELECT COUNT(*) FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%''), @grantsmith_listed = (SELECT COUNT(*) FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%'')' ELSE 'DO 0' END;
PREPARE grantsmith_read FROM @grantsmith_sql;
EXECUTE grantsmith_read;
DEALLOCATE PREPARE grantsmith_read;
SET @grantsmith_stop = (SELECT IF(COUNT(*) = 0 OR @grantsmith_listed > 0, NULL, IF(@grantsmith_named > 0, 'Nothing changed: ''dagflux''@''%'' exists but its password is not the one a Grantsmith setup script set (changed by hand, or dropped and made again). Uninstall leaves it; see the comment above.', 'Nothing changed: ''dagflux''@''%'' exists but was not made by a Grantsmith setup script (not in grantsmith.accounts). Uninstall leaves it; see the comment above.'))
  FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
SET SESSION completion_type = COALESCE(@grantsmith_stop, @@SESSION.completion_type);
DROP USER IF EXISTS 'dagflux'@'%';
SET @grantsmith_sql = IF(@grantsmith_listed > 0, 'DELETE FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%''', 'DO 0');
PREPARE grantsmith_unlist FROM @grantsmith_sql;
EXECUTE grantsmith_unlist;
DEALLOCATE PREPARE grantsmith_unlist;
