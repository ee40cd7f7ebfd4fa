-- Uninstall: revokes everything granted by the setup script, then drops the user.
-- DROP USER fails while the user owns tables: ALTER TABLE … OWNER TO another user first.
ALTER DEFAULT PRIVILEGES FOR USER "etl_user" IN SCHEMA "public", "marts" REVOKE ALL ON TABLES FROM "dagflux";
REVOKE ALL ON ALL TABLES IN SCHEMA "public" FROM "dagflux";
REVOKE ALL ON SCHEMA "public" FROM "dagflux";
REVOKE ALL ON ALL TABLES IN SCHEMA "marts" FROM "dagflux";
REVOKE ALL ON SCHEMA "marts" FROM "dagflux";
DROP USER IF EXISTS "dagflux";
