-- Run in database "mydb", as the table owner or an administrator that may create roles.
-- One transaction: if any statement fails, nothing is changed.
BEGIN;

DO $$
BEGIN
  IF current_database() <> 'mydb' THEN
    RAISE EXCEPTION 'This script is for database %, but it is running in database %', 'mydb', current_database()
      USING HINT = 'Connect to that database (in psql: \c followed by its name), then run the script again.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dagflux'
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE 'Grantsmith:%') THEN
    RAISE EXCEPTION 'Role % already exists and was not made by a Grantsmith setup script: it is left as it is', 'dagflux'
      USING HINT = format('Pick another user name. If %s is this integration''s own user, made by an earlier script, mark it first: COMMENT ON ROLE %s IS %L;', quote_ident('dagflux'), quote_ident('dagflux'), 'Grantsmith: adopted');
  END IF;
END
$$ LANGUAGE plpgsql;

-- Create the login role for the read-write connector user (safe to run again)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dagflux') THEN
    CREATE ROLE "dagflux" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]];
  ELSE
    ALTER ROLE "dagflux" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]];
  END IF;
END
$$ LANGUAGE plpgsql;

-- Database
GRANT CONNECT ON DATABASE "mydb" TO "dagflux";

-- Schemas: USAGE, CREATE on each, granted by a role that may grant it
DO $$
DECLARE
  target_role text := 'dagflux';
  s text;
BEGIN
  FOREACH s IN ARRAY ARRAY['public'] LOOP
    IF has_schema_privilege(s, 'USAGE WITH GRANT OPTION')
       AND has_schema_privilege(s, 'CREATE WITH GRANT OPTION') THEN
      EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', s, target_role);
    ELSIF NOT (has_schema_privilege(target_role, s, 'USAGE')
       AND has_schema_privilege(target_role, s, 'CREATE')) THEN
      RAISE EXCEPTION 'Only the owner of schema % or a superuser may grant USAGE, CREATE on it', s
        USING HINT = 'Run this script as one of them.';
    END IF;
  END LOOP;
END
$$ LANGUAGE plpgsql;

-- Schema public
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "dagflux";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "dagflux";
ALTER DEFAULT PRIVILEGES IN SCHEMA "public"
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "dagflux";
ALTER DEFAULT PRIVILEGES IN SCHEMA "public"
  GRANT USAGE, SELECT ON SEQUENCES TO "dagflux";

-- The mark that lets this script run again, and uninstall drop only a role it made.
COMMENT ON ROLE "dagflux" IS 'Grantsmith: read-write connector user, made by its setup script';

COMMIT;