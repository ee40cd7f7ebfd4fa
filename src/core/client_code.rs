//! Connection details as code to paste: the config object of a Node driver
//! (node-postgres, mysql2), the keyword arguments of a Python driver (psycopg, PyMySQL)
//! and SQLAlchemy's `URL.create(…)`. Code, not URLs: every value goes in as a string
//! literal of that language, so no driver's URL decoding (node-postgres decodes the
//! database with `decodeURI`, SQLAlchemy before 2.1 not at all) can change it.

use std::fmt::Write;

use super::client::ConnInfo;
pub use super::client_jdbc::{java_str, jdbc, jdbc_code, jdbc_snowflake, jdbc_sqlserver, Jdbc};
use super::conn::PASSWORD_PLACEHOLDER;

/// `"…"` with `"` and `\` escaped by a backslash, and every character `special`
/// says a raw line break or control character would break written as `escape` does.
pub(super) fn quoted(s: &str, special: fn(char) -> bool, escape: fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if special(c) => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JavaScript (and JSON) string literal: control characters and the JavaScript line
/// terminators as `\uXXXX`.
///
/// ```
/// use grantsmith::core::client_code::js_str;
/// assert_eq!(js_str("a\"b\\c\n\u{2028}"), r#""a\"b\\c\u000a\u2028""#);
/// ```
pub fn js_str(s: &str) -> String {
    quoted(
        s,
        |c| c < ' ' || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}',
        |out, c| {
            let _ = write!(out, "\\u{:04x}", c as u32);
        },
    )
}

/// A Python string literal: control characters as `\xXX` (a raw line break would end
/// the literal).
///
/// ```
/// use grantsmith::core::client_code::py_str;
/// assert_eq!(py_str("a\"b\\c\n\u{0}"), r#""a\"b\\c\x0a\x00""#);
/// ```
pub fn py_str(s: &str) -> String {
    quoted(
        s,
        |c| c < ' ' || c == '\u{7f}',
        |out, c| {
            let _ = write!(out, "\\x{:02x}", c as u32);
        },
    )
}

pub(super) fn password(c: &ConnInfo) -> &str {
    c.password.as_deref().unwrap_or(PASSWORD_PLACEHOLDER)
}

/// The comment on a TLS line: what it does and how to check the certificate too.
pub(super) const TLS_NOTE: &str = "TLS required, certificate not checked (as sslmode=require)";

/// A Node driver's config object: `const config = { … };`.
pub fn node(driver: &str, c: &ConnInfo, database_key: &str) -> String {
    let mut s = format!(
        "// {driver}\nconst config = {{\n  host: {},\n  port: {},\n  user: {},\n  password: {},\n  {database_key}: {},\n",
        js_str(c.host.bare()),
        c.port,
        js_str(&c.user),
        js_str(password(c)),
        js_str(&c.database)
    );
    if c.tls {
        let _ = writeln!(
            s,
            "  ssl: {{ rejectUnauthorized: false }}, // {TLS_NOTE}; pass {{ ca }} to check it"
        );
    }
    s.push_str("};");
    s
}

/// A Python driver's `connect(…)` call. PyMySQL encodes a `str` password as latin-1, so
/// a non-ASCII one goes in as UTF-8 bytes, as the server hashed it.
pub fn python(import: &str, c: &ConnInfo, database_key: &str, tls: &str) -> String {
    let pw = password(c);
    let pw = if import == "pymysql" && !pw.is_ascii() {
        format!("{}.encode()", py_str(pw))
    } else {
        py_str(pw)
    };
    let mut s = format!(
        "import {import}\n\nconn = {import}.connect(\n    host={},\n    port={},\n    user={},\n    password={pw},\n    {database_key}={},\n",
        py_str(c.host.bare()),
        c.port,
        py_str(&c.user),
        py_str(&c.database)
    );
    if c.tls {
        let _ = writeln!(s, "    {tls},  # {TLS_NOTE}");
    }
    s.push(')');
    s
}

/// SQLAlchemy (1.4 and 2.x): `URL.create(…)` takes each value as it is.
pub fn sqlalchemy(driver: &str, c: &ConnInfo) -> String {
    let mysql = driver.starts_with("mysql");
    let pw = password(c);
    // PyMySQL would encode a str password as latin-1: the UTF-8 bytes go through
    // connect_args instead, which SQLAlchemy passes to the driver last.
    let pw_bytes = mysql && !pw.is_ascii();
    let mut s = format!(
        "from sqlalchemy import create_engine\nfrom sqlalchemy.engine import URL\n\nurl = URL.create(\n    {},\n    username={},\n",
        py_str(driver),
        py_str(&c.user)
    );
    if !pw_bytes {
        let _ = writeln!(s, "    password={},", py_str(pw));
    }
    let _ = writeln!(
        s,
        "    host={},\n    port={},\n    database={},",
        py_str(c.host.bare()),
        c.port,
        py_str(&c.database)
    );
    let mut args = Vec::new();
    if c.tls && !mysql {
        s.push_str("    query={\"sslmode\": \"require\"},\n");
    } else if c.tls {
        args.push("\"ssl\": {\"ca\": None}".to_string());
    }
    if pw_bytes {
        args.push(format!("\"password\": {}.encode()", py_str(pw)));
    }
    s.push_str(")\nengine = create_engine(url");
    if !args.is_empty() {
        let _ = write!(s, ", connect_args={{{}}}", args.join(", "));
    }
    s.push(')');
    if c.tls && mysql {
        let _ = write!(s, "  # ssl: {TLS_NOTE}");
    }
    s
}

/// The mssql (tedious) config object: `server`, not `host`; TLS in `options`.
pub fn mssql(c: &ConnInfo) -> String {
    format!(
        "// mssql (tedious): await sql.connect(config)\nconst config = {{\n  server: {},\n  port: {},\n  user: {},\n  password: {},\n  database: {},\n  options: {{ encrypt: {}, trustServerCertificate: false }},\n}};",
        js_str(c.host.bare()),
        c.port,
        js_str(&c.user),
        js_str(password(c)),
        js_str(&c.database),
        c.tls
    )
}

/// What a Snowflake client signs in with: the account, the user's login name, and the
/// warehouse, database, schema and role as Snowflake reads an identifier (upper case
/// where written unquoted, in `"…"` where the name exists only quoted: Snowflake folds
/// an unquoted login parameter to upper case).
pub struct SnowflakeLogin<'a> {
    /// The account identifier.
    pub account: &'a str,
    /// The login name.
    pub user: &'a str,
    /// `(warehouse|database|schema|role, identifier)`.
    pub params: [(&'static str, String); 4],
}

pub(super) const KEY_FILE: &str = "rsa_key.p8";

/// Snowflake's Python connector, signing in with the key pair's private key file.
pub fn snowflake_connector(l: &SnowflakeLogin<'_>) -> String {
    let mut s = format!(
        "import snowflake.connector\n\nconn = snowflake.connector.connect(\n    account={},\n    user={},\n    authenticator=\"SNOWFLAKE_JWT\",\n    private_key_file=\"{KEY_FILE}\",  # the key pair's private key\n",
        py_str(l.account),
        py_str(l.user)
    );
    for (k, v) in &l.params {
        let _ = writeln!(s, "    {k}={},", py_str(v));
    }
    s.push(')');
    s
}

/// snowflake-sqlalchemy: the account and user in the URL, everything else in
/// `connect_args` (the dialect refuses the key file in the URL, and would read the
/// identifiers with its own grammar).
pub fn snowflake_sqlalchemy(l: &SnowflakeLogin<'_>) -> String {
    let mut s = format!(
        "from sqlalchemy import create_engine\nfrom sqlalchemy.engine import URL\n\nurl = URL.create(\"snowflake\", username={}, host={})\nengine = create_engine(url, connect_args={{\n    \"authenticator\": \"SNOWFLAKE_JWT\",\n    \"private_key_file\": \"{KEY_FILE}\",\n",
        py_str(l.user),
        py_str(l.account)
    );
    for (k, v) in &l.params {
        let _ = writeln!(s, "    \"{k}\": {},", py_str(v));
    }
    s.push_str("})");
    s
}

/// sqlalchemy-bigquery: the project as the URL's host object, never parsed from text
/// (a domain-scoped `example.com:my-project` would read as host and port).
pub fn sqlalchemy_bigquery(project: &str, dataset: &str, location: &str) -> String {
    format!(
        "from sqlalchemy import create_engine\nfrom sqlalchemy.engine import URL\n\n# Signs in as the service account of GOOGLE_APPLICATION_CREDENTIALS (its key file).\nurl = URL.create(\"bigquery\", host={}, database={}, query={{\"location\": {}}})\nengine = create_engine(url)",
        py_str(project),
        py_str(dataset),
        py_str(location)
    )
}
