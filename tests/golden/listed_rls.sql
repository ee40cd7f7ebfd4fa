-- Create the dreamlit_app user
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Ops "Team"') THEN
    CREATE ROLE "Ops ""Team""" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] INHERIT;
  ELSE
    ALTER ROLE "Ops ""Team""" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]] INHERIT;
  END IF;
END
$$ LANGUAGE plpgsql;

-- Grant database-level privileges
GRANT CONNECT, CREATE, TEMP ON DATABASE "Prod'DB" TO "Ops ""Team""";
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Grants for schema sales
GRANT USAGE ON SCHEMA "sales" TO "Ops ""Team""";
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "sales" TO "Ops ""Team""";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "sales" TO "Ops ""Team""";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "sales" TO "Ops ""Team""";

-- Grants for schema Mixed Case
GRANT USAGE ON SCHEMA "Mixed Case" TO "Ops ""Team""";
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "Mixed Case" TO "Ops ""Team""";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "Mixed Case" TO "Ops ""Team""";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "Mixed Case" TO "Ops ""Team""";

-- Grants for schema weird"q'x
GRANT USAGE ON SCHEMA "weird""q'x" TO "Ops ""Team""";
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA "weird""q'x" TO "Ops ""Team""";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "weird""q'x" TO "Ops ""Team""";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "weird""q'x" TO "Ops ""Team""";

-- Grant permissions on selected schemas (run as postgres)
DO $$
DECLARE
  target_role text := 'Ops "Team"';
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
    WHERE nspname = ANY (ARRAY['sales', 'Mixed Case', 'weird"q''x'])
      AND nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
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

-- Ensure future objects created by the owner roles in the listed schemas are accessible
DO $$
DECLARE
  target_role text := 'Ops "Team"';
  owner_role text;
  s text;
BEGIN
  FOREACH owner_role IN ARRAY ARRAY['postgres', 'app_owner'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = owner_role) THEN
      RAISE NOTICE 'Skipping default privileges: role % not found', owner_role;
      CONTINUE;
    END IF;
    FOREACH s IN ARRAY ARRAY['sales', 'Mixed Case', 'weird"q''x'] LOOP
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, TRIGGER ON TABLES TO %I', owner_role, s, target_role);
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', owner_role, s, target_role);
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO %I', owner_role, s, target_role);
    END LOOP;
  END LOOP;
END
$$ LANGUAGE plpgsql;

-- Add permissive SELECT policies (effective when RLS is enabled)
DO $$
DECLARE
  target_role text := 'Ops "Team"';
  parent_role text := NULLIF('postgres', '');
  parent_role_oid oid := CASE
    WHEN parent_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = parent_role)
  END;
  policy_base text := regexp_replace(target_role, '[^a-zA-Z0-9]+', '_', 'g');
  policy_reserved_len constant integer := length('dreamlit__select_policy');
  policy_suffix_budget constant integer := 63 - policy_reserved_len;
  policy_suffix text;
  policy_name text;
  table_record record;
  schema_is_accessible boolean;
BEGIN
  -- PostgreSQL identifiers max out at 63 bytes; keep suffix + hash within the remaining budget.
  IF length(policy_base) <= policy_suffix_budget THEN
    policy_suffix := policy_base;
  ELSE
    policy_suffix := substring(policy_base for GREATEST(policy_suffix_budget - 9, 0))
      || '_' || substring(md5(policy_base), 1, 8);
  END IF;
  policy_name := lower(format('dreamlit_%s_select_policy', policy_suffix));

  FOR table_record IN
    SELECT schemaname, tablename
    FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
    AND schemaname NOT LIKE 'pg_toast%'
    AND schemaname NOT LIKE 'pg_temp_%' AND schemaname = ANY (ARRAY['sales', 'Mixed Case', 'weird"q''x']) AND rowsecurity = true
  LOOP
    schema_is_accessible := parent_role_oid IS NULL
      OR has_schema_privilege(parent_role_oid, table_record.schemaname, 'USAGE');

    IF schema_is_accessible THEN
      BEGIN
        EXECUTE format(
          'DROP POLICY IF EXISTS %I ON %I.%I',
          policy_name,
          table_record.schemaname,
          table_record.tablename
        );
        EXECUTE format(
          'CREATE POLICY %I ON %I.%I FOR SELECT TO %I USING (true)',
          policy_name,
          table_record.schemaname,
          table_record.tablename,
          target_role
        );
      EXCEPTION
        WHEN others THEN
          RAISE NOTICE 'Skipping Dreamlit RLS policy for %.%: %',
            table_record.schemaname,
            table_record.tablename,
            SQLERRM;
      END;
    END IF;
  END LOOP;
END
$$ LANGUAGE plpgsql;