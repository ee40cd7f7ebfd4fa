-- Everything the user has, one line per fact (tab-separated fields). Read-only: run
-- it in the database the user connects to with psql -At, which prints one plain line
-- per row; the first and last lines frame the facts, so a cut copy is told apart.
WITH RECURSIVE r AS (SELECT oid FROM pg_roles WHERE rolname = 'Cdc "Tool" o''k'),
m (roleid, admin, depth) AS (
  SELECT a.roleid, a.admin_option, 1 FROM pg_auth_members a WHERE a.member = (SELECT oid FROM r)
  UNION
  SELECT a.roleid, a.admin_option, m.depth + 1 FROM pg_auth_members a JOIN m ON a.member = m.roleid
   WHERE m.depth < 32
),
-- Each role the user belongs to, and every role that one belongs to in turn.
reach (top, roleid, depth) AS (
  SELECT m.roleid, m.roleid, 0 FROM m
  UNION
  SELECT reach.top, a.roleid, reach.depth + 1 FROM pg_auth_members a JOIN reach ON a.member = reach.roleid
   WHERE reach.depth < 32
),
-- Roles that may change data or structure, or hand privileges on: an attribute, a write
-- privilege, a grant option, or ownership. A member may do what they may.
w (roleid) AS (
  SELECT oid FROM pg_roles WHERE rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication
  UNION SELECT a.grantee FROM pg_class c, LATERAL aclexplode(c.relacl) a
   WHERE a.is_grantable OR a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'MAINTAIN')
  UNION SELECT a.grantee FROM pg_attribute t, LATERAL aclexplode(t.attacl) a
   WHERE a.is_grantable OR a.privilege_type IN ('INSERT', 'UPDATE')
  UNION SELECT a.grantee FROM pg_namespace n, LATERAL aclexplode(n.nspacl) a
   WHERE a.is_grantable OR a.privilege_type = 'CREATE'
  UNION SELECT a.grantee FROM pg_database d, LATERAL aclexplode(d.datacl) a
   WHERE d.datname = current_database() AND (a.is_grantable OR a.privilege_type = 'CREATE')
  UNION SELECT relowner FROM pg_class
  UNION SELECT nspowner FROM pg_namespace
),
s (oid, nspname) AS (
  SELECT n.oid, n.nspname FROM pg_namespace n
   WHERE n.nspname = ANY (ARRAY['public', 'Sa''les'])
),
g (grantable) AS (VALUES (ARRAY['', 'grantable'])),
facts (f) AS (
  -- Attributes that widen what the user may do, and LOGIN and INHERIT as they are.
  SELECT ARRAY['attr', a.attr]::text[] FROM pg_roles p, LATERAL (VALUES ('SUPERUSER', p.rolsuper),
      ('CREATEDB', p.rolcreatedb), ('CREATEROLE', p.rolcreaterole), ('REPLICATION', p.rolreplication),
      ('BYPASSRLS', p.rolbypassrls), ('NOLOGIN', NOT p.rolcanlogin), ('NOINHERIT', NOT p.rolinherit)) a(attr, set)
   WHERE p.oid = (SELECT oid FROM r) AND a.set
  UNION ALL
  -- When the password stops working, in UTC; empty for never (none, or infinity). Always
  -- one line, so a paste without it (an older query's) is told from one without expiry.
  SELECT ARRAY['expires', CASE WHEN p.rolvaliduntil IS NULL OR p.rolvaliduntil = 'infinity' THEN ''
         WHEN isfinite(p.rolvaliduntil) THEN to_char(p.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
         ELSE p.rolvaliduntil::text END]::text[]
    FROM pg_roles p WHERE p.oid = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['member', pg_get_userbyid(m.roleid), CASE WHEN m.depth = 1 THEN 'direct' ELSE 'inherited' END,
         CASE WHEN m.admin THEN 'admin' ELSE '' END]::text[] FROM m
  UNION ALL
  SELECT ARRAY['writer', pg_get_userbyid(x.top)]::text[] FROM reach x JOIN w ON w.roleid = x.roleid
  UNION ALL
  SELECT ARRAY['database', d.datname, a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_database d, LATERAL aclexplode(d.datacl) a
   WHERE d.datname = current_database() AND a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['schema', n.nspname, a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_namespace n, LATERAL aclexplode(n.nspacl) a WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY[CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, a.privilege_type,
         (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, LATERAL aclexplode(c.relacl) a
   WHERE a.grantee = (SELECT oid FROM r) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
  UNION ALL
  SELECT ARRAY['column', n.nspname, c.relname, t.attname, a.privilege_type,
         (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
         LATERAL aclexplode(t.attacl) a
   WHERE a.grantee = (SELECT oid FROM r) AND NOT t.attisdropped
  UNION ALL
  SELECT ARRAY['function', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
         a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, LATERAL aclexplode(p.proacl) a
   WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['default', pg_get_userbyid(d.defaclrole), coalesce(n.nspname, ''), d.defaclobjtype::text,
         a.privilege_type, (SELECT grantable[a.is_grantable::int + 1] FROM g)]::text[]
    FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, LATERAL aclexplode(d.defaclacl) a
   WHERE a.grantee = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['policy', n.nspname, c.relname, p.polname]::text[]
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (SELECT oid FROM r) = ANY (p.polroles)
  UNION ALL
  SELECT ARRAY['owns', CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname]::text[]
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'schema', n.nspname, '']::text[] FROM pg_namespace n WHERE n.nspowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'function', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')']::text[]
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proowner = (SELECT oid FROM r)
  UNION ALL
  SELECT ARRAY['owns', 'database', '', d.datname]::text[] FROM pg_database d WHERE d.datdba = (SELECT oid FROM r)
  -- The objects the setup grants on, as the role running this sees them.
  UNION ALL
  SELECT ARRAY['object', 'schema', s.nspname, '', (SELECT string_agg(a.privilege_type, ',')
         FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
         WHERE n.oid = s.oid AND a.grantee = 0)]::text[] FROM s
  UNION ALL
  SELECT ARRAY['object', 'table', s.nspname, c.relname, (SELECT string_agg(a.privilege_type, ',' ORDER BY a.privilege_type) FROM aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a WHERE a.grantee = 0)]::text[]
    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p')
         JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON l.nsp = s.nspname AND l.rel = c.relname
  UNION ALL
  SELECT ARRAY['publication', p.pubname, pg_get_userbyid(p.pubowner), CASE WHEN p.puballtables THEN 'all tables' ELSE '' END,
         concat_ws(',', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                   CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)]::text[]
    FROM pg_publication p WHERE (p.pubowner = (SELECT oid FROM r) OR p.pubname = 'Cdc "Tool" o''k_pub')
  UNION ALL
  SELECT ARRAY['published', p.pubname, n.nspname, c.relname]::text[]
    FROM pg_publication p JOIN pg_publication_rel x ON x.prpubid = p.oid JOIN pg_class c ON c.oid = x.prrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE (p.pubowner = (SELECT oid FROM r) OR p.pubname = 'Cdc "Tool" o''k_pub')
  UNION ALL
  -- Whole schemas: pg_publication_namespace (15+) read through its dependencies, which
  -- 14 has too (to_regclass finds no such catalog there, so no row).
  SELECT ARRAY['published', p.pubname, n.nspname, '']::text[]
    FROM pg_depend d JOIN pg_depend e ON e.classid = d.classid AND e.objid = d.objid
         JOIN pg_publication p ON p.oid = d.refobjid JOIN pg_namespace n ON n.oid = e.refobjid
   WHERE d.classid = to_regclass('pg_catalog.pg_publication_namespace')
     AND d.refclassid = 'pg_catalog.pg_publication'::regclass AND e.refclassid = 'pg_catalog.pg_namespace'::regclass
     AND (p.pubowner = (SELECT oid FROM r) OR p.pubname = 'Cdc "Tool" o''k_pub')
  UNION ALL
  SELECT ARRAY['slot', x.slot_name, coalesce(x.plugin, ''), coalesce(x.database, ''),
         CASE WHEN x.active THEN 'active' ELSE '' END, coalesce(x.active_pid::text, ''), coalesce(x.wal_status, ''),
         coalesce(pg_size_pretty(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn()
                                                      ELSE pg_current_wal_lsn() END, x.restart_lsn)), '')]::text[]
    FROM pg_replication_slots x
   WHERE x.slot_name = 'cdc__tool__o_k_5a204d3c' OR x.active_pid IN (SELECT pid FROM pg_stat_activity WHERE usesysid = (SELECT oid FROM r))
  UNION ALL
  SELECT ARRAY['grouped', n.nspname, c.relname, pg_get_userbyid(c.relowner)]::text[]
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN (VALUES ('public', 'orders'), ('Sa''les', 'Line "items"')) l(nsp, rel) ON l.nsp = n.nspname AND l.rel = c.relname
   WHERE c.relkind IN ('r', 'p')
),
-- Every field escaped (\\, tab, line feed, carriage return), joined by tabs.
lines (part, line) AS (
  SELECT part, (SELECT string_agg(replace(replace(replace(replace(coalesce(x, ''), '\', '\\'),
                 E'\t', '\t'), E'\n', '\n'), E'\r', '\r'), E'\t' ORDER BY o)
                  FROM unnest(f) WITH ORDINALITY u(x, o))
    FROM (SELECT 0 AS part, ARRAY['grantsmith-inspect', '2', 'Cdc "Tool" o''k', current_database(),
                 CASE WHEN (SELECT oid FROM r) IS NULL THEN 'missing' ELSE 'exists' END,
                 current_user, 'e22db5e5']::text[] AS f
          UNION ALL
          SELECT DISTINCT 1, f FROM facts) x
)
SELECT line FROM (
  SELECT part, line FROM lines
  UNION ALL
  SELECT 2, 'grantsmith-inspect-end' || E'\t' || (SELECT count(*) FROM lines WHERE part = 1)
) y ORDER BY part, line;