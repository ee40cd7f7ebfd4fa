//! Databases other than PostgreSQL: MySQL/MariaDB, SQL Server, Snowflake, Amazon
//! Redshift and BigQuery. One form ([`DialectForm`]) and one entry point
//! ([`generate_dialect`]); each dialect's module owns its quoting types (the only way
//! user text reaches its SQL, as [`crate::core::ident`] is for PostgreSQL), its checks
//! and its four outputs: setup, verify, uninstall and the connection string.
//! Dialect-specific traps are written into the setup script as `--` comments.

pub mod bigquery;
pub mod mssql;
pub mod mysql;
pub mod redshift;
pub mod snowflake;

use super::conn::{validate_port, PASSWORD_PLACEHOLDER};
use super::host::validate_host;
use super::ident::Comment;
use super::text::{js_trim, split_list};

/// A database other than PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// MySQL 5.7+ and MariaDB 10.3+ (one syntax for what is generated here).
    MySql,
    /// Microsoft SQL Server 2016+ and Azure SQL.
    SqlServer,
    /// Snowflake.
    Snowflake,
    /// Amazon Redshift (provisioned and serverless).
    Redshift,
    /// Google BigQuery.
    BigQuery,
}

impl Dialect {
    /// Every dialect, in picker order.
    pub const ALL: [Dialect; 5] = [
        Dialect::MySql,
        Dialect::SqlServer,
        Dialect::Snowflake,
        Dialect::Redshift,
        Dialect::BigQuery,
    ];

    /// Key in share links and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::MySql => "mysql",
            Dialect::SqlServer => "sqlserver",
            Dialect::Snowflake => "snowflake",
            Dialect::Redshift => "redshift",
            Dialect::BigQuery => "bigquery",
        }
    }

    /// Name in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Dialect::MySql => "MySQL / MariaDB",
            Dialect::SqlServer => "SQL Server",
            Dialect::Snowflake => "Snowflake",
            Dialect::Redshift => "Amazon Redshift",
            Dialect::BigQuery => "BigQuery",
        }
    }

    /// The dialect named by `key`, if any.
    pub fn from_key(key: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.as_str() == key)
    }

    /// What users can be made for on this database. Metadata sync (read-only metadata
    /// and profiling) has its own role only on BigQuery (`metadataViewer`); elsewhere it
    /// is the read-only connector.
    pub fn accesses(self) -> &'static [Access] {
        match self {
            Dialect::BigQuery => &[Access::ReadOnly, Access::ReadWrite, Access::Metadata],
            _ => &[Access::ReadOnly, Access::ReadWrite],
        }
    }

    /// The fields of its form, in order (the password and SSL box come after them).
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Dialect::MySql => &mysql::FIELDS,
            Dialect::SqlServer => &mssql::FIELDS,
            Dialect::Snowflake => &snowflake::FIELDS,
            Dialect::Redshift => &redshift::FIELDS,
            Dialect::BigQuery => &bigquery::FIELDS,
        }
    }

    /// Whether the form has a password (BigQuery signs in with a key file, Snowflake
    /// service users with a key pair).
    pub fn has_password(self) -> bool {
        !matches!(self, Dialect::BigQuery | Dialect::Snowflake)
    }

    /// Whether the form has a "Use SSL" box.
    pub fn has_ssl(self) -> bool {
        matches!(
            self,
            Dialect::MySql | Dialect::SqlServer | Dialect::Redshift
        )
    }
}

/// What the user is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// The read-only connector: read every table and view in the listed schemas.
    ReadOnly,
    /// The read/write connector: also insert, update, delete and create tables.
    ReadWrite,
    /// Metadata sync: read metadata only (BigQuery).
    Metadata,
}

impl Access {
    /// Key in share links and the CLI (the PostgreSQL preset keys).
    pub fn as_str(self) -> &'static str {
        match self {
            Access::ReadOnly => "connector-ro",
            Access::ReadWrite => "connector-rw",
            Access::Metadata => "metadata",
        }
    }

    /// The access named by `key`, if any.
    pub fn from_key(key: &str) -> Option<Access> {
        [Access::ReadOnly, Access::ReadWrite, Access::Metadata]
            .into_iter()
            .find(|a| a.as_str() == key)
    }

    /// Name in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Access::ReadOnly => "Read-only connector (sources)",
            Access::ReadWrite => "Read/write connector (sources and transformations)",
            Access::Metadata => "Metadata sync (read-only metadata)",
        }
    }
}

/// One text field of a dialect's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// Server host (Snowflake: the account identifier).
    Host,
    /// Server port.
    Port,
    /// The user (BigQuery: the service account's e-mail address).
    User,
    /// The database (BigQuery: the project ID).
    Database,
    /// Schemas (BigQuery: datasets), commas or new lines.
    Schemas,
    /// MySQL: the host part of the account (`'user'@'host'`).
    ClientHost,
    /// Snowflake: the warehouse the user runs queries on.
    Warehouse,
    /// Redshift: users whose future tables get default privileges.
    Owners,
    /// BigQuery: the datasets' location, for the verify query.
    Location,
    /// Snowflake: the RSA public key of the user's key pair.
    PublicKey,
}

impl Key {
    /// Every key, in storage order.
    pub const ALL: [Key; 10] = [
        Key::Host,
        Key::Port,
        Key::User,
        Key::Database,
        Key::Schemas,
        Key::ClientHost,
        Key::Warehouse,
        Key::Owners,
        Key::Location,
        Key::PublicKey,
    ];

    /// The `data-testid` of the input and the field name in messages and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::Host => "host",
            Key::Port => "port",
            Key::User => "role",
            Key::Database => "database",
            Key::Schemas => "schemas",
            Key::ClientHost => "client-host",
            Key::Warehouse => "warehouse",
            Key::Owners => "owners",
            Key::Location => "location",
            Key::PublicKey => "public-key",
        }
    }

    /// The `id` of the input (tied to its label).
    pub fn id(self) -> &'static str {
        match self {
            Key::Host => "gs-host",
            Key::Port => "gs-port",
            Key::User => "gs-role",
            Key::Database => "gs-database",
            Key::Schemas => "gs-schemas",
            Key::ClientHost => "gs-client-host",
            Key::Warehouse => "gs-warehouse",
            Key::Owners => "gs-owners",
            Key::Location => "gs-location",
            Key::PublicKey => "gs-public-key",
        }
    }

    /// The `data-testid` of the field's message.
    pub fn error_testid(self) -> &'static str {
        match self {
            Key::Host => "host-error",
            Key::Port => "port-error",
            Key::User => "role-error",
            Key::Database => "database-error",
            Key::Schemas => "schemas-error",
            Key::ClientHost => "client-host-error",
            Key::Warehouse => "warehouse-error",
            Key::Owners => "owners-error",
            Key::Location => "location-error",
            Key::PublicKey => "public-key-error",
        }
    }

    fn index(self) -> usize {
        Key::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// How a dialect shows one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Which field.
    pub key: Key,
    /// Visible label.
    pub label: &'static str,
    /// Placeholder shown in the empty field: an example, or what an empty field means.
    pub placeholder: &'static str,
    /// The starting value.
    pub default: &'static str,
    /// A text area (lists) instead of a one-line input.
    pub multiline: bool,
}

/// The form for a dialect's connector: text fields by [`Key`], the password and SSL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialectForm {
    /// The database.
    pub dialect: Dialect,
    /// What the user is for.
    pub access: Access,
    values: [String; 10],
    /// The password as typed; empty keeps the placeholder.
    pub password: String,
    /// Require TLS (MySQL, SQL Server, Redshift).
    pub ssl: bool,
}

impl DialectForm {
    /// The dialect's starting values (an access it does not offer becomes read-only).
    pub fn new(dialect: Dialect, access: Access) -> Self {
        let access = if dialect.accesses().contains(&access) {
            access
        } else {
            Access::ReadOnly
        };
        let mut values: [String; 10] = Default::default();
        for spec in dialect.fields() {
            values[spec.key.index()] = spec.default.to_string();
        }
        DialectForm {
            dialect,
            access,
            values,
            password: String::new(),
            ssl: dialect == Dialect::SqlServer,
        }
    }

    /// A field's value as typed.
    pub fn get(&self, key: Key) -> &str {
        &self.values[key.index()]
    }

    /// Sets a field.
    pub fn set(&mut self, key: Key, value: impl Into<String>) {
        self.values[key.index()] = value.into();
    }

    /// A field as typed, trimmed as JavaScript's `trim` would (each dialect decides
    /// what an empty field means).
    fn value(&self, key: Key) -> &str {
        js_trim(self.get(key))
    }
}

/// Everything the dialect builder shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DialectOutput {
    /// `(field, message)` for every refused field, in form order.
    pub errors: Vec<(&'static str, String)>,
    /// Beside Generate: empty exactly when Generate is enabled.
    pub hint: String,
    /// The setup script.
    pub sql: Option<String>,
    /// A read-only query, a row per expected privilege.
    pub verify: Option<String>,
    /// Revokes everything and drops the user.
    pub uninstall: Option<String>,
    /// The connection string in the database's usual form.
    pub conn: Option<String>,
}

impl DialectOutput {
    /// The message for `field`, if refused.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(k, _)| *k == field)
            .map(|(_, m)| m.clone())
    }
}

/// The four texts a dialect renders.
pub(crate) struct Scripts {
    pub sql: String,
    pub verify: String,
    pub uninstall: String,
    pub conn: String,
}

/// Collects field messages while a dialect checks its form.
#[derive(Default)]
pub(crate) struct Errs(Vec<(&'static str, String)>);

impl Errs {
    /// Records `r`'s message for `key` and passes its value on.
    pub fn take<T>(&mut self, key: &'static str, r: Result<T, String>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(m) => {
                if !self.0.iter().any(|(k, _)| *k == key) {
                    self.0.push((key, m));
                }
                None
            }
        }
    }
}

/// Validates and renders `f`: errors for every refused field, and the scripts only
/// when every field is fine.
pub fn generate_dialect(f: &DialectForm) -> DialectOutput {
    let mut errs = Errs::default();
    let scripts = match f.dialect {
        Dialect::MySql => mysql::build(f, &mut errs),
        Dialect::SqlServer => mssql::build(f, &mut errs),
        Dialect::Snowflake => snowflake::build(f, &mut errs),
        Dialect::Redshift => redshift::build(f, &mut errs),
        Dialect::BigQuery => bigquery::build(f, &mut errs),
    };
    // In form order (fields, then the password), without a sort.
    let order: Vec<&str> = f
        .dialect
        .fields()
        .iter()
        .map(|s| s.key.as_str())
        .chain(["password"])
        .collect();
    let errors: Vec<(&'static str, String)> = order
        .iter()
        .filter_map(|k| errs.0.iter().find(|(e, _)| e == k).cloned())
        .collect();
    let first_key = f.dialect.fields()[0].key;
    let hint = if f.value(first_key).is_empty() {
        format!(
            "Enter the {} to generate",
            f.dialect.fields()[0].label.to_ascii_lowercase()
        )
    } else {
        errors.first().map(|(_, m)| m.clone()).unwrap_or_default()
    };
    let mut out = DialectOutput {
        errors,
        hint,
        ..DialectOutput::default()
    };
    if out.hint.is_empty() {
        if let Some(s) = scripts {
            out.sql = Some(s.sql);
            out.verify = Some(s.verify);
            out.uninstall = Some(s.uninstall);
            out.conn = Some(s.conn);
        }
    }
    out
}

// ---- checks shared by the dialects ----

/// Refuses what no dialect's name may hold: NUL and other control characters (a line
/// break inside a SQL Server name would also let a `GO` line split the batch).
pub(crate) fn plain_text(s: &str) -> Result<(), String> {
    if s.chars().any(char::is_control) {
        Err("Cannot contain control characters (line breaks, tabs, NUL)".into())
    } else {
        Ok(())
    }
}

/// A required name: trimmed, not empty, no control characters, at most `max` of
/// `unit` ("characters" counts chars, "bytes" UTF-8 bytes).
pub(crate) fn name(
    raw: &str,
    what: &str,
    max: usize,
    bytes: bool,
    db: &str,
) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err(format!("Enter the {what}"));
    }
    plain_text(t)?;
    let len = if bytes { t.len() } else { t.chars().count() };
    if len > max {
        let unit = if bytes { "bytes" } else { "characters" };
        return Err(format!("Too long: {len} {unit}, but {db} allows {max}"));
    }
    Ok(t.to_string())
}

/// The host as typed, with the PostgreSQL builder's rules (no scheme, port or path).
pub(crate) fn host(raw: &str) -> Result<String, String> {
    let t = js_trim(raw);
    if t.is_empty() {
        return Err("Enter a host".into());
    }
    validate_host(t).map_err(|e| e.message().to_string())?;
    Ok(t.to_string())
}

/// The port, empty meaning `default`.
pub(crate) fn port(raw: &str, default: &'static str) -> Result<String, String> {
    let p = match js_trim(raw) {
        "" => default,
        p => p,
    };
    validate_port(p).map_err(str::to_string)?;
    Ok(p.to_string())
}

/// A list field split on commas and new lines, each item checked by `each`; empty
/// means `default` (or "Enter …" when there is none).
pub(crate) fn list<T>(
    raw: &str,
    default: &str,
    what: &str,
    mut each: impl FnMut(&str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let items = split_list(raw).unwrap_or_else(|| split_list(default).unwrap_or_default());
    if items.is_empty() {
        return Err(format!("Enter at least one {what}"));
    }
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if seen.contains(&item) {
            continue;
        }
        seen.push(item);
        out.push(each(item).map_err(|m| format!("{item}: {m}"))?);
    }
    Ok(out)
}

/// The password, if typed: no control characters.
pub(crate) fn password(raw: &str) -> Result<Option<String>, String> {
    if raw.is_empty() {
        return Ok(None);
    }
    plain_text(raw)?;
    Ok(Some(raw.to_string()))
}

/// A `-- ` comment line per trap, with user text kept inside its comment.
pub(crate) fn comments(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str("-- ");
        out.push_str(&Comment::new(l).to_string());
        out.push('\n');
    }
}

/// The trap line for a script without a password: the placeholder is not SQL, so the
/// script stops before doing anything until it is replaced.
pub(crate) fn placeholder_trap(pw: &Option<String>, traps: &mut Vec<String>, quote: &str) {
    if pw.is_none() {
        traps.insert(
            0,
            format!("No password typed: replace {PASSWORD_PLACEHOLDER} with one in quotes ({quote}); as written, it stops with a syntax error before creating anything."),
        );
    }
}

/// Writes `text` between two `quote`s, with a backslash before each `quote` and each
/// backslash: the quoting of Snowflake strings and of BigQuery strings and identifiers.
pub(crate) fn write_backslashed(
    f: &mut std::fmt::Formatter<'_>,
    quote: char,
    text: &str,
) -> std::fmt::Result {
    use std::fmt::Write;
    f.write_char(quote)?;
    for c in text.chars() {
        if c == quote || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char(quote)
}

/// The password in a connection string: percent-encoded, or the placeholder.
pub(crate) fn uri_password(pw: &Option<String>) -> String {
    match pw {
        Some(p) => super::conn::percent_encode(p),
        None => PASSWORD_PLACEHOLDER.to_string(),
    }
}
