//! The RLS block and the policy name it creates, computed here the way the original's
//! PL/pgSQL computes it, so a DBA knows the name before running anything.

use std::fmt::Write;

use md5::{Digest, Md5};

use super::setup::{SchemaScope, Setup};
use crate::core::quote::pg::{dollar_quote, literal_array, Ident, Literal};

/// The original's policy name prefix (a profile's product gives another).
pub const PREFIX: &str = "dreamlit";
/// `length('__select_policy')`: with the prefix, what the original reserves of 63 bytes.
const FRAME_LEN: usize = 15;

/// The policy name for a role: `regexp_replace(role, '[^a-zA-Z0-9]+', '_', 'g')`, cut to
/// 31 characters plus `_` and 8 hex digits of its md5 when longer than 40, wrapped as
/// `dreamlit_…_select_policy` and lower-cased.
///
/// ```
/// use grantsmith::core::backend::postgres::original::policy::policy_name;
/// assert_eq!(policy_name("dreamlit_app"), "dreamlit_dreamlit_app_select_policy");
/// assert_eq!(policy_name("Ops Team!"), "dreamlit_ops_team__select_policy");
/// ```
pub fn policy_name(role: &str) -> String {
    policy_name_for(PREFIX, role)
}

/// [`policy_name`] with another prefix (ASCII letters, digits and `_`, at most 20
/// bytes: a [`Brand`](crate::core::brand::Brand)'s), within the same 63 bytes.
///
/// ```
/// use grantsmith::core::backend::postgres::original::policy::policy_name_for;
/// assert_eq!(policy_name_for("acme_sync", "Ops Team!"), "acme_sync_ops_team__select_policy");
/// assert!(policy_name_for("acme_sync", &"x".repeat(100)).len() <= 63);
/// ```
pub fn policy_name_for(prefix: &str, role: &str) -> String {
    let suffix_budget = 63 - FRAME_LEN - prefix.len();
    let mut base = String::with_capacity(role.len());
    let mut in_run = false;
    for c in role.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
            in_run = false;
        } else if !in_run {
            base.push('_');
            in_run = true;
        }
    }
    // `base` is ASCII, so characters and bytes agree.
    let suffix = if base.len() <= suffix_budget {
        base
    } else {
        let digest = Md5::digest(base.as_bytes());
        let mut hex = String::with_capacity(8);
        for b in &digest[..4] {
            let _ = write!(hex, "{b:02x}");
        }
        format!("{}_{hex}", &base[..suffix_budget - 9])
    };
    format!("{prefix}_{suffix}_select_policy").to_ascii_lowercase()
}

impl Setup {
    /// The "Add RLS policies" statement.
    pub(super) fn rls_block(&self) -> String {
        let base_filter = format!(
            "schemaname NOT IN ('pg_catalog', 'information_schema')
    AND schemaname NOT LIKE 'pg_toast%'
    AND schemaname NOT LIKE 'pg_temp_%'{}",
            self.platform_filter("schemaname", "    ")
        ) + if self.hosted() {
            // Only a table's owner may add a policy to it.
            "\n    AND pg_has_role(tableowner, 'USAGE')"
        } else {
            ""
        };
        let filter = match &self.scope {
            SchemaScope::All => base_filter,
            SchemaScope::Listed(list) => {
                format!(
                    "{base_filter} AND schemaname = ANY ({})",
                    literal_array(list)
                )
            }
        };
        let role = self.role.literal();
        let parent = Ident::literal(self.parent());
        let prefix = self.policy_prefix();
        // RAISE's format string: the product's name as a constant, its `%` doubled.
        let product = self.brand.as_ref().map_or("Dreamlit", |b| b.name());
        let skipping = Literal::generated(&format!(
            "Skipping {} RLS policy for %.%: %",
            product.replace('%', "%%")
        ));
        let mut body = String::new();
        super::setup::parent_decls(&mut body, &role, &parent);
        let _ = write!(
            body,
            "  policy_base text := regexp_replace(target_role, '[^a-zA-Z0-9]+', '_', 'g');
  policy_reserved_len constant integer := length('{prefix}__select_policy');
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
  policy_name := lower(format('{prefix}_%s_select_policy', policy_suffix));

  FOR table_record IN
    SELECT schemaname, tablename
    FROM pg_tables
    WHERE {filter} AND rowsecurity = true
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
          RAISE NOTICE {skipping},
            table_record.schemaname,
            table_record.tablename,
            SQLERRM;
      END;
    END IF;
  END LOOP;
END
"
        );
        format!(
            "-- Add permissive SELECT policies (effective when RLS is enabled)\nDO {} LANGUAGE plpgsql;",
            dollar_quote(&body)
        )
    }
}
