//! SQL Server's setup script: the traps it warns of, the checks that stop it on a
//! login it did not make, then the login, its database user, their mark and the
//! schema permissions.

use super::checks::Checked;
use super::{guard, permissions};
use crate::core::backend::checks::{comments, placeholder_trap};
use crate::core::intent::Preset;

/// The comment lines at the top of the setup: what could surprise whoever runs it.
pub(super) fn traps(c: &Checked) -> Vec<String> {
    let mut traps = vec![
        "Azure SQL Database has no USE: run the part before the first GO connected to master and the rest connected to the database (or make a contained user there: CREATE USER … WITH PASSWORD).".to_string(),
        "CHECK_POLICY = ON applies the Windows password policy: a short password makes CREATE LOGIN fail.".to_string(),
    ];
    if c.preset == Preset::ReadWrite {
        traps.push("ALTER on a schema (needed to create tables in it) also lets the user alter and drop every table in that schema, not only its own.".to_string());
    }
    placeholder_trap(&c.pw, &mut traps, "N'…'");
    traps
}

/// The setup script: safe to re-run, it sets the password, takes back what the
/// read/write script grants when read-only, and grants the preset's permissions.
pub(super) fn setup(c: &Checked) -> String {
    let u = &c.user_ident;
    let (on_schema, on_db) = permissions(c.preset);
    let mut sql = format!(
        "-- {} user for SQL Server, made by Grantsmith.\n-- Run as a member of sysadmin (or securityadmin, plus db_owner in the database). Safe to re-run.\n",
        if c.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" }
    );
    comments(&mut sql, &traps(c));
    sql.push_str(&guard::checks(u, &c.db_ident));
    sql.push_str(&login_and_user(c));
    sql.push_str("-- Schema permissions also cover tables and views created there later.\n");
    if c.preset != Preset::ReadWrite {
        sql.push_str("-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\n");
        for s in &c.schemas {
            sql.push_str(&format!(
                "REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::{s} FROM {u};\n"
            ));
        }
        sql.push_str(&format!("REVOKE CREATE TABLE, CREATE VIEW FROM {u};\n"));
    }
    for s in &c.schemas {
        sql.push_str(&format!(
            "GRANT {} ON SCHEMA::{s} TO {u};\n",
            on_schema.join(", ")
        ));
    }
    if !on_db.is_empty() {
        sql.push_str(&format!("GRANT {} TO {u};\n", on_db.join(", ")));
    }
    sql.push_str("GO\n");
    sql.push_str(guard::END);
    sql
}

/// What every preset's setup makes after its checks (`guard::checks`): the login with
/// its password, its database user (in the user's database, where the script goes on)
/// and the user's mark.
pub(super) fn login_and_user(c: &Checked) -> String {
    let (u, dbi, pw_sql) = (&c.user_ident, &c.db_ident, &c.pw_sql);
    let mut sql = String::new();
    sql.push_str(&format!(
        "USE [master];\nIF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {l})\n    CREATE LOGIN {u} WITH PASSWORD = {pw_sql}, CHECK_POLICY = ON\nELSE\n    ALTER LOGIN {u} WITH PASSWORD = {pw_sql};\nGO\nUSE {dbi};\nIF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {l})\n    CREATE USER {u} FOR LOGIN {u} WITH DEFAULT_SCHEMA = {s0};\n",
        l = u.literal(),
        s0 = c.schemas[0],
    ));
    sql.push_str(&guard::mark(u));
    sql
}
