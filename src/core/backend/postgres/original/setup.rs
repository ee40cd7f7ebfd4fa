//! The connection builder's setup script: the original applet's `buildSql`, statement for
//! statement. Every name arrives as an [`Ident`]; every DO body is dollar-quoted with a
//! tag that does not occur in it.

use std::fmt::Write;

use crate::core::backend::postgres::form::Password;
use crate::core::quote::pg::{dollar_quote, literal_array, Ident, Literal};

use super::policy::{policy_name_for, PREFIX};
use crate::core::quote::pg::Comment;

/// Which schemas the grants reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaScope {
    /// Every schema the first owner role can use (catalogs, `auth` and TOAST skipped).
    All,
    /// Exactly these schemas.
    Listed(Vec<Ident>),
}

/// A validated setup request: everything the script needs, already typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// The integration's login role.
    pub role: Ident,
    /// The database it connects to.
    pub database: Ident,
    /// Where the grants go.
    pub scope: SchemaScope,
    /// Roles that create tables; the first one filters the schema sweep. Never empty.
    pub owners: Vec<Ident>,
    /// Add permissive SELECT policies on RLS-enabled tables.
    pub rls: bool,
    /// What goes after `PASSWORD`.
    pub password: Password,
    /// The hosted provider the host belongs to: its platform schemas are left out.
    pub platform: Option<crate::core::provider::Provider>,
    /// The product the builder speaks for (the original's "Dreamlit" when `None`).
    pub brand: Option<crate::core::brand::Brand>,
}

const DO_END: &str = " LANGUAGE plpgsql;";
/// Schemas the original's sweep never touches.
const NOT_SYSTEM: &str = "nspname NOT IN ('pg_catalog', 'information_schema', 'auth')
      AND nspname NOT LIKE 'pg_toast%'";
/// What the original grants on each schema in scope (the new-schema applet too).
pub(crate) const OBJECT_GRANTS: [(&str, &str); 4] = [
    ("USAGE", "SCHEMA"),
    ("SELECT, TRIGGER", "ALL TABLES IN SCHEMA"),
    ("USAGE, SELECT", "ALL SEQUENCES IN SCHEMA"),
    ("EXECUTE", "ALL FUNCTIONS IN SCHEMA"),
];

/// `DO <body> LANGUAGE plpgsql;` after `out`.
pub(super) fn do_block(out: &mut String, body: &str) {
    out.push_str("DO ");
    out.push_str(&dollar_quote(body));
    out.push_str(DO_END);
}

/// `target_role`, `parent_role` and `parent_role_oid` declarations shared by the sweep
/// and the RLS block.
pub(super) fn parent_decls(b: &mut String, role: &Literal, parent: &Literal) {
    let _ = write!(
        b,
        "
DECLARE
  target_role text := {role};
  parent_role text := NULLIF({parent}, '');
  parent_role_oid oid := CASE
    WHEN parent_role IS NULL THEN NULL
    ELSE (SELECT oid FROM pg_roles WHERE rolname = parent_role)
  END;
"
    );
}

impl Setup {
    /// The first owner role: it filters the all-schemas sweep and the RLS block.
    pub fn parent(&self) -> &Ident {
        &self.owners[0]
    }

    /// The whole script, statements separated by blank lines, as the original joins them.
    pub fn render(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let role = &self.role;
        let role_lit = role.literal();
        // Once: a SCRAM verifier costs 4096 PBKDF2 rounds, and the script names it twice.
        let pw = self.password.to_string();

        // The original's words, whatever the role; a product's builder says its own.
        let mut s = match &self.brand {
            None => String::from("-- Create the dreamlit_app user\n"),
            Some(b) => format!("-- Create the {} user\n", Comment::new(b.name())),
        };
        let body = format!(
            "
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {role_lit}) THEN
    CREATE ROLE {role} WITH LOGIN PASSWORD {pw} INHERIT;
  ELSE
    ALTER ROLE {role} WITH LOGIN PASSWORD {pw} INHERIT;
  END IF;
END
"
        );
        do_block(&mut s, &body);
        parts.push(s);

        let mut db = format!(
            "-- Grant database-level privileges
GRANT CONNECT, CREATE, TEMP ON DATABASE {} TO {role};",
            self.database
        );
        // The original's line; nothing in the script uses pgcrypto. A provider's
        // administrator would own neither it nor its functions (so the EXECUTE sweep
        // would warn), and Azure refuses extensions not allow-listed.
        if !self.hosted() {
            db.push_str("\nCREATE EXTENSION IF NOT EXISTS pgcrypto;");
        }
        parts.push(db);

        if self.hosted() {
            parts.push(self.hosted_sweep());
        } else if let SchemaScope::Listed(schemas) = &self.scope {
            for schema in schemas {
                let mut s = format!("-- Grants for schema {}", schema.comment());
                for (privs, on) in OBJECT_GRANTS {
                    let _ = write!(s, "\nGRANT {privs} ON {on} {schema} TO {role};");
                }
                parts.push(s);
            }
        }

        if !self.hosted() {
            parts.push(self.sweep());
        }
        parts.extend(self.default_privilege_blocks(&role_lit));
        if self.rls {
            parts.push(self.rls_block());
        }
        let what = match &self.brand {
            None => "Dreamlit user".to_string(),
            Some(b) => format!("{} user", b.name()),
        };
        let public = match &self.scope {
            SchemaScope::All => true,
            SchemaScope::Listed(list) => list.iter().any(|s| s.raw() == "public"),
        };
        crate::core::backend::postgres::guard::setup_transaction(
            &self.database,
            &self.role,
            &what,
            public,
            parts.join("\n\n").trim(),
            &format!(
                "{}\n\n{}",
                self.take_back(),
                crate::core::backend::postgres::trigger::withhold(&role_lit)
            ),
            &self.owners,
        )
    }

    fn sweep(&self) -> String {
        let (comment, filter) = match &self.scope {
            SchemaScope::All => (
                "Grant permissions on existing schemas",
                format!(
                    "WHERE {NOT_SYSTEM}{}",
                    self.platform_filter("nspname", "      ")
                ),
            ),
            SchemaScope::Listed(list) => (
                "Grant permissions on selected schemas",
                format!(
                    "WHERE nspname = ANY ({})\n      AND {NOT_SYSTEM}{}",
                    literal_array(list),
                    self.platform_filter("nspname", "      ")
                ),
            ),
        };
        let parent = self.parent();
        let mut s = format!("-- {comment} (run as {})\n", parent.comment());
        let mut b = String::new();
        parent_decls(&mut b, &self.role.literal(), &parent.literal());
        let _ = write!(
            b,
            "  schema_record record;
BEGIN
  IF parent_role IS NOT NULL AND parent_role_oid IS NULL THEN
    RAISE NOTICE 'Role % not found; continuing grants without parent filter', parent_role;
  END IF;

  FOR schema_record IN
    SELECT nspname
    FROM pg_namespace
    {filter}
  LOOP
    IF parent_role_oid IS NULL OR has_schema_privilege(parent_role_oid, schema_record.nspname, 'USAGE') THEN
"
        );
        for (privs, on) in OBJECT_GRANTS {
            let _ = writeln!(
                b,
                "      EXECUTE format('GRANT {privs} ON {on} %I TO %I', schema_record.nspname, target_role);"
            );
        }
        b.push_str("    END IF;\n  END LOOP;\nEND\n");
        do_block(&mut s, &b);
        s
    }

    /// `AND …` lines keeping the provider's platform schemas out (none without one).
    pub(super) fn platform_filter(&self, column: &str, indent: &str) -> String {
        crate::core::provider::Provider::filter(self.platform, column, indent)
    }

    /// The policy names' prefix: the product's (`dreamlit` in the original).
    pub fn policy_prefix(&self) -> &str {
        self.brand.as_ref().map_or(PREFIX, |b| b.policy_prefix())
    }

    /// The name of the SELECT policy the RLS block creates for this role.
    pub fn policy_name(&self) -> String {
        policy_name_for(self.policy_prefix(), self.role.raw())
    }
}
