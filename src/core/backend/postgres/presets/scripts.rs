//! Verify and uninstall for a [`Plan`], mirroring its setup.

use std::fmt::Write;

use super::super::hosted::{grantable, schema_in_reach};
use super::setup::Plan;
use crate::core::backend::postgres::converge::names;
use crate::core::backend::postgres::guard::uninstall_checks;
use crate::core::backend::postgres::hosted::verify_runner;
use crate::core::backend::postgres::trigger::{table_row, verify_row};
use crate::core::backend::postgres::uninstall::drop_role_tail;
use crate::core::privileges::list;
use crate::core::quote::pg::dollar_quote;

impl Plan {
    /// One read-only query: a row per expected privilege, pass or FAIL.
    pub fn verify_sql(&self) -> String {
        let role = self.role.literal();
        let p = &self.privs;
        let arr = |v: Vec<&str>| names(&v);
        let hosted = self.platform.is_some();
        let g: Vec<String> = self
            .classes()
            .iter()
            .map(|(c, v)| grantable(hosted, *c, v))
            .collect();
        let (tables, seqs, funcs) = (&g[0], &g[1], &g[2]);
        let reach = schema_in_reach(hosted, &self.schema_privs());
        let guard_rows = crate::core::backend::postgres::guard::verify_rows(
            &self.database,
            &self.role,
            &arr(p.database.iter().map(|x| x.as_str()).collect()),
        );
        let (table_label, table_ok) = table_row();
        // The password's expiry as setup sets it (no expiry: NULL or infinity).
        let until = crate::core::backend::checks::valid_until_sql(self.valid_until.as_deref());
        let until_text = self
            .valid_until
            .as_ref()
            .map_or("'never'".to_string(), |d| format!("'{d} 00:00 UTC'"));
        let mut q = format!(
            "-- Verify the {}: one row per expected privilege, pass or FAIL.
-- Read-only; run it in the same database, {}.
WITH r AS (SELECT (SELECT oid FROM pg_roles WHERE rolname = {role}) AS oid),
s AS (SELECT n.oid, n.nspname FROM pg_namespace n
       WHERE {}{reach}),
checks (ord, item, object, ok) AS (
{guard_rows}
  UNION ALL
  SELECT 1, 'password valid until', {until_text},
         coalesce((SELECT rolvaliduntil FROM pg_roles WHERE oid = (SELECT oid FROM r)), 'infinity') = {until}::timestamptz
  UNION ALL
  SELECT 3, 'schema ' || priv, format('%I', s.nspname),
         coalesce(has_schema_privilege((SELECT oid FROM r), s.oid, priv), false)
    FROM s, unnest({}) priv
  UNION ALL
  SELECT 4, {table_label}, format('%I.%I', s.nspname, c.relname),
         {table_ok}
    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f'){tables},
         unnest({}) priv
  UNION ALL
  SELECT 5, 'sequence ' || priv, format('%I.%I', s.nspname, c.relname),
         coalesce(has_sequence_privilege((SELECT oid FROM r), c.oid, priv), false)
    FROM s JOIN pg_class c ON c.relnamespace = s.oid AND c.relkind = 'S'{seqs}, unnest({}) priv",
            self.title,
            verify_runner(hosted),
            self.scope_filter(),
            arr(p.schema.iter().map(|x| x.as_str()).collect()),
            arr(p.tables.iter().map(|x| x.as_str()).collect()),
            arr(p.sequences.iter().map(|x| x.as_str()).collect()),
        );
        if p.functions {
            let _ = write!(
                q,
                "
  UNION ALL
  SELECT 6, 'function EXECUTE', format('%I.%I(%s)', s.nspname, f.proname, pg_get_function_identity_arguments(f.oid)),
         coalesce(has_function_privilege((SELECT oid FROM r), f.oid, 'EXECUTE'), false)
    FROM s JOIN pg_proc f ON f.pronamespace = s.oid AND f.prokind = 'f'{funcs}",
            );
        }
        if p.future {
            for owner in self.owner_slots() {
                let (who, cond) = match owner {
                    Some(o) => (
                        format!("'created by ' || {}", o.literal()),
                        format!(
                            "d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = {})",
                            o.literal()
                        ),
                    ),
                    None => (
                        "'created by the role that ran setup'".to_string(),
                        "true".to_string(),
                    ),
                };
                for (privs, class, code) in self.object_grants() {
                    let held = format!(
                        "EXISTS (SELECT 1 FROM pg_default_acl d, aclexplode(d.defaclacl) a
                  WHERE {cond} AND d.defaclnamespace = s.oid AND d.defaclobjtype = '{code}'
                    AND a.grantee = (SELECT oid FROM r) AND a.privilege_type = priv)"
                    );
                    let (label, ok) = match owner {
                        Some(o) => verify_row(
                            &format!("'default privilege {class} ' || priv"),
                            &held,
                            "priv",
                            &format!("(SELECT oid FROM pg_roles WHERE rolname = {})", o.literal()),
                        ),
                        None => (format!("'default privilege {class} ' || priv"), held),
                    };
                    let _ = write!(
                        q,
                        "
  UNION ALL
  SELECT 7, {label}, format('%I ', s.nspname) || {who},
         {ok}
    FROM s, unnest({}) priv",
                        arr(privs.split(", ").collect())
                    );
                }
            }
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

    /// The mirror of setup; a missing role is a NOTICE, so it can run twice.
    pub fn uninstall_sql(&self) -> String {
        let role = self.role.literal();
        let mut b = format!(
            "
DECLARE
  target_role text := {role};
  s record;
BEGIN
{}  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role) THEN
    RAISE NOTICE 'Role % not found; nothing to uninstall', target_role;
    RETURN;
  END IF;
  FOR s IN SELECT nspname FROM pg_namespace n WHERE {} LOOP
",
            uninstall_checks(
                &self.database,
                if self.privs.future { &self.owners } else { &[] }
            ),
            self.scope_filter()
        );
        if self.privs.future {
            for owner in self.owner_slots() {
                for (privs, class, _) in self.object_grants() {
                    match owner {
                        Some(o) => {
                            let _ = writeln!(
                                b,
                                "    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {o}) THEN\n      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE {privs} ON {class} FROM %I', {o}, s.nspname, target_role);\n    END IF;",
                                o = o.literal()
                            );
                        }
                        None => {
                            let _ = writeln!(
                                b,
                                "    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE {privs} ON {class} FROM %I', s.nspname, target_role);"
                            );
                        }
                    }
                }
            }
        }
        // On a provider the role running this may revoke only what it may grant; DROP
        // OWNED (in the tail) revokes every privilege granted to the role, warning-free.
        let hosted = self.platform.is_some();
        for (privs, class, _) in self.object_grants().into_iter().filter(|_| !hosted) {
            let _ = writeln!(
                b,
                "    EXECUTE format('REVOKE {privs} ON ALL {class} IN SCHEMA %I FROM %I', s.nspname, target_role);"
            );
        }
        // Only where this role may grant them, as setup: anyone else's REVOKE is a
        // WARNING (PostgreSQL 14's `public`), and DROP OWNED revokes them anyway.
        if !self.privs.schema.is_empty() && !hosted {
            let _ = writeln!(
                b,
                "    IF {} THEN\n      EXECUTE format('REVOKE {} ON SCHEMA %I FROM %I', s.nspname, target_role);\n    END IF;",
                self.holds_schema_privs("", "s.nspname", " WITH GRANT OPTION", "    "),
                list(&self.privs.schema, |x| x.as_str())
            );
        }
        b.push_str("  END LOOP;");
        if !self.privs.database.is_empty() {
            let _ = write!(
                b,
                "\n  EXECUTE format('REVOKE {} ON DATABASE %I FROM %I', current_database(), target_role);",
                list(&self.privs.database, |x| x.as_str())
            );
        }
        let reassign = match self.owners.first() {
            Some(o) => o.literal().to_string(),
            None => "current_user".to_string(),
        };
        b.push_str(&drop_role_tail(&reassign));
        format!(
            "-- Uninstall the {}: revoke everything setup granted, then drop the role.
-- Run in the same database, as the role that ran the setup. Objects the role created
-- are handed to {} (REASSIGN OWNED).
DO {} LANGUAGE plpgsql;",
            self.title,
            match self.owners.first() {
                Some(o) => o.comment().to_string(),
                None => "the role running this".to_string(),
            },
            dollar_quote(&b)
        )
    }
}
