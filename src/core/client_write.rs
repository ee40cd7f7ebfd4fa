//! The connection details written in each [`Client`]'s form: libpq's quoting rules,
//! MySQL Shell's URI, SQL Server's ADO.NET string, and the code forms of
//! [`client_code`](super::client_code).

use super::client::{Client, ConnInfo};
use super::client_code::{jdbc, node, python, sqlalchemy};
use super::conn::{connection_uri, percent_encode, ConnParts, PASSWORD_PLACEHOLDER};

/// `'…'` with `\` and `'` escaped by a backslash: a keyword/value value.
fn kv_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `'…'` for a POSIX shell: `'` closes, escapes and reopens.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A `.pgpass` field: `\` and `:` escaped by a backslash, and a lone `*` (which would
/// match any value) written as a literal star. libpq compares the host field with the
/// host as the client was given it (a URI's without its brackets), so an IPv6 address
/// goes in bare, its colons escaped: `\:\:1:5432:…` (PostgreSQL docs, libpq "The
/// Password File": "If an entry needs to contain : or \, escape this character with \").
fn pgpass_field(s: &str) -> String {
    if s == "*" {
        return "\\*".into();
    }
    s.replace('\\', "\\\\").replace(':', "\\:")
}

/// The libpq URI alone (what the original applet shows), without the other forms' code.
pub fn uri(c: &ConnInfo) -> String {
    let mut uri = connection_uri(&ConnParts {
        user: &c.user,
        password: c.password.as_deref(),
        host: &c.host,
        port: c.port,
        database: &c.database,
    });
    if c.tls {
        uri.push_str("?sslmode=require");
    }
    uri
}

/// The connection details in `client`'s form.
///
/// ```
/// use grantsmith::core::client::{write, Client, ConnInfo};
/// let c = ConnInfo { host: "db.example.com".into(), port: 5432, database: "app".into(),
///     user: "o'neil".into(), password: Some("p:w\\d".into()), tls: true };
/// assert_eq!(write(Client::KeywordValue, &c).unwrap(),
///     r"host='db.example.com' port=5432 dbname='app' user='o\'neil' password='p:w\\d' sslmode=require");
/// assert_eq!(write(Client::Pgpass, &c).unwrap(), r"db.example.com:5432:app:o'neil:p\:w\\d");
/// ```
pub fn write(client: Client, c: &ConnInfo) -> Result<String, String> {
    let password = c.password.as_deref().unwrap_or(PASSWORD_PLACEHOLDER);
    Ok(match client {
        Client::Uri => uri(c),
        Client::KeywordValue => {
            let mut s = format!(
                "host={} port={} dbname={} user={} password={}",
                kv_quote(c.host.bare()),
                c.port,
                kv_quote(&c.database),
                kv_quote(&c.user),
                kv_quote(password)
            );
            if c.tls {
                s.push_str(" sslmode=require");
            }
            s
        }
        Client::Env => {
            let mut lines = vec![
                format!("export PGHOST={}", sh_quote(c.host.bare())),
                format!("export PGPORT={}", c.port),
                format!("export PGDATABASE={}", sh_quote(&c.database)),
                format!("export PGUSER={}", sh_quote(&c.user)),
                format!("export PGPASSWORD={}", sh_quote(password)),
            ];
            if c.tls {
                lines.push("export PGSSLMODE=require".into());
            }
            lines.join("\n")
        }
        Client::NodePg => node(
            "node-postgres: new pg.Client(config) or new pg.Pool(config)",
            c,
            "database",
        ),
        Client::Psycopg => python("psycopg", c, "dbname", "sslmode=\"require\""),
        Client::SqlAlchemyPg => sqlalchemy("postgresql+psycopg", c),
        Client::JdbcPg => jdbc("pgjdbc", "postgresql", c, &[("sslmode", "require")]),
        Client::Pgpass => {
            let fields = [
                c.host.bare(),
                c.database.as_str(),
                c.user.as_str(),
                password,
            ];
            if fields.iter().any(|f| f.contains(['\n', '\r'])) {
                return Err("A .pgpass line cannot hold a line break: use another form".into());
            }
            format!(
                "{}:{}:{}:{}:{}",
                pgpass_field(c.host.bare()),
                c.port,
                pgpass_field(&c.database),
                pgpass_field(&c.user),
                pgpass_field(password)
            )
        }
        _ => return dialect_form(client, c),
    })
}

/// The other databases' forms. The page a PostgreSQL user loads is built without the
/// `dialects` feature: this is then one line, and their code is not in that page.
fn dialect_form(client: Client, c: &ConnInfo) -> Result<String, String> {
    if !cfg!(feature = "dialects") {
        return Err("This form is written in the all-databases page".into());
    }
    Ok(match client {
        Client::Mysql2 => node(
            "mysql2: mysql.createConnection(config) or mysql.createPool(config)",
            c,
            "database",
        ),
        Client::PyMySql => python("pymysql", c, "database", "ssl={\"ca\": None}"),
        Client::SqlAlchemyMySql => sqlalchemy("mysql+pymysql", c),
        // sslMode for Connector/J 3; useSsl and trustServerCertificate for 2 (each
        // ignores the other's).
        Client::JdbcMariaDb => jdbc(
            "MariaDB Connector/J",
            "mariadb",
            c,
            &[
                ("sslMode", "trust"),
                ("useSsl", "true"),
                ("trustServerCertificate", "true"),
            ],
        ),
        Client::AdoNet => {
            use super::quote::sqlserver::ConnValue;
            format!(
                "Server=tcp:{},{};Database={};User ID={};Password={};Encrypt={};TrustServerCertificate=False",
                ConnValue(c.host.bare()),
                c.port,
                ConnValue(&c.database),
                ConnValue(&c.user),
                match &c.password {
                    Some(p) => ConnValue(p).to_string(),
                    None => PASSWORD_PLACEHOLDER.to_string(),
                },
                if c.tls { "True" } else { "False" },
            )
        }
        Client::Mssql => super::client_code::mssql(c),
        Client::JdbcSqlServer => super::client_code::jdbc_sqlserver(c),
        Client::JdbcMySql => jdbc("MySQL Connector/J", "mysql", c, &[("sslMode", "REQUIRED")]),
        // Written by the Snowflake backend: account, warehouse and role are not here.
        Client::SnowflakeConnector
        | Client::SqlAlchemySnowflake
        | Client::JdbcSnowflake
        | Client::SqlAlchemyBigQuery
        | Client::BigQueryUri => return Err("This form is written by its database".into()),
        Client::MySqlUri => {
            let pw = match &c.password {
                Some(p) => percent_encode(p),
                None => PASSWORD_PLACEHOLDER.to_string(),
            };
            let mut uri = format!(
                "mysql://{}:{pw}@{}:{}/{}",
                percent_encode(&c.user),
                c.host.for_url(),
                c.port,
                percent_encode(&c.database)
            );
            if c.tls {
                // MySQL Shell's spelling; mysql2 and PyMySQL ignore or refuse it, and
                // have forms of their own.
                uri.push_str("?ssl-mode=REQUIRED");
            }
            uri
        }
        _ => return Err("Not a form of another database".into()),
    })
}
