-- Create the dreamlit_app user
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dreamlit_app') THEN
    CREATE ROLE "dreamlit_app" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] INHERIT;
  ELSE
    ALTER ROLE "dreamlit_app" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] INHERIT;
  END IF;
END
$$ LANGUAGE plpgsql;

-- Grant database-level privileges
GRANT CONNECT, CREATE, TEMP ON DATABASE "postgres" TO "dreamlit_app";
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Grant permissions on existing schemas (run as postgres)
DO $$
DECLARE
  target_role text := 'dreamlit_app';
  parent_role text := NULLIF('postgres', '');
  parent_role_oid oid := CASE
    WHEN parent_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = parent_role)
  END;
  schema_record record;
BEGIN
  IF parent_role IS NOT NULL AND parent_role_oid IS NULL THEN
    RAISE NOTICE 'Role % not found; continuing grants without parent filter', parent_role;
  END IF;

  FOR schema_record IN
    SELECT nspname
    FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
      AND nspname NOT LIKE 'pg_toast%'
  LOOP
    IF parent_role_oid IS NULL OR has_schema_privilege(parent_role_oid, schema_record.nspname, 'USAGE') THEN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_record.nspname, target_role);
      EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', schema_record.nspname, target_role);
    END IF;
  END LOOP;
END
$$ LANGUAGE plpgsql;

-- Ensure future schemas/objects created by postgres are accessible 
DO $$
DECLARE
  target_role text := 'dreamlit_app';
  owner_role text := NULLIF('postgres', '');
  owner_oid oid := CASE
    WHEN owner_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = owner_role)
  END;
BEGIN
  IF owner_role IS NULL OR owner_oid IS NULL THEN
    RAISE NOTICE 'Skipping default privileges: role % not found', owner_role;
  ELSE
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT, TRIGGER ON TABLES TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE, SELECT ON SEQUENCES TO %I', owner_role, target_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT EXECUTE ON FUNCTIONS TO %I', owner_role, target_role);
  END IF;
END
$$ LANGUAGE plpgsql;