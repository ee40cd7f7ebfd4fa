//! MySQL's form checked: each field's rules and messages, and the values the scripts
//! and the connection details are written from.

use super::{guard, Account, Ident, Str};
use crate::core::backend::checks::{host, list, name, password, port};
use crate::core::client::ConnInfo;
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset, Switch};
use crate::core::output::Errors;
use crate::core::text::js_trim;

/// Longest user name MySQL 5.7+ accepts (MariaDB allows 80; the smaller limit keeps
/// one script valid on both).
pub const MAX_USER: usize = 32;
/// Longest database name.
pub const MAX_DB: usize = 64;
/// Longest host part of an account.
pub const MAX_HOST: usize = 255;

/// A name as MySQL stores it: identifiers and account names are `utf8mb3`, which has
/// no characters beyond U+FFFF (emoji, for one).
fn mysql_name(raw: &str, what: &str, max: usize) -> Result<String, String> {
    let n = name(raw, what, max, false, "MySQL")?;
    if n.chars().any(|c| c as u32 > 0xFFFF) {
        return Err("MySQL names cannot hold characters beyond U+FFFF (emoji, for one)".into());
    }
    Ok(n)
}

/// The host part of an account: a host name, an IP address, a netmask
/// (`10.0.0.0/255.255.255.0`) or a pattern with `%` and `_`; empty means `%`. MySQL
/// compares host names without case and stores them in lower case, so they are
/// written in lower case (the script, verify and `SHOW GRANTS` then agree).
fn client_host(t: &str) -> Result<String, String> {
    if t.is_empty() {
        return Ok("%".into());
    }
    let ok = t.len() <= MAX_HOST
        && t.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'%' | b':' | b'/')
        });
    if ok {
        Ok(t.to_ascii_lowercase())
    } else {
        Err("A client host is a host name, an IP address, a netmask (10.0.0.0/255.255.255.0) or a pattern with % and _".into())
    }
}

/// A database the user gets privileges on: a name MySQL can store as a directory, and
/// not the one that holds Grantsmith's own list of accounts.
fn db_name(raw: &str) -> Result<Ident, String> {
    let n = mysql_name(raw, "database", MAX_DB)?;
    if n.contains(['/', '\\', '.']) {
        return Err("Database names cannot contain /, \\ or .".into());
    }
    if n.ends_with(' ') {
        return Err("Database names cannot end with a space".into());
    }
    guard::own_database(&n)?;
    Ok(Ident::new(&n))
}

/// A MySQL form whose every field is fine: what setup, verify and uninstall are
/// written from, so none of them checks a field again.
#[derive(Clone)]
pub(super) struct Checked {
    /// The server's host, as typed (trimmed).
    pub(super) host: String,
    /// The server's port.
    pub(super) port: u16,
    /// The user part of the account.
    pub(super) user: String,
    /// The host part of the account, in lower case (`%` when left empty).
    pub(super) client: String,
    /// The account, `'user'@'host'`.
    pub(super) account: Account,
    /// The databases, each once, in the order typed.
    pub(super) dbs: Vec<Ident>,
    /// The password as typed, or `None` when the script carries the placeholder.
    pub(super) pw: Option<String>,
    /// The password as a string literal, or the placeholder.
    pub(super) pw_sql: String,
    /// What the user may do.
    pub(super) preset: Preset,
    /// Whether the user must connect over TLS.
    pub(super) tls: bool,
    /// The day the password stops working, if any.
    pub(super) valid_until: Option<String>,
    /// Change data capture: the server is MariaDB 10.5.2+ (its own privilege names).
    pub(super) mariadb_105: bool,
}

/// Checks every field of `i`, each message going to `e` in form order; `None` when any
/// field has one.
pub(super) fn check(i: &Intent, e: &mut Errors) -> Option<Checked> {
    let host = e.take(Field::Host, host(i.get(Field::Host)));
    let port = e.take(Field::Port, port(i.get(Field::Port), "3306"));
    let user = e.take(
        Field::Role,
        mysql_name(i.get(Field::Role), "user name", MAX_USER)
            .and_then(|u| guard::own_user(&u).map(|()| u)),
    );
    let client = e.take(
        Field::ClientHost,
        client_host(js_trim(i.get(Field::ClientHost))),
    );
    let dbs = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "", "database", db_name),
    );
    let pw = e.take(Field::Password, password(i.get(Field::Password)));
    let valid_until = e.take(
        Field::ValidUntil,
        crate::core::backend::checks::valid_until(i.get(Field::ValidUntil)),
    );
    let (host, port, user, client, dbs, pw, valid_until) =
        (host?, port?, user?, client?, dbs?, pw?, valid_until?);
    let account = Account::new(&user, &client);
    let pw_sql = pw.as_deref().map(|p| Str::new(p).to_string());
    let pw_sql = pw_sql.unwrap_or_else(|| PASSWORD_PLACEHOLDER.to_string());
    Some(Checked {
        host,
        port,
        user,
        client,
        account,
        dbs,
        pw,
        pw_sql,
        preset: i.preset,
        tls: i.tls,
        valid_until,
        mariadb_105: i.switch(Switch::MariaDb105),
    })
}

impl Checked {
    /// What a client needs to connect: the account's user, to the first database.
    pub(super) fn conn_info(&self) -> ConnInfo {
        ConnInfo {
            host: self.host.as_str().into(),
            port: self.port,
            database: self.dbs[0].raw().to_string(),
            user: self.user.clone(),
            password: self.pw.clone(),
            tls: self.tls,
        }
    }
}
