//! Connection details in the form each client reads: for PostgreSQL and Redshift the
//! URI, a keyword/value string, `PG*` environment variables, a `.pgpass` line and the
//! code for node-postgres, psycopg and SQLAlchemy; for MySQL the URI and the code for
//! mysql2, PyMySQL and SQLAlchemy. Each writer quotes by its own form's rules; a value a
//! form cannot carry is refused, never cut.

pub use super::client_write::{uri, write};
pub use super::host::Host;
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
    /// The forms of `db`'s connection details, in picker order (the first is the
    /// default); none where the page writes one fixed form. Redshift has no pgjdbc
    /// form: its own JDBC driver reads other URLs. One list per database: a new form
    /// goes into its database's list only.
    pub fn for_db(db: Db) -> &'static [Client] {
        use Client::*;
        match db {
            Db::Postgres => &[
                Uri,
                KeywordValue,
                Env,
                Pgpass,
                NodePg,
                Psycopg,
                SqlAlchemyPg,
                JdbcPg,
            ],
            Db::Redshift => &[
                Uri,
                KeywordValue,
                Env,
                Pgpass,
                NodePg,
                Psycopg,
                SqlAlchemyPg,
            ],
            Db::MySql => &[
                MySqlUri,
                Mysql2,
                PyMySql,
                SqlAlchemyMySql,
                JdbcMySql,
                JdbcMariaDb,
            ],
            Db::SqlServer => &[AdoNet, Mssql, JdbcSqlServer],
            Db::Snowflake => &[SnowflakeConnector, SqlAlchemySnowflake, JdbcSnowflake],
            Db::BigQuery => &[SqlAlchemyBigQuery, BigQueryUri],
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

/// What a client needs to connect (host, port, database, user, password, TLS),
/// validated and defaulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// The host: each form writes it bare or for a URL (see [`Host`]).
    pub host: Host,
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
