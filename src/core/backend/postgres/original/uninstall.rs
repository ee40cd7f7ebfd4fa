//! The uninstall script: the mirror of setup. Revokes the grants, reverses the default
//! privileges, drops the RLS policies, hands anything the role created to the first
//! owner role (`REASSIGN OWNED`, as the original's hand-written uninstall does), and
//! drops the role. Safe to run twice: a missing role is a NOTICE, not an error.

use std::fmt::Write;

use super::setup::Setup;
use super::verify::scope_filter;
use crate::core::backend::postgres::guard::uninstall_checks;
use crate::core::backend::postgres::uninstall::drop_role_tail;
use crate::core::quote::pg::{dollar_quote, Literal};

impl Setup {
    /// The whole uninstall script.
    pub fn uninstall_sql(&self) -> String {
        let role = self.role.literal();
        let parent = self.parent().literal();
        let filter = scope_filter(self).replace("n.nspname", "nspname");
        // On a provider the role running this may revoke only what it may grant; DROP
        // OWNED (in the tail) revokes every privilege granted to the role, warning-free.
        let revoke = if self.hosted() {
            String::new()
        } else {
            format!(
                "
  FOR schema_record IN
    SELECT nspname FROM pg_namespace
     WHERE {filter}
  LOOP
    IF parent_role_oid IS NULL OR has_schema_privilege(parent_role_oid, schema_record.nspname, 'USAGE') THEN
      EXECUTE format('REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA %I FROM %I', schema_record.nspname, target_role);
      EXECUTE format('REVOKE USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I FROM %I', schema_record.nspname, target_role);
      EXECUTE format('REVOKE SELECT, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', schema_record.nspname, target_role);
      EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM %I', schema_record.nspname, target_role);
    END IF;
  END LOOP;
"
            )
        };
        let mut b = format!(
            "
DECLARE
  target_role text := {role};
  parent_role text := {parent};
  parent_role_oid oid := (SELECT oid FROM pg_roles WHERE rolname = parent_role);
  schema_record record;
  policy_record record;
BEGIN
{checks}  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role) THEN
    RAISE NOTICE 'Role % not found; nothing to uninstall', target_role;
    RETURN;
  END IF;
{revoke}",
            checks = uninstall_checks(&self.database, &self.owners)
        );
        b.push_str(&self.revoke_default_privileges());
        if self.rls {
            let name = Literal::generated(&self.policy_name());
            let _ = write!(
                b,
                "
  FOR policy_record IN
    SELECT schemaname, tablename FROM pg_policies
     WHERE policyname = {name} AND target_role = ANY (roles::text[])
  LOOP
    EXECUTE format('DROP POLICY %I ON %I.%I', {name}, policy_record.schemaname, policy_record.tablename);
  END LOOP;
"
            );
        }
        b.push_str(
            "
  EXECUTE format('REVOKE CONNECT, CREATE, TEMP ON DATABASE %I FROM %I', current_database(), target_role);",
        );
        b.push_str(&drop_role_tail("parent_role"));
        format!(
            "-- Uninstall: revoke everything setup granted, drop its policies and the role.
-- Run in the same database, as the role that ran the setup. Objects the role created
-- are handed to {} (REASSIGN OWNED), as the original's manual uninstall does.
DO {} LANGUAGE plpgsql;",
            self.parent().comment(),
            dollar_quote(&b)
        )
    }
}
