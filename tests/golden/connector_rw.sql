-- Run in database "mydb", as the table owner or an administrator that may create roles.
-- One transaction: if any statement fails, nothing is changed.
-- PostgreSQL 14 and older let every role, this user too, create objects in schema public.
-- To stop that, once no application relies on it: REVOKE CREATE ON SCHEMA public FROM PUBLIC;
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
    CREATE ROLE "dagflux" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] VALID UNTIL 'infinity';
  ELSE
    ALTER ROLE "dagflux" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] VALID UNTIL 'infinity';
  END IF;
END
$$ LANGUAGE plpgsql;

-- Take back what the user holds here beyond this preset (another preset, a hand
-- grant): a re-run with any preset ends with exactly this one's privileges
DO $$
DECLARE
  target_role text := 'dagflux';
  target_oid oid := (SELECT oid FROM pg_roles WHERE rolname = 'dagflux');
  r record;
BEGIN
  IF target_oid IS NULL THEN
    RETURN;
  END IF;
  FOR r IN
    SELECT current_database()::text AS label, a.privilege_type AS priv, a.is_grantable AS grantable, ARRAY['CONNECT']::text[] AS keep
      FROM pg_database d, aclexplode(d.datacl) a
     WHERE d.datname = current_database() AND a.grantee = target_oid AND d.datdba <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('REVOKE %s ON DATABASE %I FROM %I CASCADE', CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, current_database(), target_role);
  END LOOP;

  FOR r IN
    SELECT format('%I', n.nspname) AS label, n.nspname, a.privilege_type AS priv, a.is_grantable AS grantable, ARRAY['USAGE', 'CREATE']::text[] AS keep
      FROM pg_namespace n, aclexplode(n.nspacl) a
     WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
       AND n.nspname = ANY (ARRAY['public'])
       AND a.grantee = target_oid AND n.nspowner <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('REVOKE %s ON SCHEMA %I FROM %I CASCADE', CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, r.nspname, target_role);
  END LOOP;

  FOR r IN
    SELECT format('%I.%I', n.nspname, c.relname) AS label, c.oid::regclass::text AS obj,
           CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
           a.privilege_type AS priv, a.is_grantable AS grantable,
           CASE WHEN c.relkind = 'S' THEN ARRAY['USAGE', 'SELECT']::text[] ELSE ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']::text[] END AS keep
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
     WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
       AND n.nspname = ANY (ARRAY['public'])
       AND a.grantee = target_oid AND c.relowner <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('REVOKE %s ON %s %s FROM %I CASCADE', CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, r.kind, r.obj, target_role);
  END LOOP;

  FOR r IN
    SELECT format('%I.%I.%I', n.nspname, c.relname, att.attname) AS label,
           c.oid::regclass::text AS obj, att.attname, a.privilege_type AS priv,
           a.is_grantable AS grantable, ARRAY[]::text[] AS keep
      FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(att.attacl) a
     WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
       AND n.nspname = ANY (ARRAY['public'])
       AND a.grantee = target_oid AND c.relowner <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('REVOKE %s (%I) ON TABLE %s FROM %I CASCADE', CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, r.attname, r.obj, target_role);
  END LOOP;

  FOR r IN
    SELECT format('%I.%I(%s)', n.nspname, f.proname, pg_get_function_identity_arguments(f.oid)) AS label,
           f.oid::regprocedure::text AS obj,
           a.privilege_type AS priv, a.is_grantable AS grantable, ARRAY[]::text[] AS keep
      FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace, aclexplode(f.proacl) a
     WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
       AND n.nspname = ANY (ARRAY['public'])
       AND a.grantee = target_oid AND f.proowner <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('REVOKE %s ON ROUTINE %s FROM %I CASCADE', CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, r.obj, target_role);
  END LOOP;

  FOR r IN
    SELECT format('%I ', n.nspname) || 'for objects created by ' || pg_get_userbyid(d.defaclrole) AS label,
           pg_get_userbyid(d.defaclrole) AS owner, n.nspname,
           CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
                WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS kind,
           a.privilege_type AS priv, a.is_grantable AS grantable,
           CASE d.defaclobjtype WHEN 'r' THEN ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']::text[] WHEN 'S' THEN ARRAY['USAGE', 'SELECT']::text[] WHEN 'f' THEN ARRAY[]::text[]
                ELSE ARRAY[]::text[] END AS keep
      FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
     WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
       AND n.nspname = ANY (ARRAY['public'])
       AND a.grantee = target_oid AND d.defaclrole <> target_oid
  LOOP
    CONTINUE WHEN r.priv = ANY (r.keep) AND NOT r.grantable;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE %s ON %s FROM %I CASCADE', r.owner, r.nspname, CASE WHEN r.priv = ANY (r.keep) THEN 'GRANT OPTION FOR ' ELSE '' END || r.priv, r.kind, target_role);
  END LOOP;
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