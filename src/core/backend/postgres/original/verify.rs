//! The verify script: one read-only query, a row per expected privilege, pass or FAIL.
//! It checks effective privileges through the catalogs, so a revoked grant shows up as a
//! failing row, and a missing role fails every row instead of raising an error.

use std::fmt::Write;

use super::setup::{SchemaScope, Setup};
use crate::core::backend::postgres::hosted::{grantable, schema_in_reach, verify_runner, Class};
use crate::core::backend::postgres::trigger::table_row;
use crate::core::quote::pg::{literal_array, Literal};

/// Schemas in scope as the setup chose them, as an SQL `WHERE` over `pg_namespace n`
/// (temporary schemas excluded: they come and go).
pub(crate) fn scope_filter(setup: &Setup) -> String {
    let base = format!(
        "n.nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp_%'{}",
        setup.platform_filter("n.nspname", "      ")
    );
    match &setup.scope {
        SchemaScope::All => base,
        SchemaScope::Listed(list) => {
            format!(
                "{base}\n      AND n.nspname = ANY ({})",
                literal_array(list)
            )
        }
    }
}

impl Setup {
    /// `SELECT check, object, result` rows for everything the setup promises.
    pub fn verify_sql(&self) -> String {
        let role = self.role.literal();
        let parent = self.parent().literal();
        let filter = scope_filter(self);
        let hosted = self.hosted();
        let reach = schema_in_reach(hosted, &["USAGE"]);
        let tables = grantable(hosted, Class::Tables, &["SELECT", "TRIGGER"]);
        let seqs = grantable(hosted, Class::Sequences, &["USAGE", "SELECT"]);
        let funcs = grantable(hosted, Class::Functions, &["EXECUTE"]);
        let guard_rows = crate::core::backend::postgres::guard::verify_rows(
            &self.database,
            &self.role,
            "ARRAY['CONNECT', 'CREATE', 'TEMPORARY']",
        );
        let (table_label, table_ok) = table_row();
        let mut q = format!(
            "-- Verify the integration user: one row per expected privilege, pass or FAIL.
-- Read-only; run it in the same database, {}.
WITH r AS (SELECT (SELECT oid FROM pg_roles WHERE rolname = {role}) AS oid),
p AS (SELECT (SELECT oid FROM pg_roles WHERE rolname = {parent}) AS oid),
s AS (
  SELECT n.oid, n.nspname FROM pg_namespace n
   WHERE {filter}{reach}
     AND ((SELECT oid FROM p) IS NULL OR has_schema_privilege((SELECT oid FROM p), n.oid, 'USAGE'))
),
checks (ord, item, object, ok) AS (
{guard_rows}
  UNION ALL
  SELECT 3, 'schema USAGE', format('%I', s.nspname),
         coalesce(has_schema_privilege((SELECT oid FROM r), s.oid, 'USAGE'), false)
    FROM s
  UNION ALL
  SELECT 4, {table_label}, format('%I.%I', s.nspname, c.relname),
         {table_ok}
    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f'){tables},
         unnest(ARRAY['SELECT', 'TRIGGER']) priv
  UNION ALL
  SELECT 5, 'sequence ' || priv, format('%I.%I', s.nspname, c.relname),
         coalesce(has_sequence_privilege((SELECT oid FROM r), c.oid, priv), false)
    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind = 'S'{seqs},
         unnest(ARRAY['USAGE', 'SELECT']) priv
  UNION ALL
  SELECT 6, 'function EXECUTE', format('%I.%I(%s)', s.nspname, f.proname, pg_get_function_identity_arguments(f.oid)),
         coalesce(has_function_privilege((SELECT oid FROM r), f.oid, 'EXECUTE'), false)
    FROM s JOIN pg_proc f ON f.pronamespace = s.oid AND f.prokind = 'f'{funcs}",
            verify_runner(hosted)
        );
        for owner in &self.owners {
            q.push_str(&self.verify_defaults(&owner.literal()));
        }
        if self.rls {
            let name = Literal::generated(&self.policy_name());
            let _ = write!(
                q,
                "
  UNION ALL
  SELECT 8, 'RLS policy ' || {name}, format('%I.%I', t.schemaname, t.tablename),
         EXISTS (SELECT 1 FROM pg_policies pol
                  WHERE pol.schemaname = t.schemaname AND pol.tablename = t.tablename
                    AND pol.policyname = {name} AND {role} = ANY (pol.roles::text[]))
    FROM pg_tables t JOIN s ON s.nspname = t.schemaname
   WHERE t.rowsecurity{}",
                if hosted {
                    " AND pg_has_role(t.tableowner, 'USAGE')"
                } else {
                    ""
                }
            );
        }
        q.push_str(&self.verify_extras());
        q.push_str(
            "
)
SELECT item AS check, object, CASE WHEN ok THEN 'pass' ELSE 'FAIL' END AS result
  FROM checks
 ORDER BY ord, object, item;",
        );
        q
    }
}
