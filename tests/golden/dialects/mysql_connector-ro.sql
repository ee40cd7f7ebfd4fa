-- Read-only user for MySQL / MariaDB, made by Grantsmith.
-- Run as an account with CREATE USER and GRANT OPTION (root, for instance).
-- Safe to re-run: it resets the password and replaces every privilege of the user with exactly these.
-- No password typed: replace [[REPLACE_WITH_PASSWORD]] with one in quotes ('…'); as written, it stops with a syntax error before creating anything.
-- '%' lets this user sign in from any host: name the integration's host or network (10.0.%) if you can.
-- _ and % are wildcards in a database-level GRANT: they are escaped with \ below so the grant covers exactly the named database.
CREATE USER IF NOT EXISTS 'dagflux'@'%' IDENTIFIED BY [[REPLACE_WITH_PASSWORD]];
ALTER USER 'dagflux'@'%' IDENTIFIED BY [[REPLACE_WITH_PASSWORD]];
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'dagflux'@'%';
GRANT SELECT, SHOW VIEW ON `shop`.* TO 'dagflux'@'%';
GRANT SELECT, SHOW VIEW ON `my\_app`.* TO 'dagflux'@'%';
