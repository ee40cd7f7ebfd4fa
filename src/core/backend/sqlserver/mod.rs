//! Microsoft SQL Server (and Azure SQL): a server login plus a database user for it,
//! identifiers in `[…]` with `]` doubled, Unicode strings `N'…'`, permissions on whole
//! schemas (`ON SCHEMA::[dbo]`), which also cover tables created later.

mod inspect;
pub mod spec;

pub use spec::{FIELDS, SPEC};

use super::checks::{comments, host, list, name, password, placeholder_trap, port};
pub mod guard;
use crate::core::client::{Client, ConnInfo};
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::sqlserver::{ConnValue, Ident, NStr};

/// `sysname` holds 128 characters.
pub const MAX_NAME: usize = 128;

/// The permissions for `access`: on each schema, and on the database.
fn permissions(preset: Preset) -> (&'static [&'static str], &'static [&'static str]) {
    match preset {
        Preset::ReadWrite => (
            &[
                "SELECT",
                "INSERT",
                "UPDATE",
                "DELETE",
                "ALTER",
                "VIEW DEFINITION",
            ],
            &["CREATE TABLE", "CREATE VIEW"],
        ),
        // Not offered for SQL Server: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom => {
            (&["SELECT", "VIEW DEFINITION"], &[])
        }
    }
}

fn sysname(raw: &str, what: &str) -> Result<String, String> {
    name(raw, what, MAX_NAME, false, "SQL Server")
}

pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let host = e.take(Field::Host, host(i.get(Field::Host)));
    let port = e.take(Field::Port, port(i.get(Field::Port), "1433"));
    let user = e.take(
        Field::Role,
        sysname(i.get(Field::Role), "login name").and_then(|u| {
            guard::own_login(&u)?;
            if u.contains('\\') {
                Err(
                    "A \\ makes this a Windows login, which has no password: use a SQL login name"
                        .into(),
                )
            } else {
                Ok(u)
            }
        }),
    );
    let db = e.take(Field::Database, sysname(i.get(Field::Database), "database"));
    let schemas = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "dbo", "schema", |s| {
            sysname(s, "schema").map(|s| Ident::new(&s))
        }),
    );
    let pw = e.take(Field::Password, password(i.get(Field::Password)));
    let (host, port, user, db, schemas, pw) = (host?, port?, user?, db?, schemas?, pw?);
    let (u, dbi) = (Ident::new(&user), Ident::new(&db));
    let pw_sql = pw.as_deref().map(|p| NStr::new(p).to_string());
    let pw_sql = pw_sql.as_deref().unwrap_or(PASSWORD_PLACEHOLDER);
    let (on_schema, on_db) = permissions(i.preset);

    let mut traps = vec![
        "Azure SQL Database has no USE: run the part before the first GO connected to master and the rest connected to the database (or make a contained user there: CREATE USER … WITH PASSWORD).".to_string(),
        "CHECK_POLICY = ON applies the Windows password policy: a short password makes CREATE LOGIN fail.".to_string(),
    ];
    if i.preset == Preset::ReadWrite {
        traps.push("ALTER on a schema (needed to create tables in it) also lets the user alter and drop every table in that schema, not only its own.".to_string());
    }
    placeholder_trap(&pw, &mut traps, "N'…'");
    let mut sql = format!(
        "-- {} user for SQL Server, made by Grantsmith.\n-- Run as a member of sysadmin (or securityadmin, plus db_owner in the database). Safe to re-run.\n",
        if i.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" }
    );
    comments(&mut sql, &traps);
    sql.push_str(&guard::checks(&u, &dbi));
    sql.push_str(&format!(
        "USE [master];\nIF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {l})\n    CREATE LOGIN {u} WITH PASSWORD = {pw_sql}, CHECK_POLICY = ON\nELSE\n    ALTER LOGIN {u} WITH PASSWORD = {pw_sql};\nGO\nUSE {dbi};\nIF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {l})\n    CREATE USER {u} FOR LOGIN {u} WITH DEFAULT_SCHEMA = {s0};\n",
        l = u.literal(),
        s0 = schemas[0],
    ));
    sql.push_str(&guard::mark(&u));
    sql.push_str("-- Schema permissions also cover tables and views created there later.\n");
    if i.preset != Preset::ReadWrite {
        sql.push_str("-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\n");
        for s in &schemas {
            sql.push_str(&format!(
                "REVOKE INSERT, UPDATE, DELETE, ALTER ON SCHEMA::{s} FROM {u};\n"
            ));
        }
        sql.push_str(&format!("REVOKE CREATE TABLE, CREATE VIEW FROM {u};\n"));
    }
    for s in &schemas {
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

    let mut rows = Vec::new();
    for s in &schemas {
        for p in on_schema {
            rows.push(format!("({}, {}, 3)", NStr::new(p), s.literal()));
        }
    }
    for p in on_db {
        rows.push(format!("({}, NULL, 0)", NStr::new(p)));
    }
    let verify = format!(
        "-- Verify the user: one row per expected permission, status 'ok' or 'MISSING'. Changes nothing.\nUSE {dbi};\nSELECT e.permission_name, e.schema_name,\n       CASE WHEN EXISTS (\n         SELECT 1 FROM sys.database_permissions AS p\n         JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id\n         WHERE u.name = {l} AND p.state IN ('G', 'W') AND p.class = e.class\n           AND p.permission_name = e.permission_name\n           AND (e.class = 0 OR SCHEMA_NAME(p.major_id) = e.schema_name)\n       ) THEN 'ok' ELSE 'MISSING' END AS status\nFROM (VALUES\n  {}\n) AS e(permission_name, schema_name, class);\n",
        rows.join(",\n  "),
        l = u.literal(),
    );
    let uninstall = format!(
        "-- Uninstall: drops the database user (and its permissions), then the login.\n{}USE {dbi};\nIF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {l})\n    DROP USER {u};\nGO\nUSE [master];\nIF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {l})\n    DROP LOGIN {u};\nGO\n{}",
        guard::checks(&u, &dbi),
        guard::END,
        l = u.literal(),
    );
    let info = ConnInfo {
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
        database: db.to_string(),
        user: user.to_string(),
        password: pw,
        tls: i.tls,
    };
    let inspect = inspect::inspect_sql(&u.literal().to_string(), &dbi.to_string());
    Scripts::with_clients([sql, verify, uninstall, inspect], info, Client::AdoNet)
}
