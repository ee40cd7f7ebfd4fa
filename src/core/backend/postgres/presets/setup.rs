//! A preset's grant plan and its setup script (verify and uninstall are in
//! `scripts.rs`).

use std::fmt::Write;

use crate::core::backend::postgres::form::Password;
use crate::core::privileges::{list, Privileges};
use crate::core::quote::pg::{dollar_quote, literal_array, Ident, Literal};

/// Which schemas a plan covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schemas {
    /// Exactly these.
    Listed(Vec<Ident>),
    /// Every non-system schema whose name matches `include` and not `exclude`
    /// (PostgreSQL regular expressions, applied by the server when the script runs).
    Matching {
        /// `~` filter; `None` matches all.
        include: Option<Literal>,
        /// `!~` filter; `None` excludes nothing.
        exclude: Option<Literal>,
    },
}

/// A validated plan: who, where, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Short description for the script headers ("read-only metadata sync").
    pub title: &'static str,
    /// The login role created.
    pub role: Ident,
    /// The database it connects to.
    pub database: Ident,
    /// What follows `PASSWORD`.
    pub password: Password,
    /// The day the password stops working (`VALID UNTIL`, at 00:00 UTC); `None`:
    /// never (a re-run takes an earlier expiry away).
    pub valid_until: Option<String>,
    /// Schemas in scope.
    pub schemas: Schemas,
    /// What is granted.
    pub privs: Privileges,
    /// Roles whose future objects get default privileges; empty means the role that
    /// runs the script.
    pub owners: Vec<Ident>,
    /// The hosted provider the host belongs to: its platform schemas are left out.
    pub platform: Option<crate::core::provider::Provider>,
}

/// `"a", "b"`: quoted names for a statement that takes a list.
fn join(names: &[Ident]) -> String {
    names
        .iter()
        .map(Ident::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Plan {
    pub(crate) fn owner_slots(&self) -> Vec<Option<&Ident>> {
        if self.owners.is_empty() {
            vec![None]
        } else {
            self.owners.iter().map(Some).collect()
        }
    }

    /// `(privileges, object class)` for ON ALL … IN SCHEMA grants, skipping empty ones.
    pub(crate) fn object_grants(&self) -> Vec<(String, &'static str, &'static str)> {
        let p = &self.privs;
        let mut v = Vec::new();
        if !p.tables.is_empty() {
            v.push((list(&p.tables, |x| x.as_str()), "TABLES", "r"));
        }
        if !p.sequences.is_empty() {
            v.push((list(&p.sequences, |x| x.as_str()), "SEQUENCES", "S"));
        }
        if p.functions {
            v.push(("EXECUTE".to_string(), "FUNCTIONS", "f"));
        }
        v
    }

    /// The setup script: the statements, in one transaction behind the checks of
    /// [`crate::core::backend::postgres::guard`].
    pub fn render(&self) -> String {
        let public = match &self.schemas {
            Schemas::Listed(list) => list.iter().any(|s| s.raw() == "public"),
            Schemas::Matching { .. } => true,
        };
        crate::core::backend::postgres::guard::setup_transaction(
            &self.database,
            &self.role,
            self.title,
            public,
            &self.statements(),
            &if self
                .privs
                .tables
                .contains(&crate::core::privileges::TablePriv::Trigger)
            {
                crate::core::backend::postgres::trigger::withhold(&self.role.literal())
            } else {
                String::new()
            },
            if self.privs.future { &self.owners } else { &[] },
        )
    }

    /// The setup's statements.
    fn statements(&self) -> String {
        let role = &self.role;
        let role_lit = role.literal();
        // Once: a SCRAM verifier costs 4096 PBKDF2 rounds, and the script names it twice.
        let pw = self.password.to_string();
        let until = crate::core::backend::checks::valid_until_sql(self.valid_until.as_deref());
        let mut out = format!(
            "-- Create the login role for the {} (safe to run again)\n",
            self.title
        );
        // The presets' login role carries the password's expiry after the password.
        let body = crate::core::backend::postgres::form::login_role(
            role,
            &format!("{pw} VALID UNTIL {until}"),
        );
        let _ = write!(out, "DO {} LANGUAGE plpgsql;", dollar_quote(&body));
        out.push_str("\n\n");
        out.push_str(&self.take_back());
        if !self.privs.database.is_empty() {
            let _ = write!(
                out,
                "\n\n-- Database\nGRANT {} ON DATABASE {} TO {role};",
                list(&self.privs.database, |x| x.as_str()),
                self.database
            );
        }
        if self.platform.is_some() {
            out.push_str(&self.hosted_grants());
            return out;
        }
        let schema_privs = list(&self.privs.schema, |x| x.as_str());
        match &self.schemas {
            Schemas::Listed(list) => {
                if !schema_privs.is_empty() {
                    let grant = format!(
                        "EXECUTE format('GRANT {schema_privs} ON SCHEMA %I TO %I', s, target_role);"
                    );
                    let body = format!(
                        "
DECLARE
  target_role text := {role_lit};
  s text;
BEGIN
  FOREACH s IN ARRAY {} LOOP
{}  END LOOP;
END
",
                        literal_array(list),
                        self.guarded_schema_grant("s", "target_role", &grant, "    ")
                    );
                    let _ = write!(
                        out,
                        "\n\n-- Schemas: {schema_privs} on each, granted by a role that may grant it\nDO {} LANGUAGE plpgsql;",
                        dollar_quote(&body)
                    );
                }
                for s in list {
                    let _ = write!(out, "\n\n-- Schema {}", s.comment());
                    for (privs, class, _) in self.object_grants() {
                        let _ = write!(
                            out,
                            "\nGRANT {privs} ON ALL {class} IN SCHEMA {s} TO {role};"
                        );
                    }
                }
                out.push_str(&self.listed_defaults(list));
            }
            Schemas::Matching { .. } => {
                let mut b = format!(
                    "
DECLARE
  target_role text := {role_lit};
  s record;
BEGIN
  FOR s IN
    SELECT nspname FROM pg_namespace n
     WHERE {}
       AND has_schema_privilege(n.oid, 'USAGE')
     ORDER BY nspname
  LOOP
",
                    self.scope_filter()
                );
                if !schema_privs.is_empty() {
                    let grant = format!(
                        "EXECUTE format('GRANT {schema_privs} ON SCHEMA %I TO %I', s.nspname, target_role);"
                    );
                    b.push_str(&self.guarded_schema_grant(
                        "s.nspname",
                        "target_role",
                        &grant,
                        "    ",
                    ));
                }
                for (privs, class, _) in self.object_grants() {
                    let _ = writeln!(
                        b,
                        "    EXECUTE format('GRANT {privs} ON ALL {class} IN SCHEMA %I TO %I', s.nspname, target_role);"
                    );
                }
                b.push_str(&self.loop_defaults());
                b.push_str("  END LOOP;\n");
                b.push_str(NONE_MATCHED);
                b.push_str("END\n");
                let _ = write!(
                    out,
                    "\n\n-- Every schema matching the filters, as PostgreSQL sees them when this runs\nDO {} LANGUAGE plpgsql;",
                    dollar_quote(&b)
                );
            }
        }
        out
    }

    /// Default privileges for listed schemas: one statement per object kind naming
    /// every owner and every schema, so the script grows with what was typed, not with
    /// owners × schemas.
    pub(super) fn listed_defaults(&self, list: &[Ident]) -> String {
        let mut out = String::new();
        if !self.privs.future {
            return out;
        }
        let schemas = join(list);
        let for_role = match self.owners.as_slice() {
            [] => String::new(),
            owners => format!("FOR ROLE {} ", join(owners)),
        };
        for (privs, class, _) in self.object_grants() {
            let _ = write!(
                out,
                "\nALTER DEFAULT PRIVILEGES {for_role}IN SCHEMA {schemas}\n  GRANT {privs} ON {class} TO {};",
                self.role
            );
        }
        out
    }

    /// Default privileges in a loop over schemas `s` (empty without future objects).
    pub(super) fn loop_defaults(&self) -> String {
        let mut b = String::new();
        if !self.privs.future {
            return b;
        }
        for owner in self.owner_slots() {
            for (privs, class, _) in self.object_grants() {
                let (for_role, owner_arg) = match owner {
                    Some(o) => ("FOR ROLE %I ", format!("{}, ", o.literal())),
                    None => ("", String::new()),
                };
                let _ = writeln!(
                    b,
                    "    EXECUTE format('ALTER DEFAULT PRIVILEGES {for_role}IN SCHEMA %I GRANT {privs} ON {class} TO %I', {owner_arg}s.nspname, target_role);"
                );
            }
        }
        b
    }

    /// The schemas in scope as a `WHERE` over `pg_namespace n`.
    pub(crate) fn scope_filter(&self) -> String {
        let system = format!(
            "left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'{}",
            crate::core::provider::Provider::filter(self.platform, "n.nspname", "       ")
        );
        match &self.schemas {
            Schemas::Listed(list) => {
                format!(
                    "{system}\n       AND n.nspname = ANY ({})",
                    literal_array(list)
                )
            }
            Schemas::Matching { include, exclude } => {
                let mut f = system.to_string();
                if let Some(i) = include {
                    let _ = write!(f, "\n       AND n.nspname ~ {i}");
                }
                if let Some(e) = exclude {
                    let _ = write!(f, "\n       AND n.nspname !~ {e}");
                }
                f
            }
        }
    }
}

/// After the loop over the schemas the filters match: none is an error, so the whole
/// setup rolls back (it used to succeed with a user that could see nothing, and verify
/// passed). `FOUND` says whether the loop ran at least once.
pub(super) const NONE_MATCHED: &str = "  IF NOT FOUND THEN
    RAISE EXCEPTION 'No schema this role may use matches the include and exclude filters: nothing was granted'
      USING HINT = 'Check the expressions: in PostgreSQL''s regular expressions \\m and \\M (or \\y) mark word boundaries.';
  END IF;
";
