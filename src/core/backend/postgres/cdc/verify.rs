//! Verify as a pre-flight check: one row per thing a change-data-capture tool needs,
//! pass or FAIL, read-only, before the tool is pointed at the database.

use super::notes::Replication;
use super::setup::LACKS_IDENTITY;
use super::{Cdc, Target};
use crate::core::backend::postgres::guard::verify_rows;
use crate::core::quote::pg::literal_array;

impl Cdc {
    /// The verify query.
    pub fn verify(&self) -> String {
        let role = self.role.literal();
        let (pubname, slot) = (self.publication.literal(), &self.slot);
        let replication = match self.replication {
            Replication::RdsRole => format!("'member of rds_replication', {role}::text, coalesce(pg_has_role((SELECT oid FROM r), 'rds_replication', 'MEMBER'), false)"),
            _ => format!("'REPLICATION (the user''s own attribute, not a role''s)', {role}::text, coalesce((SELECT rolreplication FROM pg_roles WHERE oid = (SELECT oid FROM r)), false)"),
        };
        let listed = match &self.target {
            Target::Tables(t) => format!(
                "
  UNION ALL
  SELECT 14, 'listed table exists', format('%I.%I', l.nsp, l.rel),
         EXISTS (SELECT 1 FROM t WHERE t.nspname = l.nsp AND t.relname = l.rel)
    FROM (VALUES {}) l(nsp, rel)",
                self.listed_values(t)
            ),
            Target::Schemas(_) => String::new(),
        };
        let slot_ok = if self.create_slot {
            "s.plugin IS NOT DISTINCT FROM 'pgoutput'"
        } else {
            // The tool makes it: none yet is fine, one of another plugin is not.
            "s.slot_name IS NULL OR s.plugin = 'pgoutput'"
        };
        format!(
            "-- Verify the change-data-capture user: a pre-flight check, one row each, pass or FAIL.
-- Read-only; run it in the same database, as the role that ran the setup.
WITH r AS (SELECT (SELECT oid FROM pg_roles WHERE rolname = {role}) AS oid),
t AS (SELECT c.oid, n.nspname, c.relname, {LACKS_IDENTITY} AS lacks
        FROM {from}),
s AS (SELECT x.slot_name, x.plugin, x.active, x.active_pid, x.wal_status, x.database,
             pg_wal_lsn_diff(pg_current_wal_lsn(), x.restart_lsn) AS kept
        FROM (SELECT 1) one LEFT JOIN pg_replication_slots x ON x.slot_name = {slot}),
checks (ord, item, object, ok) AS (
{guard}
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
  SELECT 13, {replication}
  UNION ALL
  SELECT 14, 'publication exists', {pubname}::text, EXISTS (SELECT 1 FROM pg_publication WHERE pubname = {pubname}){listed}
  UNION ALL
  SELECT 15, 'table published', format('%I.%I', t.nspname, t.relname),
         EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = {pubname}
                  AND p.schemaname = t.nspname AND p.tablename = t.relname)
    FROM t
  UNION ALL
  SELECT 15, 'no other table published',
         coalesce((SELECT string_agg(format('%I.%I', p.schemaname, p.tablename), ', ') FROM pg_publication_tables p
                    WHERE p.pubname = {pubname}
                      AND NOT EXISTS (SELECT 1 FROM t WHERE t.nspname = p.schemaname AND t.relname = p.tablename)), 'none'),
         NOT EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.pubname = {pubname}
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
    FROM unnest({schemas}) x
  UNION ALL
  SELECT 19, 'replication slot, plugin pgoutput',
         CASE WHEN s.slot_name IS NULL THEN format('%s: not made yet{later}', {slot}::text)
              ELSE format('%s: %s, %s, %s of WAL kept%s', s.slot_name, s.plugin,
                          CASE WHEN s.active THEN 'active (PID ' || s.active_pid || ')' ELSE 'inactive' END,
                          pg_size_pretty(s.kept), CASE WHEN s.wal_status = 'lost' THEN ', invalidated' ELSE '' END) END,
         ({slot_ok}) AND s.wal_status IS DISTINCT FROM 'lost'
           AND (s.slot_name IS NULL OR s.database = current_database())
    FROM s{group}
)
SELECT item AS check, object, CASE WHEN ok THEN 'pass' ELSE 'FAIL' END AS result
  FROM checks
 ORDER BY ord, object, item;",
            from = self.published_from(),
            guard = verify_rows(&self.database, &self.role, "ARRAY['CONNECT']"),
            schemas = literal_array(&self.schemas()),
            group = self.owners_group.as_ref().map_or(String::new(), |g| {
                let g = g.literal();
                format!(
                    "
  UNION ALL
  SELECT 20, 'owned by the owners group (the user may write, alter and drop it)', format('%I.%I', t.nspname, t.relname),
         pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = t.oid)) = {g}
    FROM t
  UNION ALL
  SELECT 21, 'publication owned by the owners group (the tool may alter it)', {pubname}::text,
         EXISTS (SELECT 1 FROM pg_publication WHERE pubname = {pubname} AND pg_get_userbyid(pubowner) = {g})
  UNION ALL
  SELECT 21, 'member of the owners group', {g}::text,
         coalesce(pg_has_role((SELECT oid FROM r), (SELECT oid FROM pg_roles WHERE rolname = {g}), 'USAGE'), false)"
                )
            }),
            later = if self.create_slot {
                " (the setup makes it)"
            } else {
                " (the tool makes it)"
            },
        )
    }
}
