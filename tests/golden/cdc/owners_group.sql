-- Run in database "app", as the table owner or an administrator that may create roles.
-- One transaction: if any statement fails, nothing is changed.
-- PostgreSQL 14 and older let every role, this user too, create objects in schema public.
-- To stop that, once no application relies on it: REVOKE CREATE ON SCHEMA public FROM PUBLIC;
BEGIN;

DO $$
BEGIN
  IF current_database() <> 'app' THEN
    RAISE EXCEPTION 'This script is for database %, but it is running in database %', 'app', current_database()
      USING HINT = 'Connect to that database (in psql: \c followed by its name), then run the script again.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k'
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE 'Grantsmith:%') THEN
    RAISE EXCEPTION 'Role % already exists and was not made by a Grantsmith setup script: it is left as it is', 'Cdc "Tool" o''k'
      USING HINT = format('Pick another user name. If %s is this integration''s own user, made by an earlier script, mark it first: COMMENT ON ROLE %s IS %L;', quote_ident('Cdc "Tool" o''k'), quote_ident('Cdc "Tool" o''k'), 'Grantsmith: adopted');
  END IF;
END
$$ LANGUAGE plpgsql;

-- Checks first: each stops the script with nothing changed
DO $$
DECLARE
  found text;
  runner_super boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
BEGIN
  SELECT string_agg(format('%I.%I', l.nsp, l.rel), ', ') INTO found
    FROM (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel)
   WHERE NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = l.nsp AND c.relname = l.rel AND c.relkind IN ('r', 'p'));
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'No such table in this database: %', found
      USING HINT = 'List tables as schema.table, exactly as they are named; nothing was changed.';
  END IF;
  SELECT string_agg(format('%I.%I (owner %I)', n.nspname, c.relname, c.relowner::regrole), ', ') INTO found
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
     AND NOT runner_super AND NOT pg_has_role(c.relowner, 'USAGE');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Only a table''s owner or a superuser may add it to a publication, and % may not: %', current_user, found
      USING HINT = 'Run this script as the tables'' owner (or a member of it) or a superuser. Nothing was changed.';
  END IF;
  SELECT string_agg(quote_ident(x), ', ') INTO found FROM unnest(ARRAY['public', 'Sa''les']) x
   WHERE NOT has_schema_privilege((SELECT oid FROM pg_namespace WHERE nspname = x), 'USAGE WITH GRANT OPTION');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'The role running this may not grant USAGE on schema %', found
      USING HINT = 'Run it as the schema''s owner or a superuser. Nothing was changed.';
  END IF;
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO found
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
     AND (c.relreplident = 'n'
        OR (c.relreplident = 'd' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
        OR (c.relreplident = 'i' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident)));
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'No primary key or replica identity on %: once published, the application''s UPDATE and DELETE on them would fail', found
      USING HINT = 'Add a primary key, or turn on the REPLICA IDENTITY FULL option (ALTER TABLE … REPLICA IDENTITY FULL). Nothing was changed.';
  END IF;
  IF NOT runner_super AND NOT (current_setting('server_version_num')::int >= 160000
      AND (SELECT rolreplication AND rolcreaterole FROM pg_roles WHERE rolname = current_user)) THEN
    RAISE EXCEPTION 'Role % may not give REPLICATION', current_user
      USING HINT = 'Run this as a superuser (or, on PostgreSQL 16 and later, a role with CREATEROLE and REPLICATION). Nothing was changed.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k_owners'
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE 'Grantsmith owners group, original owners (database, schema, table, owner): ' || '%') THEN
    RAISE EXCEPTION 'Role % already exists and is not the owners group a Grantsmith setup script made', 'Cdc "Tool" o''k_owners'
      USING HINT = 'Pick another user name (the group is named after it). Nothing was changed.';
  END IF;
  IF NOT runner_super AND NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'Role % may not create the owners group (it needs CREATEROLE)', current_user
      USING HINT = 'Run this as a superuser, or as the tables'' owner with CREATEROLE. Nothing was changed.';
  END IF;
  SELECT string_agg(format('%I.%I (owner %I)', n.nspname, c.relname, c.relowner::regrole), ', ') INTO found
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
     AND pg_get_userbyid(c.relowner) <> 'Cdc "Tool" o''k_owners'
     AND NOT runner_super
     AND NOT pg_has_role(c.relowner, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END);
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Role % could not give these tables back to their owners at uninstall: %', current_user, found
      USING HINT = 'Run this as their owner (a role that may SET ROLE to it) or a superuser. Nothing was changed.';
  END IF;
  IF current_setting('server_version_num')::int < 160000 THEN
    SELECT string_agg(DISTINCT quote_ident(pg_get_userbyid(c.relowner)), ', ') INTO found
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
       AND pg_get_userbyid(c.relowner) <> 'Cdc "Tool" o''k_owners'
       AND NOT (SELECT rolinherit FROM pg_roles WHERE oid = c.relowner);
    IF found IS NOT NULL THEN
      RAISE EXCEPTION 'Owner % is NOINHERIT: once the group owns its tables, it would use them only after SET ROLE', found
        USING HINT = 'On PostgreSQL 16 and later the script grants the group WITH INHERIT TRUE; here, leave this option off. Nothing was changed.';
    END IF;
  END IF;
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO found
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
     AND pg_get_userbyid(c.relowner) = 'Cdc "Tool" o''k_owners'
     AND NOT EXISTS (SELECT 1 FROM pg_roles g, LATERAL (SELECT coalesce(substr(shobj_description(g.oid, 'pg_authid'),
                     length('Grantsmith owners group, original owners (database, schema, table, owner): ') + 1)::text[], '{}') AS rec) x, generate_subscripts(x.rec, 1) k
                      WHERE g.rolname = 'Cdc "Tool" o''k_owners' AND k % 4 = 1
                        AND x.rec[k:k + 2] = ARRAY[current_database()::text, n.nspname::text, c.relname::text]);
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'The owners group owns % but has no record of the original owner', found
      USING HINT = 'Give the table back to its owner (ALTER TABLE … OWNER TO …), then run this again. Nothing was changed.';
  END IF;
  IF NOT runner_super AND NOT has_database_privilege(current_database(), 'CREATE WITH GRANT OPTION') THEN
    RAISE EXCEPTION 'Role % may not grant CREATE on database %, which PostgreSQL checks once for the group taking the publication', current_user, current_database()
      USING HINT = 'Run this as the database''s owner or a superuser. Nothing was changed.';
  END IF;
  SELECT string_agg(DISTINCT quote_ident(n.nspname), ', ') INTO found
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
     AND NOT runner_super AND NOT has_schema_privilege(n.oid, 'CREATE WITH GRANT OPTION');
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'Role % may not grant CREATE on schema %, which PostgreSQL checks once for the group taking a table', current_user, found
      USING HINT = 'Run this as the schema''s owner or a superuser. Nothing was changed.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'cdc__tool__o_k_5a204d3c'
              AND (plugin IS DISTINCT FROM 'pgoutput' OR database IS DISTINCT FROM current_database())) THEN
    RAISE EXCEPTION 'Replication slot % already exists for another plugin or database: another connector''s', 'cdc__tool__o_k_5a204d3c'
      USING HINT = 'Pick another user name (the slot is named after it): two connectors must never share a slot.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_publication p WHERE pubname = 'Cdc "Tool" o''k_pub'
              AND coalesce(obj_description(p.oid, 'pg_publication'), '') NOT LIKE 'Grantsmith:%') THEN
    RAISE EXCEPTION 'Publication % already exists and was not made by a Grantsmith setup script', 'Cdc "Tool" o''k_pub'
      USING HINT = 'Pick another user name (the publication is named after it). Nothing was changed.';
  END IF;
END
$$ LANGUAGE plpgsql;

-- The login role the tool connects as (safe to run again)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k') THEN
    CREATE ROLE "Cdc ""Tool"" o'k" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]];
  ELSE
    ALTER ROLE "Cdc ""Tool"" o'k" WITH LOGIN PASSWORD [[REPLACE_WITH_PASSWORD]];
  END IF;
END
$$ LANGUAGE plpgsql;

-- REPLICATION is an attribute of the user itself (never inherited from a role)
ALTER ROLE "Cdc ""Tool"" o'k" WITH REPLICATION;

-- Connect, and see the published tables' schemas
GRANT CONNECT ON DATABASE "app" TO "Cdc ""Tool"" o'k";
GRANT USAGE ON SCHEMA "public", "Sa'les" TO "Cdc ""Tool"" o'k";

-- Read the published tables (the tool's first copy of them)
GRANT SELECT ON TABLE "public"."orders", "Sa'les"."Line ""items""" TO "Cdc ""Tool"" o'k";

-- The publication: exactly these tables (a re-run sets the list again)
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'Cdc "Tool" o''k_pub') THEN
    ALTER PUBLICATION "Cdc ""Tool"" o'k_pub" SET TABLE "public"."orders", "Sa'les"."Line ""items""";
  ELSE
    CREATE PUBLICATION "Cdc ""Tool"" o'k_pub" FOR TABLE "public"."orders", "Sa'les"."Line ""items""";
  END IF;
END
$$ LANGUAGE plpgsql;
COMMENT ON PUBLICATION "Cdc ""Tool"" o'k_pub" IS 'Grantsmith: change data capture, made by its setup script';

-- The owners group (asked for): the listed tables and the publication go to Cdc "Tool" o'k_owners, which their
-- original owners (recorded in its comment, for uninstall) and the user belong to. The user may
-- now write, alter and drop those tables, and create and alter publications of them.
DO $$
DECLARE
  grp text := 'Cdc "Tool" o''k_owners';
  prefix text := 'Grantsmith owners group, original owners (database, schema, table, owner): ';
  su boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
  v16 boolean := current_setting('server_version_num')::int >= 160000;
  rec text[];
  kept text[];
  t record;
  o text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    CREATE ROLE "Cdc ""Tool"" o'k_owners" NOLOGIN;
  END IF;
  rec := coalesce(substr(shobj_description((SELECT oid FROM pg_roles WHERE rolname = grp), 'pg_authid'),
                            length(prefix) + 1)::text[], '{}');
  -- Each listed table the group does not own yet: its owner now is the one to record.
  FOR t IN SELECT n.nspname::text AS nsp, c.relname::text AS rel, pg_get_userbyid(c.relowner) AS owner
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
              AND pg_get_userbyid(c.relowner) <> grp ORDER BY 1, 2 LOOP
    kept := '{}';
    FOR k IN 1 .. coalesce(array_length(rec, 1), 0) / 4 LOOP
      IF rec[4 * k - 3:4 * k - 1] IS DISTINCT FROM ARRAY[current_database()::text, t.nsp, t.rel] THEN
        kept := kept || rec[4 * k - 3:4 * k];
      END IF;
    END LOOP;
    rec := kept || ARRAY[current_database()::text, t.nsp, t.rel, t.owner];
  END LOOP;
  EXECUTE format('COMMENT ON ROLE %I IS %L', grp, prefix || rec::text);
  -- The original owners (the application keeps its rights through the group), the user,
  -- and a runner who is not a superuser (PostgreSQL's check for a new owner).
  FOR o IN SELECT DISTINCT x FROM (SELECT rec[k] AS x, rec[k - 3] AS db FROM generate_subscripts(rec, 1) k WHERE k % 4 = 0) r
            WHERE r.db = current_database()
           UNION SELECT 'Cdc "Tool" o''k'
           UNION SELECT current_user::text WHERE NOT su LOOP
    -- A superuser has every role's privileges already; 16+ says INHERIT and SET outright
    -- (a NOINHERIT owner would otherwise lose its own tables).
    IF NOT pg_has_role(o, grp, 'USAGE') THEN
      EXECUTE format('GRANT %I TO %I', grp, o) || CASE WHEN v16 THEN ' WITH INHERIT TRUE, SET TRUE' ELSE '' END;
    END IF;
  END LOOP;
  FOR t IN SELECT n.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')
              AND pg_get_userbyid(c.relowner) <> grp ORDER BY 2, 3 LOOP
    IF su OR has_schema_privilege(grp, t.oid, 'CREATE') THEN
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.nspname, t.relname, grp);
    ELSE
      EXECUTE format('GRANT CREATE ON SCHEMA %I TO %I', t.nspname, grp);
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', t.nspname, t.relname, grp);
      EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', t.nspname, grp);
    END IF;
  END LOOP;
  IF (SELECT pg_get_userbyid(pubowner) FROM pg_publication WHERE pubname = 'Cdc "Tool" o''k_pub') <> grp THEN
    IF su OR has_database_privilege(grp, current_database(), 'CREATE') THEN
      ALTER PUBLICATION "Cdc ""Tool"" o'k_pub" OWNER TO "Cdc ""Tool"" o'k_owners";
    ELSE
      GRANT CREATE ON DATABASE "app" TO "Cdc ""Tool"" o'k_owners";
      ALTER PUBLICATION "Cdc ""Tool"" o'k_pub" OWNER TO "Cdc ""Tool"" o'k_owners";
      REVOKE CREATE ON DATABASE "app" FROM "Cdc ""Tool"" o'k_owners";
    END IF;
  END IF;
END
$$ LANGUAGE plpgsql;

-- The mark that lets this script run again, and uninstall drop only a role it made.
COMMENT ON ROLE "Cdc ""Tool"" o'k" IS 'Grantsmith: change-data-capture user, made by its setup script';

COMMIT;