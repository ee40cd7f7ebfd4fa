//! Connection details in the form each client reads: for PostgreSQL and Redshift the
//! URI, a keyword/value string, `PG*` environment variables, a `.pgpass` line and the
//! code for node-postgres, psycopg and SQLAlchemy; for MySQL the URI and the code for
//! mysql2, PyMySQL and SQLAlchemy. Each writer quotes by its own form's rules; a value a
//! form cannot carry is refused, never cut.

use super::client_code::{jdbc, node, python, sqlalchemy};
use super::conn::{connection_uri, percent_encode, ConnParts, PASSWORD_PLACEHOLDER};
use super::intent::Db;

/// A form of the connection details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Client {
    /// `postgresql://user:password@host:port/database`: libpq and most drivers.
    #[default]
    Uri,
    /// `host='…' port=… dbname='…' user='…' password='…'`: libpq's keyword/value form.
    KeywordValue,
    /// `export PGHOST='…'` lines for a POSIX shell: libpq's environment variables.
    Env,
    /// `host:port:database:user:password`: a line of libpq's password file.
    Pgpass,
    /// node-postgres's config object.
    NodePg,
    /// psycopg's `connect(…)`.
    Psycopg,
    /// SQLAlchemy's `URL.create("postgresql+psycopg", …)`.
    SqlAlchemyPg,
    /// JDBC with pgjdbc: the URL and `Properties`.
    JdbcPg,
    /// `mysql://user:password@host:port/database`: MySQL Shell's URI.
    MySqlUri,
    /// mysql2's config object.
    Mysql2,
    /// PyMySQL's `connect(…)`.
    PyMySql,
    /// SQLAlchemy's `URL.create("mysql+pymysql", …)`.
    SqlAlchemyMySql,
    /// JDBC with MySQL Connector/J: the URL, `Properties` and `setCatalog`.
    JdbcMySql,
    /// JDBC with MariaDB Connector/J: the URL, `Properties` and `setCatalog`.
    JdbcMariaDb,
    /// SQL Server's ADO.NET connection string (.NET SqlClient; mssql and tedious parse it).
    AdoNet,
    /// The mssql (tedious) config object for Node.
    Mssql,
    /// JDBC with mssql-jdbc: everything in `Properties`.
    JdbcSqlServer,
    /// Snowflake's Python connector: `snowflake.connector.connect(…)` with the key file.
    SnowflakeConnector,
    /// snowflake-sqlalchemy: the account and user in `URL.create`, the rest in
    /// `connect_args`.
    SqlAlchemySnowflake,
    /// JDBC with snowflake-jdbc: the account's host, `Properties` with the key file.
    JdbcSnowflake,
    /// sqlalchemy-bigquery: `URL.create("bigquery", host=project, …)`.
    SqlAlchemyBigQuery,
    /// `bigquery://project/dataset?location=…`: sqlalchemy-bigquery's URL.
    BigQueryUri,
}

impl Client {
    /// Every form.
    pub const ALL: [Client; 22] = [
        Client::Uri,
        Client::KeywordValue,
        Client::Env,
        Client::Pgpass,
        Client::NodePg,
        Client::Psycopg,
        Client::SqlAlchemyPg,
        Client::JdbcPg,
        Client::MySqlUri,
        Client::Mysql2,
        Client::PyMySql,
        Client::SqlAlchemyMySql,
        Client::JdbcMySql,
        Client::JdbcMariaDb,
        Client::AdoNet,
        Client::Mssql,
        Client::JdbcSqlServer,
        Client::SnowflakeConnector,
        Client::SqlAlchemySnowflake,
        Client::JdbcSnowflake,
        Client::SqlAlchemyBigQuery,
        Client::BigQueryUri,
    ];

    /// The forms of `db`'s connection details, in picker order (the first is the
    /// default); none where the page writes one fixed form. Redshift has no pgjdbc
    /// form: its own JDBC driver reads other URLs.
    pub fn for_db(db: Db) -> &'static [Client] {
        match db {
            Db::Postgres => &Client::ALL[..8],
            Db::Redshift => &Client::ALL[..7],
            Db::MySql => &Client::ALL[8..14],
            Db::SqlServer => &Client::ALL[14..17],
            Db::Snowflake => &Client::ALL[17..20],
            Db::BigQuery => &Client::ALL[20..],
        }
    }

    /// Stable key (picker value, CLI), unique within a database's forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Client::Uri | Client::MySqlUri => "uri",
            Client::KeywordValue => "keyword-value",
            Client::Env => "env",
            Client::Pgpass => "pgpass",
            Client::NodePg => "node-postgres",
            Client::Psycopg => "psycopg",
            Client::SqlAlchemyPg
            | Client::SqlAlchemyMySql
            | Client::SqlAlchemySnowflake
            | Client::SqlAlchemyBigQuery => "sqlalchemy",
            Client::BigQueryUri => "uri",
            Client::SnowflakeConnector => "connector",
            Client::Mysql2 => "mysql2",
            Client::PyMySql => "pymysql",
            Client::JdbcPg | Client::JdbcMySql | Client::JdbcSqlServer | Client::JdbcSnowflake => {
                "jdbc"
            }
            Client::JdbcMariaDb => "jdbc-mariadb",
            Client::AdoNet => "ado-net",
            Client::Mssql => "mssql",
        }
    }

    /// Name in the picker: the form and who reads it.
    pub fn label(self) -> &'static str {
        match self {
            Client::Uri => "URI (libpq, psql, psycopg, JDBC-style tools)",
            Client::KeywordValue => "Keyword/value string (libpq, psql, psycopg)",
            Client::Env => "PG* environment variables (a POSIX shell)",
            Client::Pgpass => ".pgpass line (libpq's password file)",
            Client::NodePg => "Node: node-postgres (pg) config",
            Client::Psycopg => "Python: psycopg 3 connect()",
            Client::SqlAlchemyPg
            | Client::SqlAlchemyMySql
            | Client::SqlAlchemySnowflake
            | Client::SqlAlchemyBigQuery => "Python: SQLAlchemy 2.x URL.create()",
            Client::BigQueryUri => "URL (sqlalchemy-bigquery)",
            Client::SnowflakeConnector => "Python: snowflake.connector.connect() with the key file",
            Client::MySqlUri => "URI (MySQL Shell)",
            Client::Mysql2 => "Node: mysql2 config",
            Client::PyMySql => "Python: PyMySQL connect()",
            Client::JdbcPg => "Java: JDBC (pgjdbc)",
            Client::JdbcMariaDb => "Java: JDBC (MariaDB Connector/J)",
            Client::JdbcMySql => "Java: JDBC (MySQL Connector/J)",
            Client::JdbcSqlServer => "Java: JDBC (mssql-jdbc)",
            Client::JdbcSnowflake => "Java: JDBC (snowflake-jdbc) with the key file",
            Client::AdoNet => "ADO.NET string (.NET SqlClient, mssql, tedious)",
            Client::Mssql => "Node: mssql (tedious) config",
        }
    }

    /// The name a download of this form gets.
    pub fn file_name(self) -> &'static str {
        match self {
            Client::Env => "grantsmith.env",
            Client::Pgpass => "pgpass",
            Client::NodePg | Client::Mysql2 | Client::Mssql => "grantsmith-connection.js",
            Client::Psycopg
            | Client::PyMySql
            | Client::SqlAlchemyPg
            | Client::SqlAlchemyMySql
            | Client::SqlAlchemySnowflake
            | Client::SqlAlchemyBigQuery
            | Client::SnowflakeConnector => "grantsmith_connection.py",
            Client::JdbcPg
            | Client::JdbcMySql
            | Client::JdbcMariaDb
            | Client::JdbcSqlServer
            | Client::JdbcSnowflake => "GrantsmithConnection.java",
            _ => "grantsmith-connection.txt",
        }
    }

    /// `db`'s form named by `key`, if any.
    pub fn from_key(db: Db, key: &str) -> Option<Client> {
        Client::for_db(db)
            .iter()
            .copied()
            .find(|c| c.as_str() == key)
    }
}

/// What a libpq connection needs, validated and defaulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// The host (IPv6 without brackets).
    pub host: String,
    /// The port.
    pub port: u16,
    /// The database.
    pub database: String,
    /// The user.
    pub user: String,
    /// The password, or `None` for the placeholder.
    pub password: Option<String>,
    /// Require TLS (`sslmode=require`).
    pub tls: bool,
}

/// `'…'` with `\` and `'` escaped by a backslash: a keyword/value value.
fn kv_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `'…'` for a POSIX shell: `'` closes, escapes and reopens.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A `.pgpass` field: `\` and `:` escaped by a backslash, and a lone `*` (which would
/// match any value) written as a literal star.
fn pgpass_field(s: &str) -> String {
    if s == "*" {
        return "\\*".into();
    }
    s.replace('\\', "\\\\").replace(':', "\\:")
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
        Client::Uri => {
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
        Client::KeywordValue => {
            let mut s = format!(
                "host={} port={} dbname={} user={} password={}",
                kv_quote(&c.host),
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
                format!("export PGHOST={}", sh_quote(&c.host)),
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
        Client::Mysql2 => node(
            "mysql2: mysql.createConnection(config) or mysql.createPool(config)",
            c,
            "database",
        ),
        Client::Psycopg => python("psycopg", c, "dbname", "sslmode=\"require\""),
        Client::PyMySql => python("pymysql", c, "database", "ssl={\"ca\": None}"),
        Client::SqlAlchemyPg => sqlalchemy("postgresql+psycopg", c),
        Client::SqlAlchemyMySql => sqlalchemy("mysql+pymysql", c),
        Client::JdbcPg => jdbc("pgjdbc", "postgresql", c, &[("sslmode", "require")]),
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
            use super::backend::sqlserver::ConnValue;
            format!(
                "Server=tcp:{},{};Database={};User ID={};Password={};Encrypt={};TrustServerCertificate=False",
                ConnValue(&c.host),
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
                super::host::host_for_uri(&c.host),
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
        Client::Pgpass => {
            let fields = [
                c.host.as_str(),
                c.database.as_str(),
                c.user.as_str(),
                password,
            ];
            if fields.iter().any(|f| f.contains(['\n', '\r'])) {
                return Err("A .pgpass line cannot hold a line break: use another form".into());
            }
            format!(
                "{}:{}:{}:{}:{}",
                pgpass_field(&c.host),
                c.port,
                pgpass_field(&c.database),
                pgpass_field(&c.user),
                pgpass_field(password)
            )
        }
    })
}
