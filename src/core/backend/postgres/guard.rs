//! What every PostgreSQL setup and uninstall script checks before it changes anything,
//! and the one transaction setup runs in. A careful DBA found that the scripts would take
//! over a role that already existed (a new password for the owner role, and uninstall
//! then dropping everything it owned), grant in whatever database psql happened to be
//! connected to, and leave a half-made login role behind when a later statement failed.
//! So a setup script:
//! - says at its top where and as whom to run it;
//! - runs as one transaction (`BEGIN` … `COMMIT`): after an error PostgreSQL ignores
//!   every later statement, and `COMMIT` rolls back, so nothing is left half-made;
//! - stops when it runs in another database than the one it names;
//! - stops when the role exists but was not made by a Grantsmith setup script (the
//!   [`MARK`] in the role's comment, which setup writes), so an administrator or an
//!   application's role is never taken over; a re-run finds its own mark and goes on;
//! - where it writes default privileges for the form's table owners: stops when an owner
//!   role exists that the runner may not change default privileges for (see
//!   [`owner_checks`]), instead of PostgreSQL's bare "permission denied to change default
//!   privileges" midway. A hosted provider's administrator (RDS, Azure, Cloud SQL,
//!   Supabase, Neon: none a superuser) meets it for an owner it made on 16+ (see there).
//!
//! Uninstall makes the same checks (the owners' for the default privileges it revokes)
//! before it revokes or drops anything.

use crate::core::quote::pg::{dollar_quote, literal_array, Ident, Literal, QuotedComment};

/// How a role's comment starts when a Grantsmith setup script made it (`COMMENT ON
/// ROLE`, kept in the cluster-wide `pg_shdescription`, readable by every role).
pub const MARK: &str = "Grantsmith:";

/// The PL/pgSQL lines (indented for a DO body) that stop a script in another database
/// than `database`, or on a role named `role` (a text expression) that exists without
/// the mark.
fn checks(database: &Ident, role: &str, action: &str) -> String {
    let db = database.literal();
    format!(
        "  IF current_database() <> {db} THEN
    RAISE EXCEPTION 'This script is for database %, but it is running in database %', {db}, current_database()
      USING HINT = 'Connect to that database (in psql: \\c followed by its name), then run the script again.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {role}
              AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE '{MARK}%') THEN
    RAISE EXCEPTION 'Role % already exists and was not made by a Grantsmith setup script: {action}', {role}
      USING HINT = format('Pick another user name. If %s is this integration''s own user, made by an earlier script, mark it first: COMMENT ON ROLE %s IS %L;', quote_ident({role}), quote_ident({role}), '{MARK} adopted');
  END IF;
"
    )
}

/// The PL/pgSQL lines (for a DO body declaring `owner_role text`) that stop a setup,
/// before it changes anything, when one of `owners` exists and the running role may not
/// change its default privileges. Owners that do not exist pass: the original applet
/// skips them with a NOTICE later, as its spec says.
///
/// What `ALTER DEFAULT PRIVILEGES FOR ROLE o` needs, measured on PostgreSQL 14.23,
/// 15.18, 16.14, 17.10 and 18.4 (superuser aside): on 14 and 15 any membership in `o`
/// (NOINHERIT runners and ADMIN OPTION grants included), which is
/// `pg_has_role(o, 'MEMBER')`; from 16 the privileges of `o`: a grant with INHERIT TRUE
/// (SET FALSE is enough), which is `pg_has_role(o, 'USAGE')`. A plain grant to a
/// NOINHERIT role, a grant WITH INHERIT FALSE and an ADMIN-only grant are refused, so is
/// a CREATEROLE role for a role it made itself (16 gives it ADMIN OPTION only, INHERIT
/// and SET FALSE unless `createrole_self_grant` says otherwise); it may then
/// `GRANT o TO itself WITH INHERIT TRUE`, which works. The manual says "you can change
/// default privileges only on objects created by yourself or by roles that you are a
/// member of" (<https://www.postgresql.org/docs/current/sql-alterdefaultprivileges.html>);
/// "member" there means, from 16, inheriting the role's privileges (the INHERIT option,
/// <https://www.postgresql.org/docs/current/sql-grant.html>).
/// The variables [`owner_checks`] uses, for a DECLARE section: whether the server is 16
/// or later, and the loop's owner.
const OWNER_VARS: &str =
    "  v16 boolean := current_setting('server_version_num')::int >= 160000;\n  owner_role text;";

fn owner_checks(owners: &[Ident]) -> String {
    format!(
        "  FOR owner_role IN
    SELECT rolname FROM pg_roles WHERE rolname = ANY ({})
       AND NOT pg_has_role(oid, CASE WHEN v16 THEN 'USAGE' ELSE 'MEMBER' END) ORDER BY 1
  LOOP
    RAISE EXCEPTION 'Role % may not set default privileges for table owner %: nothing was changed', current_user, owner_role
      USING HINT = format('Grant it the owner role, then run the script again: GRANT %1$I TO %2$I%3$s; or run it as %1$I.', owner_role, current_user, CASE WHEN v16 THEN ' WITH INHERIT TRUE' ELSE '' END);
  END LOOP;
",
        literal_array(owners)
    )
}

/// A setup script: `body` (its statements, blank-line separated) between the header,
/// `BEGIN` and the checks, and the role's mark and `COMMIT`. `what` names the user in
/// the mark ("read-only connector user"); `public`: schema `public` may be in scope,
/// and the header says what PostgreSQL 14 lets PUBLIC do there. `after`: statements
/// that run after the mark, beyond the original's (the TRIGGER take-back), or empty.
/// `owners`: the roles the body writes default privileges for (`FOR ROLE`), checked
/// first by [`owner_checks`]; empty when it writes none for other roles.
pub fn setup_transaction(
    database: &Ident,
    role: &Ident,
    what: &str,
    public: bool,
    body: &str,
    after: &str,
    owners: &[Ident],
) -> String {
    let mut checks = checks(database, &role.literal().to_string(), "it is left as it is");
    let declare = if owners.is_empty() {
        String::new()
    } else {
        checks.push_str(&owner_checks(owners));
        format!("\nDECLARE\n{OWNER_VARS}")
    };
    let checks = format!("{declare}\nBEGIN\n{checks}END\n");
    let mark = Literal::generated(&format!("{MARK} {what}, made by its setup script"));
    format!(
        "-- Run in database {}, as the table owner or an administrator that may create roles.
-- One transaction: if any statement fails, nothing is changed.{}
BEGIN;

DO {} LANGUAGE plpgsql;

{body}

-- The mark that lets this script run again, and uninstall drop only a role it made.
COMMENT ON ROLE {role} IS {mark};
{after}
COMMIT;",
        QuotedComment(database),
        if public { PUBLIC_NOTE } else { "" },
        dollar_quote(&checks),
        after = if after.is_empty() {
            String::new()
        } else {
            format!("\n{after}\n")
        },
    )
}

/// Said, never run, where schema `public` is in scope: before PostgreSQL 15 PUBLIC may
/// create in it, so even a "read-only" user can make tables there, and functions that
/// shadow built-ins for whoever has `public` first on the search path. Revoking it is
/// the DBA's call (an application may rely on it), so the script only says how.
const PUBLIC_NOTE: &str = "
-- PostgreSQL 14 and older let every role, this user too, create objects in schema public.
-- To stop that, once no application relies on it: REVOKE CREATE ON SCHEMA public FROM PUBLIC;";

/// Verify's first rows (of its `checks (ord, item, object, ok)` union; the role's oid in
/// CTE `r`): run in the database the script names, the role carries the mark of its
/// setup, it exists and can log in, and it holds each of `db_privs` (an SQL array) on
/// the database. The caller goes on with `UNION ALL`.
pub(crate) fn verify_rows(database: &Ident, role: &Ident, db_privs: &str) -> String {
    let (db, role) = (database.literal(), role.literal());
    format!(
        "  SELECT 0, 'run in the database it is for', {db}::text, current_database() = {db}
  UNION ALL
  SELECT 0, 'role made by its setup script', {role}::text,
         EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {role}
                  AND coalesce(shobj_description(oid, 'pg_authid'), '') LIKE '{MARK}%')
  UNION ALL
  SELECT 1, 'role exists and can log in', {role}::text,
         EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {role} AND rolcanlogin)
  UNION ALL
  SELECT 2, 'database ' || priv, {db}::text,
         coalesce(has_database_privilege((SELECT oid FROM r), {db}, priv), false)
    FROM unnest({db_privs}) priv"
    )
}

/// The uninstall's checks, for the top of its DO body (before the missing-role NOTICE;
/// `target_role` declared): the database it names, the mark, and, while the role exists,
/// [`owner_checks`] for `owners`, the roles it revokes default privileges for
/// (`ALTER DEFAULT PRIVILEGES FOR ROLE`, which needs what setup's needed; a runner that
/// is no longer a member would stop midway with PostgreSQL's bare error). A role already
/// gone passes: the uninstall then changes nothing, so it may run twice. The uninstall
/// is one DO statement, so PostgreSQL rolls it back whole on any error; this check is
/// for the message and its hint, and so that nothing is attempted.
pub(crate) fn uninstall_checks(database: &Ident, owners: &[Ident]) -> String {
    let mut out = checks(database, "target_role", "uninstall leaves it as it is");
    if !owners.is_empty() {
        let pad = |text: &str| -> String {
            text.lines()
                .map(|l| format!("    {l}\n"))
                .collect::<String>()
        };
        out.push_str(&format!(
            "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target_role) THEN\n    DECLARE\n{}    BEGIN\n{}    END;\n  END IF;\n",
            pad(OWNER_VARS),
            pad(&owner_checks(owners))
        ));
    }
    out
}

/// Roles that administer a PostgreSQL server or a hosted provider's database: the
/// bootstrap superuser and each provider's administrator or platform role, as the
/// providers document them (see `provider.rs`).
const ADMINISTRATORS: &[&str] = &[
    "postgres",
    "supabase_admin",
    "neondb_owner",
    "neon_superuser",
    "cloud_admin",
    "rdsadmin",
    "rds_superuser",
    "cloudsqlsuperuser",
    "cloudsqladmin",
    "azure_pg_admin",
    "azuresu",
    "avnadmin",
    "doadmin",
    "tsdbadmin",
];

/// The page's refusal of a user name it can tell is not the integration's own: a listed
/// table owner or a known administrator. (The script itself refuses any other role that
/// exists without the [`MARK`].)
pub fn own_user(role: &Ident, owners: &[Ident]) -> Result<(), String> {
    let name = role.raw();
    if owners.iter().any(|o| o.raw() == name) {
        return Err(format!(
            "\"{}\" is also listed as a table owner: the integration needs a user of its own",
            role.comment()
        ));
    }
    if ADMINISTRATORS.contains(&name) {
        return Err(format!(
            "\"{name}\" is an administrator's role: the integration needs a user of its own"
        ));
    }
    Ok(())
}

/// The statements of a setup script written by [`setup_transaction`], without its
/// header, checks, mark and `COMMIT`: for the original preset, the original applet's own
/// script (the parity oracle and the goldens compare it). `None` for any other text.
pub fn statements(script: &str) -> Option<&str> {
    const CHECKS_END: &str = " LANGUAGE plpgsql;\n\n";
    let start = script.find(CHECKS_END)? + CHECKS_END.len();
    let end = script.rfind("\n\n-- The mark that lets this script run again")?;
    script
        .starts_with("-- Run in database ")
        .then(|| &script[start..end])
}
