-- Uninstall the change-data-capture user: its publication, grants and role, then its slot.
-- Run in the same database, as the role that ran the setup. Tables the owners group holds go
-- back to their recorded owners. Tables keep a REPLICA IDENTITY FULL the setup gave them (the
-- application does not notice it).
DO $$
DECLARE
  target_role text := 'Cdc "Tool" o''k';
  holder int;
BEGIN
  IF current_database() <> 'app' THEN
    RAISE EXCEPTION 'This script is for database %, but it is running in database %', 'app', current_database()
      USING HINT = 'Connect to that database (in psql: \c followed by its name), then run the script again.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE 'Grantsmith:%') THEN
    RAISE EXCEPTION 'Role % already exists and was not made by a Grantsmith setup script: uninstall leaves it as it is', target_role
      USING HINT = format('Pick another user name. If %s is this integration''s own user, made by an earlier script, mark it first: COMMENT ON ROLE %s IS %L;', quote_ident(target_role), quote_ident(target_role), 'Grantsmith: adopted');
  END IF;
  SELECT active_pid INTO holder FROM pg_replication_slots WHERE slot_name = 'cdc__tool__o_k_5a204d3c' AND active;
  IF holder IS NOT NULL THEN
    RAISE EXCEPTION 'Replication slot % is in use by PID %: stop the tool first', 'cdc__tool__o_k_5a204d3c', holder
      USING HINT = format('Or end that session: SELECT pg_terminate_backend(%s); then run this again. Nothing was changed.', holder);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_publication p WHERE pubname = 'Cdc "Tool" o''k_pub'
              AND coalesce(obj_description(p.oid, 'pg_publication'), '') LIKE 'Grantsmith:%') THEN
    DROP PUBLICATION "Cdc ""Tool"" o'k_pub";
  END IF;
  -- The owners group (if the option made one): each table back to its recorded owner, then the group.
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k_owners'
              AND coalesce(shobj_description(oid, 'pg_authid'), '') LIKE 'Grantsmith owners group, original owners (database, schema, table, owner): ' || '%') THEN
    DECLARE
      grp text := 'Cdc "Tool" o''k_owners';
      prefix text := 'Grantsmith owners group, original owners (database, schema, table, owner): ';
      su boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
      rec text[];
      kept text[] := '{}';
      rel oid;
    BEGIN
      rec := coalesce(substr(shobj_description((SELECT oid FROM pg_roles WHERE rolname = grp), 'pg_authid'),
                            length(prefix) + 1)::text[], '{}');
      FOR k IN 1 .. coalesce(array_length(rec, 1), 0) / 4 LOOP
        IF rec[4 * k - 3] <> current_database() THEN
          kept := kept || rec[4 * k - 3:4 * k];
          CONTINUE;
        END IF;
        rel := to_regclass(format('%I.%I', rec[4 * k - 2], rec[4 * k - 1]));
        CONTINUE WHEN rel IS NULL OR pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = rel)) <> grp;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rec[4 * k]) THEN
          RAISE EXCEPTION 'Table %.% was owned by %, a role that is gone', quote_ident(rec[4 * k - 2]), quote_ident(rec[4 * k - 1]), quote_ident(rec[4 * k])
            USING HINT = 'Give it to its owner now (ALTER TABLE … OWNER TO …), then run this again. Nothing was changed.';
        END IF;
        IF su OR has_schema_privilege(rec[4 * k], (SELECT relnamespace FROM pg_class WHERE oid = rel), 'CREATE') THEN
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', rec[4 * k - 2], rec[4 * k - 1], rec[4 * k]);
        ELSE
          EXECUTE format('GRANT CREATE ON SCHEMA %I TO %I', rec[4 * k - 2], rec[4 * k]);
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', rec[4 * k - 2], rec[4 * k - 1], rec[4 * k]);
          EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', rec[4 * k - 2], rec[4 * k]);
        END IF;
      END LOOP;
      IF kept = '{}' THEN
        DROP ROLE "Cdc ""Tool"" o'k_owners";
      ELSE
        EXECUTE format('COMMENT ON ROLE %I IS %L', grp, prefix || kept::text);
        RAISE NOTICE 'Role % still owns tables in other databases (%): uninstall there too', grp, kept::text;
      END IF;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role) THEN
    RAISE NOTICE 'Role % not found; nothing else to uninstall', target_role;
    RETURN;
  END IF;

  -- Triggers the user attached to tables it does not own run its code as whoever
  -- writes them: they go, with their functions, rather than to the owner.
  DECLARE
    trigger_record record;
  BEGIN
  FOR trigger_record IN
    SELECT t.tgname, t.tgrelid::regclass::text AS tbl, t.tgfoid::regprocedure::text AS func,
           t.tgfoid, pg_has_role(c.relowner, 'USAGE') AS droppable
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc f ON f.oid = t.tgfoid
     WHERE NOT t.tgisinternal AND f.proowner = (SELECT oid FROM pg_roles WHERE rolname = target_role)
       AND c.relowner <> f.proowner
  LOOP
    IF NOT trigger_record.droppable THEN
      RAISE EXCEPTION 'Trigger % on % runs %''s function %, and only the table''s owner may drop it', trigger_record.tgname, trigger_record.tbl, target_role, trigger_record.func
        USING HINT = 'Run this uninstall as that owner or a superuser: nothing was changed.';
    END IF;
    RAISE NOTICE 'Dropping trigger % on %, which runs %', trigger_record.tgname, trigger_record.tbl, trigger_record.func;
    EXECUTE format('DROP TRIGGER %I ON %s', trigger_record.tgname, trigger_record.tbl);
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgfoid = trigger_record.tgfoid) THEN
      EXECUTE format('DROP FUNCTION %s', trigger_record.func);
    END IF;
  END LOOP;
  END;

  -- REASSIGN/DROP OWNED need the privileges of the role: a non-superuser that created
  -- it (CREATEROLE) may grant itself membership first.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, target_role, 'USAGE') THEN
    EXECUTE format('GRANT %I TO %I', target_role, current_user);
  END IF;
  EXECUTE format('REASSIGN OWNED BY %I TO %I', target_role, current_user);
  EXECUTE format('DROP OWNED BY %I', target_role);
  EXECUTE format('DROP ROLE %I', target_role);
END
$$ LANGUAGE plpgsql;

-- The slot last, on its own: dropping it cannot be undone, and it frees the WAL it kept.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'cdc__tool__o_k_5a204d3c' AND NOT active) THEN
    PERFORM pg_drop_replication_slot('cdc__tool__o_k_5a204d3c');
  END IF;
END
$$ LANGUAGE plpgsql;