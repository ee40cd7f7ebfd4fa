-- Uninstall: drops the user and with it every privilege it holds, and takes it off grantsmith.accounts.
-- Tables it created stay (MySQL has no owners). Run as an administrator (root, for instance).
-- First the checks, which change nothing: the script stops here when 'dagflux'@'%' exists but is
-- not in grantsmith.accounts, where each Grantsmith setup script lists the user it makes: such
-- an account is an administrator's or an application's, and is left as it is. If an earlier
-- Grantsmith script made it (those kept no list), list it and run this script again:
--   run the CREATE DATABASE and CREATE TABLE statements of a Grantsmith setup script, then
--   INSERT INTO grantsmith.accounts (user, host) VALUES ('dagflux', '%') ON DUPLICATE KEY UPDATE user = user;
-- (MySQL has no IF outside stored programs, so the last SET fails with the message: the mysql
-- client stops at that error unless run with --force; run it in other tools with stop on error.)
SET @grantsmith_listed = 0;
SET @grantsmith_sql = IF(EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'grantsmith' AND TABLE_NAME = 'accounts'), 'SET @grantsmith_listed = (SELECT COUNT(*) FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%'')', 'DO 0');
PREPARE grantsmith_read FROM @grantsmith_sql;
EXECUTE grantsmith_read;
DEALLOCATE PREPARE grantsmith_read;
SET @grantsmith_stop = (SELECT IF(COUNT(*) = 0 OR @grantsmith_listed > 0, NULL, 'Nothing changed: ''dagflux''@''%'' exists but was not made by a Grantsmith setup script (not in grantsmith.accounts). Uninstall leaves it; see the comment above.')
  FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
SET SESSION completion_type = COALESCE(@grantsmith_stop, @@SESSION.completion_type);
DROP USER IF EXISTS 'dagflux'@'%';
SET @grantsmith_sql = IF(@grantsmith_listed > 0, 'DELETE FROM grantsmith.accounts WHERE user = ''dagflux'' AND host = ''%''', 'DO 0');
PREPARE grantsmith_unlist FROM @grantsmith_sql;
EXECUTE grantsmith_unlist;
DEALLOCATE PREPARE grantsmith_unlist;
