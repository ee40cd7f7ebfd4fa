//! Snowflake's form checked: each field's rules and messages, and the values the
//! scripts and the connection forms are written from.

use super::{guard, Ident, Str, KEY_PLACEHOLDER};
use crate::core::backend::checks::{list, name};
use crate::core::client_code::SnowflakeLogin;
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::Errors;
use crate::core::text::js_trim;

/// Identifiers hold up to 255 characters.
pub const MAX_NAME: usize = 255;

/// The account identifier as typed, or the host name Snowflake gave it.
fn account(raw: &str) -> Result<String, String> {
    let t = js_trim(raw).to_ascii_lowercase();
    let t = t.trim_start_matches("https://");
    let t = t.trim_end_matches('/');
    let t = t.trim_end_matches(".snowflakecomputing.com");
    if t.is_empty() {
        return Err("Enter the account identifier".into());
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(
            "An account identifier has only letters, digits, - _ and . (like myorg-myaccount)"
                .into(),
        );
    }
    Ok(t.to_string())
}

/// A user, warehouse, database or schema name, as Snowflake will read it.
fn ident(raw: &str, what: &str) -> Result<Ident, String> {
    let n = name(raw, what, MAX_NAME, false, "Snowflake")?;
    if n.contains('\\') {
        // Quoted identifiers take a backslash literally, but tools differ on whether it
        // escapes the next quote: refused rather than risk either reading.
        return Err("Cannot contain \\ (tools disagree on what it means in a quoted name)".into());
    }
    Ok(Ident::new(&n))
}

/// A Snowflake form whose every field is fine: what setup, verify, uninstall, the
/// inspect query and the connection forms are written from.
pub(super) struct Checked {
    /// The account identifier, in lower case, without `https://` or the domain.
    pub(super) account: String,
    /// The user.
    pub(super) user: Ident,
    /// The user's role, `<USER>_ROLE`.
    pub(super) role: Ident,
    /// The warehouse the role may use.
    pub(super) wh: Ident,
    /// The database.
    pub(super) db: Ident,
    /// The schemas, each once, in the order typed (`PUBLIC` when none).
    pub(super) schemas: Vec<Ident>,
    /// Whether the user or the database, typed unquoted, names an upper-case object.
    pub(super) folded: bool,
    /// The public key, or `None` when the script carries the placeholder.
    pub(super) key: Option<super::key::PublicKey>,
    /// The public key as a string literal, or the placeholder.
    pub(super) key_sql: String,
    /// What the role may do.
    pub(super) preset: Preset,
}

/// Checks every field of `i`, each message going to `e` in form order; `None` when any
/// field has one.
pub(super) fn check(i: &Intent, e: &mut Errors) -> Option<Checked> {
    let acct = e.take(Field::Host, account(i.get(Field::Host)));
    let user_raw = js_trim(i.get(Field::Role)).to_string();
    let user = e.take(
        Field::Role,
        ident(&user_raw, "user name").and_then(|u| guard::own_user(&u).map(|()| u)),
    );
    let wh = e.take(
        Field::Warehouse,
        ident(i.get(Field::Warehouse), "warehouse"),
    );
    let db_raw = js_trim(i.get(Field::Database)).to_string();
    let db = e.take(Field::Database, ident(&db_raw, "database"));
    let schemas = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "PUBLIC", "schema", |s| {
            ident(s, "schema")
        }),
    );
    let key = e.take(Field::PublicKey, super::key::read(i.get(Field::PublicKey)));
    let (acct, user, wh, db, schemas, key) = (acct?, user?, wh?, db?, schemas?, key?);
    // `<USER>_ROLE`, quoted exactly when the user is (no reserved word ends in _ROLE).
    let role = user.with_suffix("_ROLE");
    let key_sql = key.as_ref().map(|k| Str::new(&k.body).to_string());
    let key_sql = key_sql.unwrap_or_else(|| KEY_PLACEHOLDER.to_string());
    Some(Checked {
        account: acct,
        folded: user.folded(&user_raw) || db.folded(&db_raw),
        user,
        role,
        wh,
        db,
        schemas,
        key,
        key_sql,
        preset: i.preset,
    })
}

impl Checked {
    /// How Snowflake's clients sign in: the account, the user, and the warehouse,
    /// database, first schema and role they start in.
    pub(super) fn login(&self) -> SnowflakeLogin<'_> {
        SnowflakeLogin {
            account: &self.account,
            user: self.user.stored(),
            params: [
                ("warehouse", self.wh.to_string()),
                ("database", self.db.to_string()),
                ("schema", self.schemas[0].to_string()),
                ("role", self.role.to_string()),
            ],
        }
    }
}
