//! The original's default privileges: what objects an owner role creates later the
//! integration may use. With "All schemas" they are the original's, for every schema
//! (future schemas included). With "Only listed schemas" the original wrote the same
//! global statements, so a schema the owner created next month was readable too (a
//! careful DBA found `secret.newkeys` readable): here they are `IN SCHEMA` each listed
//! schema, and future schemas (outside a listed scope by definition) get nothing.
//! Setup, verify and uninstall read the same table.

use std::fmt::Write;

use super::setup::{do_block, SchemaScope, Setup};
use crate::core::quote::pg::{literal_array, Ident, Literal};

/// `(object kind as ALTER DEFAULT PRIVILEGES names it, pg_default_acl code, privileges)`
/// granted on future objects of the owner roles; `SCHEMAS` only without a listed scope.
pub(crate) const DEFAULTS: [(&str, &str, &str); 4] = [
    ("SCHEMAS", "n", "USAGE"),
    ("TABLES", "r", "SELECT, TRIGGER"),
    ("SEQUENCES", "S", "USAGE, SELECT"),
    ("FUNCTIONS", "f", "EXECUTE"),
];

/// The kind as verify's rows name it. A table, not `to_lowercase`: that brings
/// Unicode's case tables into the page (about 9 KB gzip, measured with scripts/size.sh).
fn row_name(kind: &str) -> &'static str {
    match kind {
        "SCHEMAS" => "schemas",
        "TABLES" => "tables",
        "SEQUENCES" => "sequences",
        _ => "functions",
    }
}

impl Setup {
    /// The listed schemas, when the scope is a list.
    fn listed(&self) -> Option<&[Ident]> {
        match &self.scope {
            SchemaScope::Listed(list) => Some(list),
            SchemaScope::All => None,
        }
    }

    /// The default privileges the setup grants, per owner: `(kind, code, privs)`.
    pub(crate) fn default_kinds(&self) -> Vec<(&'static str, &'static str, &'static str)> {
        let listed = self.listed().is_some();
        DEFAULTS
            .into_iter()
            .filter(|(kind, _, _)| !(listed && *kind == "SCHEMAS"))
            .collect()
    }

    /// The setup's default-privilege blocks: the original's, one per owner; or, with a
    /// listed scope, one block looping over the owners and the listed schemas, so the
    /// script grows with what was typed (owners + schemas), not with their product.
    pub(super) fn default_privilege_blocks(&self, role_lit: &Literal) -> Vec<String> {
        match self.listed() {
            None => self
                .owners
                .iter()
                .map(|o| self.global_defaults(role_lit, o))
                .collect(),
            Some(list) => vec![self.listed_defaults(role_lit, list)],
        }
    }

    /// The original's block for `owner`.
    fn global_defaults(&self, role_lit: &Literal, owner: &Ident) -> String {
        let mut s = format!(
            "-- Ensure future schemas/objects created by {} are accessible \n",
            owner.comment()
        );
        let mut b = format!(
            "
DECLARE
  target_role text := {role_lit};
  owner_role text := NULLIF({}, '');
  owner_oid oid := CASE
    WHEN owner_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = owner_role)
  END;
BEGIN
  IF owner_role IS NULL OR owner_oid IS NULL THEN
    RAISE NOTICE 'Skipping default privileges: role % not found', owner_role;
  ELSE
",
            owner.literal()
        );
        for (kind, _, privs) in self.default_kinds() {
            let _ = writeln!(
                b,
                "    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT {privs} ON {kind} TO %I', owner_role, target_role);"
            );
        }
        b.push_str("  END IF;\nEND\n");
        do_block(&mut s, &b);
        s
    }

    /// One block for a listed scope: each owner that exists, in each listed schema.
    fn listed_defaults(&self, role_lit: &Literal, list: &[Ident]) -> String {
        let mut s = String::from(
            "-- Ensure future objects created by the owner roles in the listed schemas are accessible\n",
        );
        let mut b = format!(
            "
DECLARE
  target_role text := {role_lit};
  owner_role text;
  s text;
BEGIN
  FOREACH owner_role IN ARRAY {} LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = owner_role) THEN
      RAISE NOTICE 'Skipping default privileges: role % not found', owner_role;
      CONTINUE;
    END IF;
    FOREACH s IN ARRAY {} LOOP
",
            literal_array(&self.owners),
            literal_array(list)
        );
        for (kind, _, privs) in self.default_kinds() {
            let _ = writeln!(
                b,
                "      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT {privs} ON {kind} TO %I', owner_role, s, target_role);"
            );
        }
        b.push_str("    END LOOP;\n  END LOOP;\nEND\n");
        do_block(&mut s, &b);
        s
    }

    /// Uninstall's lines (in its DO body; `target_role` and `schema_record` declared):
    /// the mirror of [`Setup::default_privilege_blocks`], for each owner that exists,
    /// globally or in each listed schema that exists.
    pub(super) fn revoke_default_privileges(&self) -> String {
        let mut out = String::new();
        match self.listed() {
            None => {
                for owner in &self.owners {
                    let o = owner.literal();
                    let _ = writeln!(
                        out,
                        "\n  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {o}) THEN"
                    );
                    for (kind, _, privs) in self.default_kinds() {
                        let _ = writeln!(
                            out,
                            "    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I REVOKE {privs} ON {kind} FROM %I', {o}, target_role);"
                        );
                    }
                    out.push_str("  END IF;\n");
                }
            }
            Some(list) => {
                let _ = writeln!(
                    out,
                    "
  FOR schema_record IN
    SELECT r.rolname AS owner_role, n.nspname
      FROM pg_roles r, pg_namespace n
     WHERE r.rolname = ANY ({}) AND n.nspname = ANY ({})
  LOOP",
                    literal_array(&self.owners),
                    literal_array(list)
                );
                for (kind, _, privs) in self.default_kinds() {
                    let _ = writeln!(
                        out,
                        "    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE {privs} ON {kind} FROM %I', schema_record.owner_role, schema_record.nspname, target_role);"
                    );
                }
                out.push_str("  END LOOP;\n");
            }
        }
        out
    }

    /// Verify's rows for owner `o` (a literal): each default privilege, globally or in
    /// each schema in scope (`s`).
    pub(super) fn verify_defaults(&self, o: &Literal) -> String {
        let values: Vec<String> = self
            .default_kinds()
            .into_iter()
            .flat_map(|(kind, code, privs)| {
                privs
                    .split(", ")
                    .map(move |p| format!("('{}', '{code}', '{p}')", row_name(kind)))
            })
            .collect();
        let (object, from, namespace) = match self.listed() {
            None => (
                format!("'for objects created by ' || {o}"),
                "",
                "d.defaclnamespace = 0",
            ),
            Some(_) => (
                format!("format('%I ', s.nspname) || 'for objects created by ' || {o}"),
                "s, ",
                "d.defaclnamespace = s.oid",
            ),
        };
        let owner = format!("(SELECT oid FROM pg_roles WHERE rolname = {o})");
        let (label, ok) = crate::core::backend::postgres::trigger::verify_row(
            "'default privilege ' || kind || ' ' || priv",
            &format!(
                "EXISTS (SELECT 1 FROM pg_default_acl d, aclexplode(d.defaclacl) a
                  WHERE d.defaclrole = {owner}
                    AND {namespace} AND d.defaclobjtype = code
                    AND a.grantee = (SELECT oid FROM r) AND a.privilege_type = priv)"
            ),
            "priv",
            &owner,
        );
        format!(
            "
  UNION ALL
  SELECT 7, {label}, {object},
         {ok}
    FROM {from}(VALUES {}) AS v (kind, code, priv)",
            values.join(",\n                 ")
        )
    }
}
