-- Change-data-capture user for MySQL / MariaDB (MariaDB 10.5.2+ reads these names as its own synonyms), made by Grantsmith: it reads the binary log as a replica does,
-- and the listed databases' tables (the tool's first copy of them).
-- Run as an administrator (root, for instance): it needs CREATE USER and GRANT OPTION, the replication privileges it grants, SELECT on mysql.user, and CREATE, SELECT and INSERT on the database grantsmith.
-- Safe to re-run: it resets the password and replaces every privilege of the user with exactly these.
-- The binary log holds the changes to every database on the server: the replication privileges let this user read all of them, not only the listed databases' (the tool keeps those; the server cannot filter).
-- No password typed: replace [[REPLACE_WITH_PASSWORD]] with one in quotes ('…'); as written, it stops with a syntax error before creating anything.
-- '%' lets this user sign in from any host: name the integration's host or network (10.0.%) if you can.
-- _ and % are wildcards in a database-level GRANT: they are escaped with \ below so the grant covers exactly the named database.
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
SET @grantsmith_stop = (SELECT IF(COUNT(*) = 0 OR @grantsmith_listed > 0, NULL, IF(@grantsmith_named > 0, 'Nothing changed: ''dagflux''@''%'' exists but its password is not the one a Grantsmith setup script set (changed by hand, or dropped and made again). Pick another user name, or see the comment above.', 'Nothing changed: ''dagflux''@''%'' exists but was not made by a Grantsmith setup script (not in grantsmith.accounts). Pick another user name, or see the comment above.'))
  FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
SET SESSION completion_type = COALESCE(@grantsmith_stop, @@SESSION.completion_type);
CREATE DATABASE IF NOT EXISTS grantsmith;
CREATE TABLE IF NOT EXISTS grantsmith.accounts (user VARCHAR(80) NOT NULL, host VARCHAR(255) NOT NULL, auth CHAR(64) NULL, PRIMARY KEY (user, host)) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'Accounts made by Grantsmith setup scripts, with SHA-256 of their password hash: their re-runs and uninstall scripts act on these only';
SET @grantsmith_sql = IF(NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'grantsmith' AND TABLE_NAME = 'accounts' AND COLUMN_NAME = 'auth'), 'ALTER TABLE grantsmith.accounts ADD COLUMN auth CHAR(64) NULL', 'DO 0');
PREPARE grantsmith_upgrade FROM @grantsmith_sql;
EXECUTE grantsmith_upgrade;
DEALLOCATE PREPARE grantsmith_upgrade;
CREATE USER IF NOT EXISTS 'dagflux'@'%' IDENTIFIED BY [[REPLACE_WITH_PASSWORD]];
ALTER USER 'dagflux'@'%' IDENTIFIED BY [[REPLACE_WITH_PASSWORD]];
SET @grantsmith_auth = (SELECT CONVERT(SHA2(authentication_string, 256) USING utf8mb4) COLLATE utf8mb4_bin FROM mysql.user WHERE User = 'dagflux' AND Host = '%');
INSERT INTO grantsmith.accounts (user, host, auth) VALUES ('dagflux', '%', @grantsmith_auth) ON DUPLICATE KEY UPDATE auth = @grantsmith_auth;
ALTER USER 'dagflux'@'%' PASSWORD EXPIRE DEFAULT;
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'dagflux'@'%';
-- Read the binary log as a replica does: REPLICATION SLAVE streams it, REPLICATION CLIENT tells where it is
-- (SHOW BINARY LOGS, SHOW MASTER STATUS). Both exist only globally, ON *.*: neither MySQL nor
-- MariaDB has a database-level replication privilege.
GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'dagflux'@'%';
-- Read the listed databases' tables: the tool's first copy of them
GRANT SELECT ON `shop`.* TO 'dagflux'@'%';
GRANT SELECT ON `my\_app`.* TO 'dagflux'@'%';
