//! Connection details as JDBC code: the URL names the server, everything else goes in
//! `Properties`, which no URL parsing touches.

use std::fmt::Write;

use super::client::ConnInfo;
use super::client_code::{password, quoted, SnowflakeLogin, KEY_FILE, TLS_NOTE};

/// A Java string literal: `"` and `\` escaped, control characters as octal escapes
/// (`\uXXXX` would be read before the literal: `\u000a` would end it).
///
/// ```
/// use grantsmith::core::client_code::java_str;
/// assert_eq!(java_str("a\"b\\u0041\n"), r#""a\"b\\u0041\012""#);
/// ```
pub fn java_str(s: &str) -> String {
    quoted(
        s,
        |c| c < ' ' || c == '\u{7f}',
        |out, c| {
            let _ = write!(out, "\\{:03o}", c as u32);
        },
    )
}

/// A JDBC connection: the URL names the server; the user, password and the rest go in
/// `Properties`, which no URL parsing touches; a database the driver would read from
/// the URL undecoded (MariaDB and MySQL Connector/J read the path as is, so `/`, `?`
/// or `#` would break it) goes through `setCatalog` after connecting.
pub struct Jdbc<'a> {
    /// Which driver, for the comment.
    pub driver: &'a str,
    /// The URL.
    pub url: String,
    /// `Properties`, in order.
    pub props: Vec<(&'a str, String)>,
    /// The database for `setCatalog`, where the URL does not carry it.
    pub catalog: Option<&'a str>,
}

/// The Java code for a [`Jdbc`] connection; `tls` adds its properties with a comment.
pub fn jdbc_code(j: &Jdbc<'_>, tls: &[(&str, &str)]) -> String {
    let mut s = format!(
        "// JDBC ({}): the driver's jar on the class path\njava.util.Properties props = new java.util.Properties();\n",
        j.driver
    );
    for (k, v) in &j.props {
        let _ = writeln!(s, "props.setProperty(\"{k}\", {});", java_str(v));
    }
    if !tls.is_empty() {
        let _ = writeln!(s, "// {TLS_NOTE}");
        for (k, v) in tls {
            let _ = writeln!(s, "props.setProperty(\"{k}\", \"{v}\");");
        }
    }
    let _ = write!(
        s,
        "java.sql.Connection conn = java.sql.DriverManager.getConnection({}, props);",
        java_str(&j.url)
    );
    if let Some(db) = j.catalog {
        let _ = write!(s, "\nconn.setCatalog({});", java_str(db));
    }
    s
}

/// JDBC for a server named by host and port (pgjdbc decodes the database in the URL's
/// path; the MySQL-protocol drivers do not, so theirs goes through `setCatalog`).
pub fn jdbc(driver: &str, scheme: &str, c: &ConnInfo, tls: &[(&str, &str)]) -> String {
    let decodes = scheme == "postgresql";
    let j = Jdbc {
        driver,
        url: format!(
            "jdbc:{scheme}://{}:{}/{}",
            c.host.for_url(),
            c.port,
            if decodes {
                super::conn::percent_encode(&c.database)
            } else {
                String::new()
            }
        ),
        props: vec![
            ("user", c.user.clone()),
            ("password", password(c).to_string()),
        ],
        catalog: (!decodes).then_some(c.database.as_str()),
    };
    jdbc_code(&j, if c.tls { tls } else { &[] })
}

/// JDBC for SQL Server (mssql-jdbc): everything in `Properties`, the server included
/// (an IPv6 address has no plain place in its URL).
pub fn jdbc_sqlserver(c: &ConnInfo) -> String {
    let j = Jdbc {
        driver: "mssql-jdbc",
        url: "jdbc:sqlserver://".into(),
        props: vec![
            ("serverName", c.host.bare().to_string()),
            ("portNumber", c.port.to_string()),
            ("databaseName", c.database.clone()),
            ("user", c.user.clone()),
            ("password", password(c).to_string()),
            ("encrypt", c.tls.to_string()),
            ("trustServerCertificate", "false".into()),
        ],
        catalog: None,
    };
    jdbc_code(&j, &[])
}

/// JDBC for Snowflake (snowflake-jdbc): the account's host in the URL, the rest in
/// `Properties` (identifiers as Snowflake reads them, see [`SnowflakeLogin`]).
pub fn jdbc_snowflake(l: &SnowflakeLogin<'_>) -> String {
    let mut props = vec![
        ("user", l.user.to_string()),
        ("authenticator", "SNOWFLAKE_JWT".to_string()),
        ("private_key_file", KEY_FILE.to_string()),
    ];
    for (k, v) in &l.params {
        props.push((if *k == "database" { "db" } else { k }, v.clone()));
    }
    let j = Jdbc {
        driver: "snowflake-jdbc",
        url: format!("jdbc:snowflake://{}.snowflakecomputing.com/", l.account),
        props,
        catalog: None,
    };
    jdbc_code(&j, &[])
}
