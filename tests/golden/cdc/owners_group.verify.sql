-- Verify the change-data-capture user: a pre-flight check, one row each, pass or FAIL.
-- Read-only; run it in the same database, as the role that ran the setup.
WITH r AS (SELECT (SELECT oid FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k') AS oid),
t AS (SELECT c.oid, n.nspname, c.relname, (c.relreplident = 'n'
        OR (c.relreplident = 'd' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
        OR (c.relreplident = 'i' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident))) AS lacks
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON n.nspname = l.nsp AND c.relname = l.rel
 WHERE c.relkind IN ('r', 'p')),
s AS (SELECT x.slot_name, x.plugin, x.active, x.active_pid, x.wal_status, x.database,
             pg_wal_lsn_diff(pg_current_wal_lsn(), x.restart_lsn) AS kept
        FROM (SELECT 1) one LEFT JOIN pg_replication_slots x ON x.slot_name = 'cdc__tool__o_k_5a204d3c'),
checks (ord, item, object, ok) AS (
  SELECT 0, 'run in the database it is for', 'app'::text, current_database() = 'app'
  UNION ALL
  SELECT 0, 'role made by its setup script', 'Cdc "Tool" o''k'::text,
         EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k'
                  AND coalesce(shobj_description(oid, 'pg_authid'), '') LIKE 'Grantsmith:%')
  UNION ALL
  SELECT 1, 'role exists and can log in', 'Cdc "Tool" o''k'::text,
         EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k' AND rolcanlogin)
  UNION ALL
  SELECT 2, 'database ' || priv, 'app'::text,
         coalesce(has_database_privilege((SELECT oid FROM r), 'app', priv), false)
    FROM unnest(ARRAY['CONNECT']) priv
  UNION ALL
  SELECT 10, 'wal_level is logical', current_setting('wal_level'), current_setting('wal_level') = 'logical'
  UNION ALL
  SELECT 11, 'a replication slot free (or its own)',
         format('%s of %s in use', (SELECT count(*) FROM pg_replication_slots), current_setting('max_replication_slots')),
         (SELECT count(*) FROM pg_replication_slots) < current_setting('max_replication_slots')::int
           OR EXISTS (SELECT 1 FROM s WHERE s.slot_name IS NOT NULL)
  UNION ALL
  SELECT 12, 'a WAL sender free',
         format('%s of %s in use', (SELECT count(*) FROM pg_stat_replication), current_setting('max_wal_senders')),
         (SELECT count(*) FROM pg_stat_replication) < current_setting('max_wal_senders')::int
  UNION ALL
  SELECT 13, 'REPLICATION (the user''s own attribute, not a role''s)', 'Cdc "Tool" o''k'::text, coalesce((SELECT rolreplication FROM pg_roles WHERE oid = (SELECT oid FROM r)), false)
  UNION ALL
  SELECT 14, 'publication exists', 'Cdc "Tool" o''k_pub'::text, EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'Cdc "Tool" o''k_pub')
  UNION ALL
  SELECT 14, 'listed table exists', format('%I.%I', l.nsp, l.rel),
         EXISTS (SELECT 1 FROM t WHERE t.nspname = l.nsp AND t.relname = l.rel)
    FROM (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel)
  UNION ALL
  SELECT 15, 'table published', format('%I.%I', t.nspname, t.relname),
         EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = 'Cdc "Tool" o''k_pub'
                  AND p.schemaname = t.nspname AND p.tablename = t.relname)
    FROM t
  UNION ALL
  SELECT 15, 'no other table published',
         coalesce((SELECT string_agg(format('%I.%I', p.schemaname, p.tablename), ', ') FROM pg_publication_tables p
                    WHERE p.pubname = 'Cdc "Tool" o''k_pub'
                      AND NOT EXISTS (SELECT 1 FROM t WHERE t.nspname = p.schemaname AND t.relname = p.tablename)), 'none'),
         NOT EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = 'Cdc "Tool" o''k_pub'
                      AND NOT EXISTS (SELECT 1 FROM t WHERE t.nspname = p.schemaname AND t.relname = p.tablename))
  UNION ALL
  SELECT 16, 'table SELECT', format('%I.%I', t.nspname, t.relname),
         coalesce(has_table_privilege((SELECT oid FROM r), t.oid, 'SELECT'), false)
    FROM t
  UNION ALL
  SELECT 17, 'replica identity (primary key or FULL: else UPDATE and DELETE fail once published)',
         format('%I.%I', t.nspname, t.relname), NOT t.lacks
    FROM t
  UNION ALL
  SELECT 18, 'schema USAGE', quote_ident(x),
         coalesce(has_schema_privilege((SELECT oid FROM r), (SELECT oid FROM pg_namespace WHERE nspname = x), 'USAGE'), false)
    FROM unnest(ARRAY['public', 'Sa''les']) x
  UNION ALL
  SELECT 19, 'replication slot, plugin pgoutput',
         CASE WHEN s.slot_name IS NULL THEN format('%s: not made yet (the tool makes it)', 'cdc__tool__o_k_5a204d3c'::text)
              ELSE format('%s: %s, %s, %s of WAL kept%s', s.slot_name, s.plugin,
                          CASE WHEN s.active THEN 'active (PID ' || s.active_pid || ')' ELSE 'inactive' END,
                          pg_size_pretty(s.kept), CASE WHEN s.wal_status = 'lost' THEN ', invalidated' ELSE '' END) END,
         (s.slot_name IS NULL OR s.plugin = 'pgoutput') AND s.wal_status IS DISTINCT FROM 'lost'
           AND (s.slot_name IS NULL OR s.database = current_database())
    FROM s
  UNION ALL
  SELECT 20, 'owned by the owners group (the user may write, alter and drop it)', format('%I.%I', t.nspname, t.relname),
         pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = t.oid)) = 'Cdc "Tool" o''k_owners'
    FROM t
  UNION ALL
  SELECT 21, 'publication owned by the owners group (the tool may alter it)', 'Cdc "Tool" o''k_pub'::text,
         EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'Cdc "Tool" o''k_pub' AND pg_get_userbyid(pubowner) = 'Cdc "Tool" o''k_owners')
  UNION ALL
  SELECT 21, 'member of the owners group', 'Cdc "Tool" o''k_owners'::text,
         coalesce(pg_has_role((SELECT oid FROM r), (SELECT oid FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k_owners'), 'USAGE'), false)
)
SELECT item AS check, object, CASE WHEN ok THEN 'pass' ELSE 'FAIL' END AS result
  FROM checks
 ORDER BY ord, object, item;