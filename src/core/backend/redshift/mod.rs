//! Amazon Redshift: PostgreSQL-like syntax with its own limits. No CONNECT privilege
//! (every user can connect to every database of the cluster), no sequences, default
//! privileges only for objects created by the users named in `FOR USER`, identifiers
//! folded to lower case, and password rules checked by the server.

mod inspect;
pub mod spec;

pub use spec::{FIELDS, SPEC};

use super::checks::{comments, host, list, name, password, placeholder_trap, port};
use crate::core::client::{Client, ConnInfo};
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::redshift::{Ident, Str};
use crate::core::text::js_trim;

/// Identifiers hold up to 127 bytes.
pub const MAX_IDENT_BYTES: usize = 127;

fn ident(raw: &str, what: &str) -> Result<Ident, String> {
    let n = name(raw, what, MAX_IDENT_BYTES, true, "Redshift")?;
    Ok(Ident::new(&n))
}

fn user_name(raw: &str, what: &str) -> Result<Ident, String> {
    let id = ident(raw, what)?;
    if id.raw().eq_ignore_ascii_case("public") {
        return Err("\"public\" is a reserved name in Redshift".into());
    }
    Ok(id)
}

/// Redshift's password rules: 8–64 characters, an upper-case letter, a lower-case
/// letter and a digit, printable ASCII without `'` `"` `\` `/` `@` or space.
fn check_password(p: &str) -> Result<(), String> {
    let n = p.chars().count();
    let ok_chars = p
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'\'' | b'"' | b'\\' | b'/' | b'@'));
    if !(8..=64).contains(&n)
        || !ok_chars
        || !p.bytes().any(|b| b.is_ascii_uppercase())
        || !p.bytes().any(|b| b.is_ascii_lowercase())
        || !p.bytes().any(|b| b.is_ascii_digit())
    {
        return Err("Redshift needs 8–64 characters with an upper-case letter, a lower-case letter and a digit, and no ' \" \\ / @ or spaces".into());
    }
    Ok(())
}

/// Privileges on each schema and on its tables.
fn privileges(preset: Preset) -> (&'static str, &'static str) {
    match preset {
        Preset::ReadWrite => ("USAGE, CREATE", "SELECT, INSERT, UPDATE, DELETE"),
        // Not offered for Redshift: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom => {
            ("USAGE", "SELECT")
        }
    }
}

pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let host = e.take(Field::Host, host(i.get(Field::Host)));
    let port = e.take(Field::Port, port(i.get(Field::Port), "5439"));
    let user = e.take(Field::Role, user_name(i.get(Field::Role), "user name"));
    let db = e.take(Field::Database, ident(i.get(Field::Database), "database"));
    let schemas = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "public", "schema", |s| {
            ident(s, "schema")
        }),
    );
    let owners = e.take(
        Field::Owners,
        if js_trim(i.get(Field::Owners)).is_empty() {
            Ok(Vec::new())
        } else {
            list(i.get(Field::Owners), "", "user", |s| user_name(s, "user"))
        },
    );
    let pw = e.take(
        Field::Password,
        password(i.get(Field::Password)).and_then(|p| {
            if let Some(p) = &p {
                check_password(p)?;
            }
            Ok(p)
        }),
    );
    let (host, port, user, db, schemas, owners, pw) =
        (host?, port?, user?, db?, schemas?, owners?, pw?);
    let pw_sql = pw.as_deref().map(|p| Str::new(p).to_string());
    let pw_sql = pw_sql.as_deref().unwrap_or(PASSWORD_PLACEHOLDER);
    let (on_schema, on_tables) = privileges(i.preset);

    let mut traps = vec![
        "Redshift has no CONNECT privilege: every user can connect to every database in the cluster; only the grants below limit what it reads.".to_string(),
        "Default privileges apply only to tables created by the users named in FOR USER (by you when none is named): list every user that creates tables here.".to_string(),
        "Redshift has no CREATE USER IF NOT EXISTS: on a re-run, skip the CREATE USER line (ALTER USER resets the password).".to_string(),
    ];
    let all_names = [&user, &db]
        .into_iter()
        .chain(schemas.iter())
        .chain(owners.iter());
    if all_names
        .clone()
        .any(|n| n.raw().bytes().any(|b| b.is_ascii_uppercase()))
    {
        traps.push("Redshift folds ASCII letters in names to lower case, quoted or not, unless enable_case_sensitive_identifier is on.".to_string());
    }
    placeholder_trap(&pw, &mut traps, "'…'");
    let mut sql = format!(
        "-- {} user for Amazon Redshift, made by Grantsmith.\n-- Run as a superuser (or a user with CREATE USER and the grant options below) connected to {}.\n",
        if i.preset == Preset::ReadWrite { "Read/write" } else { "Read-only" },
        crate::core::quote::pg::Comment::new(db.raw()),
    );
    comments(&mut sql, &traps);
    sql.push_str(&format!(
        "CREATE USER {user} PASSWORD {pw_sql};\nALTER USER {user} PASSWORD {pw_sql};\n"
    ));
    let for_users = if owners.is_empty() {
        String::new()
    } else {
        format!(
            "FOR USER {} ",
            owners
                .iter()
                .map(|o| o.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    for s in &schemas {
        if i.preset != Preset::ReadWrite {
            sql.push_str(&format!(
                "-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\nREVOKE CREATE ON SCHEMA {s} FROM {user};\nREVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} FROM {user};\nALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {s} REVOKE INSERT, UPDATE, DELETE ON TABLES FROM {user};\n"
            ));
        }
        sql.push_str(&format!(
            "GRANT {on_schema} ON SCHEMA {s} TO {user};\nGRANT {on_tables} ON ALL TABLES IN SCHEMA {s} TO {user};\nALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {s} GRANT {on_tables} ON TABLES TO {user};\n"
        ));
    }

    let lit = user.literal();
    let mut rows = Vec::new();
    for s in &schemas {
        for p in on_schema.split(", ") {
            rows.push(format!(
                "SELECT {} AS schema_name, NULL::varchar AS table_name, {} AS privilege,\n       CASE WHEN has_schema_privilege({lit}, {}, {}) THEN 'ok' ELSE 'MISSING' END AS status",
                s.literal(), Str::new(p), s.literal(), Str::new(p)
            ));
        }
        for p in on_tables.split(", ") {
            rows.push(format!(
                "SELECT schemaname::varchar, tablename::varchar, {},\n       CASE WHEN has_table_privilege({lit}, quote_ident(schemaname) || '.' || quote_ident(tablename), {}) THEN 'ok' ELSE 'MISSING' END\nFROM pg_tables WHERE schemaname = {}",
                Str::new(p), Str::new(p), s.literal()
            ));
        }
    }
    let verify = format!(
        "-- Verify the user: one row per expected privilege (schemas, then each existing table),\n-- status 'ok' or 'MISSING'. Changes nothing.\n{};\n",
        rows.join("\nUNION ALL\n")
    );
    let mut uninstall = String::from(
        "-- Uninstall: revokes everything granted by the setup script, then drops the user.\n-- DROP USER fails while the user owns tables: ALTER TABLE … OWNER TO another user first.\n",
    );
    for s in &schemas {
        uninstall.push_str(&format!(
            "ALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {s} REVOKE ALL ON TABLES FROM {user};\nREVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {user};\nREVOKE ALL ON SCHEMA {s} FROM {user};\n"
        ));
    }
    uninstall.push_str(&format!("DROP USER IF EXISTS {user};\n"));
    // Redshift folds the names to lower case: the client sends them that way.
    let info = ConnInfo {
        host: host.clone(),
        port,
        database: db.raw().to_ascii_lowercase(),
        user: user.raw().to_ascii_lowercase(),
        password: pw.clone(),
        tls: i.tls,
    };
    let inspect = inspect::inspect_sql(&lit.to_string());
    Scripts::with_clients([sql, verify, uninstall, inspect], info, Client::Uri)
}
