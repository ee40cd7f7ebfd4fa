//! SQL Server's form checked: each field's rules and messages, and the values the
//! scripts and the connection details are written from.

use super::{guard, Ident, NStr};
use crate::core::backend::checks::{host, list, name, password, port};
use crate::core::client::ConnInfo;
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::Errors;

/// `sysname` holds 128 characters.
pub const MAX_NAME: usize = 128;

/// A name SQL Server stores as `sysname`.
fn sysname(raw: &str, what: &str) -> Result<String, String> {
    name(raw, what, MAX_NAME, false, "SQL Server")
}

/// A SQL Server form whose every field is fine: what setup, verify, uninstall and the
/// inspect query are written from, so none of them checks a field again.
pub(super) struct Checked {
    /// The server's host, as typed (trimmed).
    pub(super) host: String,
    /// The server's port.
    pub(super) port: u16,
    /// The login name, as typed (trimmed).
    pub(super) user: String,
    /// The login (and its database user) as an identifier.
    pub(super) user_ident: Ident,
    /// The database, as typed (trimmed).
    pub(super) db: String,
    /// The database as an identifier.
    pub(super) db_ident: Ident,
    /// The schemas, each once, in the order typed (`dbo` when none).
    pub(super) schemas: Vec<Ident>,
    /// The password as typed, or `None` when the script carries the placeholder.
    pub(super) pw: Option<String>,
    /// The password as a Unicode string literal, or the placeholder.
    pub(super) pw_sql: String,
    /// What the user may do.
    pub(super) preset: Preset,
    /// Whether the client must connect over TLS.
    pub(super) tls: bool,
}

/// Checks every field of `i`, each message going to `e` in form order; `None` when any
/// field has one.
pub(super) fn check(i: &Intent, e: &mut Errors) -> Option<Checked> {
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
    let (user_ident, db_ident) = (Ident::new(&user), Ident::new(&db));
    let pw_sql = pw.as_deref().map(|p| NStr::new(p).to_string());
    let pw_sql = pw_sql.unwrap_or_else(|| PASSWORD_PLACEHOLDER.to_string());
    Some(Checked {
        host,
        port,
        user,
        user_ident,
        db,
        db_ident,
        schemas,
        pw,
        pw_sql,
        preset: i.preset,
        tls: i.tls,
    })
}

impl Checked {
    /// What a client needs to connect: the host, the login and the database.
    pub(super) fn conn_info(&self) -> ConnInfo {
        ConnInfo {
            host: self.host.as_str().into(),
            port: self.port,
            database: self.db.clone(),
            user: self.user.clone(),
            password: self.pw.clone(),
            tls: self.tls,
        }
    }
}
