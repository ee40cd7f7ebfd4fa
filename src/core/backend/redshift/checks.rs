//! Redshift's form checked: each field's rules and messages (its own password rules
//! among them), and the values the scripts and the connection details are written from.

use super::{Ident, Str};
use crate::core::backend::checks::{host, list, name, password, port};
use crate::core::client::ConnInfo;
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::Errors;
use crate::core::text::js_trim;

/// Identifiers hold up to 127 bytes.
pub const MAX_IDENT_BYTES: usize = 127;

/// A database, schema or user name.
fn ident(raw: &str, what: &str) -> Result<Ident, String> {
    let n = name(raw, what, MAX_IDENT_BYTES, true, "Redshift")?;
    Ok(Ident::new(&n))
}

/// A user name: any name but `public`, which Redshift keeps for itself.
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

/// `"a", "b"`: names for a clause that takes a list.
fn joined(names: &[Ident]) -> String {
    names
        .iter()
        .map(Ident::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A Redshift form whose every field is fine: what setup, verify, uninstall, the
/// inspect query and the connection details are written from.
pub(super) struct Checked {
    /// The cluster's host, as typed (trimmed).
    pub(super) host: String,
    /// The cluster's port.
    pub(super) port: u16,
    /// The user.
    pub(super) user: Ident,
    /// The database the scripts run in.
    pub(super) db: Ident,
    /// The schemas, each once, in the order typed (`public` when none).
    pub(super) schemas: Vec<Ident>,
    /// The users that create tables (default privileges name them), maybe none.
    pub(super) owners: Vec<Ident>,
    /// The password as typed, or `None` when the script carries the placeholder.
    pub(super) pw: Option<String>,
    /// The password as a string literal, or the placeholder.
    pub(super) pw_sql: String,
    /// What the user may do.
    pub(super) preset: Preset,
    /// Whether the client must connect over TLS.
    pub(super) tls: bool,
    /// The day the password stops working, if any.
    pub(super) valid_until: Option<String>,
}

/// Checks every field of `i`, each message going to `e` in form order; `None` when any
/// field has one.
pub(super) fn check(i: &Intent, e: &mut Errors) -> Option<Checked> {
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
    let valid_until = e.take(
        Field::ValidUntil,
        crate::core::backend::checks::valid_until(i.get(Field::ValidUntil)).and_then(|d| {
            // Redshift keeps it as abstime, which ends on 2038-01-19
            // (its pg_user.valuntil; PostgreSQL 8.0's date/time ranges).
            match d {
                Some(d) if d.as_str() > "2038-01-18" => Err(
                    "Redshift keeps the expiry as abstime, which ends on 2038-01-19: pick an earlier date".into(),
                ),
                d => Ok(d),
            }
        }),
    );
    let (host, port, user, db, schemas, owners, pw, valid_until) = (
        host?,
        port?,
        user?,
        db?,
        schemas?,
        owners?,
        pw?,
        valid_until?,
    );
    let pw_sql = pw.as_deref().map(|p| Str::new(p).to_string());
    let pw_sql = pw_sql.unwrap_or_else(|| PASSWORD_PLACEHOLDER.to_string());
    Some(Checked {
        host,
        port,
        user,
        db,
        schemas,
        owners,
        pw,
        pw_sql,
        preset: i.preset,
        tls: i.tls,
        valid_until,
    })
}

impl Checked {
    /// The `FOR USER …` clause of `ALTER DEFAULT PRIVILEGES` (with its trailing space),
    /// empty when no owner is named: setup grants and uninstall revokes the same.
    pub(super) fn for_users(&self) -> String {
        if self.owners.is_empty() {
            String::new()
        } else {
            format!("FOR USER {} ", joined(&self.owners))
        }
    }

    /// `s1, s2, …`: every schema, for one `IN SCHEMA` clause.
    pub(super) fn in_schemas(&self) -> String {
        joined(&self.schemas)
    }

    /// What a client needs to connect. Redshift folds the names to lower case: the
    /// client sends them that way.
    pub(super) fn conn_info(&self) -> ConnInfo {
        ConnInfo {
            host: self.host.as_str().into(),
            port: self.port,
            database: self.db.raw().to_ascii_lowercase(),
            user: self.user.raw().to_ascii_lowercase(),
            password: self.pw.clone(),
            tls: self.tls,
        }
    }
}
