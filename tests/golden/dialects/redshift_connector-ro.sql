-- Read-only user for Amazon Redshift, made by Grantsmith.
-- Run as a superuser (or a user with CREATE USER and the grant options below) connected to dev.
-- No password typed: replace [[REPLACE_WITH_PASSWORD]] with one in quotes ('…'); as written, it stops with a syntax error before creating anything.
-- Redshift has no CONNECT privilege: every user can connect to every database in the cluster; only the grants below limit what it reads.
-- Default privileges apply only to tables created by the users named in FOR USER (by you when none is named): list every user that creates tables here.
-- Redshift has no CREATE USER IF NOT EXISTS: on a re-run, skip the CREATE USER line (ALTER USER resets the password).
CREATE USER "dagflux" PASSWORD [[REPLACE_WITH_PASSWORD]] VALID UNTIL 'infinity';
ALTER USER "dagflux" PASSWORD [[REPLACE_WITH_PASSWORD]] VALID UNTIL 'infinity';
-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).
REVOKE CREATE ON SCHEMA "public" FROM "dagflux";
REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" FROM "dagflux";
REVOKE CREATE ON SCHEMA "marts" FROM "dagflux";
REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "marts" FROM "dagflux";
ALTER DEFAULT PRIVILEGES FOR USER "etl_user" IN SCHEMA "public", "marts" REVOKE INSERT, UPDATE, DELETE ON TABLES FROM "dagflux";
GRANT USAGE ON SCHEMA "public" TO "dagflux";
GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "dagflux";
GRANT USAGE ON SCHEMA "marts" TO "dagflux";
GRANT SELECT ON ALL TABLES IN SCHEMA "marts" TO "dagflux";
ALTER DEFAULT PRIVILEGES FOR USER "etl_user" IN SCHEMA "public", "marts" GRANT SELECT ON TABLES TO "dagflux";
