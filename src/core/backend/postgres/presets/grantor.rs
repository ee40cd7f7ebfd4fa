//! Who may grant a schema's privileges. A GRANT (or REVOKE) by a role that is not the
//! schema's owner, a superuser or a holder of the grant option is a WARNING that does
//! nothing: PostgreSQL 14's `public` belongs to the bootstrap superuser, not to the
//! database owner who runs a preset's script. Setup and uninstall make those statements
//! only where the running role may.

use crate::core::privileges::list;

use super::setup::Plan;

impl Plan {
    /// `grant` (a statement granting the schema privileges on `schema`, an SQL text
    /// expression) made only where the running role may grant them: the schema's owner,
    /// a superuser, a holder of the grant option. Anyone else's GRANT is a WARNING that
    /// grants nothing (PostgreSQL 14's `public` belongs to the bootstrap superuser, not
    /// to the database owner who runs the script): there the script goes on when
    /// `grantee` has them already (through PUBLIC, as on 14's `public`), and stops with
    /// an error saying who may grant them when it has not.
    pub(super) fn guarded_schema_grant(
        &self,
        schema: &str,
        grantee: &str,
        grant: &str,
        indent: &str,
    ) -> String {
        let all = |who: &str, option: &str| self.holds_schema_privs(who, schema, option, indent);
        format!(
            "{indent}IF {} THEN
{indent}  {grant}
{indent}ELSIF NOT ({}) THEN
{indent}  RAISE EXCEPTION 'Only the owner of schema % or a superuser may grant {} on it', {schema}
{indent}    USING HINT = 'Run this script as one of them.';
{indent}END IF;
",
            all("", " WITH GRANT OPTION"),
            all(&format!("{grantee}, "), ""),
            list(&self.privs.schema, |x| x.as_str()),
        )
    }

    /// Whether `who` (empty: the role running the script; else `"<expr>, "`) holds every
    /// schema privilege of the plan on `schema` (an SQL text expression), `option` being
    /// `" WITH GRANT OPTION"` or empty: `has_schema_privilege` calls joined by AND, one per
    /// line under `indent`.
    pub(super) fn holds_schema_privs(
        &self,
        who: &str,
        schema: &str,
        option: &str,
        indent: &str,
    ) -> String {
        self.privs
            .schema
            .iter()
            .map(|p| {
                format!(
                    "has_schema_privilege({who}{schema}, '{}{option}')",
                    p.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join(&format!("\n{indent}   AND "))
    }
}
