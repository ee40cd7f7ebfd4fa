//! The keys of every form field: one key space for the page's hooks, share links, the
//! embed's `data-*` attributes, the CLI's flags and its JSON.

/// Every text input of every form, by a stable key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Server host (Snowflake: the account identifier).
    Host,
    /// Server port.
    Port,
    /// The user to create (BigQuery: the service account's e-mail address).
    Role,
    /// The database (BigQuery: the project ID).
    Database,
    /// Schemas (MySQL: databases, BigQuery: datasets), commas or new lines.
    Schemas,
    /// Schemas matching this regular expression (metadata sync, all schemas).
    Include,
    /// …and not this one.
    Exclude,
    /// Roles whose future objects get default privileges.
    Owners,
    /// MySQL: the host part of the account (`'user'@'host'`).
    ClientHost,
    /// Snowflake: the warehouse the user runs queries on.
    Warehouse,
    /// BigQuery: the datasets' location, for the verify query.
    Location,
    /// Snowflake: the RSA public key of the user's key pair.
    PublicKey,
    /// Metadata sync: the connection's name in the tool.
    ConnectionName,
    /// Metadata sync: the environment variable the tool reads the password from.
    PasswordEnvName,
    /// PostgreSQL presets and Redshift (`VALID UNTIL`), MySQL and MariaDB (`PASSWORD
    /// EXPIRE INTERVAL`): the date the password stops working; empty: never.
    ValidUntil,
    /// Change data capture: the published tables, `schema.table`, commas or new lines.
    Tables,
    /// PostgreSQL presets on Supabase's pooler host: the project ref, because Supavisor
    /// signs the user in as `user.project-ref`.
    ProjectRef,
    /// The password (never in a link, storage or request).
    Password,
}

impl Field {
    /// Every field, in storage order.
    pub const ALL: [Field; 18] = [
        Field::Host,
        Field::Port,
        Field::Role,
        Field::Database,
        Field::Schemas,
        Field::Include,
        Field::Exclude,
        Field::Owners,
        Field::ClientHost,
        Field::Warehouse,
        Field::Location,
        Field::PublicKey,
        Field::ConnectionName,
        Field::PasswordEnvName,
        Field::ValidUntil,
        Field::Tables,
        Field::ProjectRef,
        Field::Password,
    ];

    /// Key in links, `data-*`, the CLI and JSON; the input's `data-testid`; the field
    /// name in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Host => "host",
            Field::Port => "port",
            Field::Role => "role",
            Field::Database => "database",
            Field::Schemas => "schemas",
            Field::Include => "include",
            Field::Exclude => "exclude",
            Field::Owners => "owners",
            Field::ClientHost => "client-host",
            Field::Warehouse => "warehouse",
            Field::Location => "location",
            Field::PublicKey => "public-key",
            Field::ConnectionName => "connection-name",
            Field::PasswordEnvName => "password-env-name",
            Field::ValidUntil => "valid-until",
            Field::Tables => "tables",
            Field::ProjectRef => "project-ref",
            Field::Password => "password",
        }
    }

    /// The field named by `key` (the password never comes from a key: it is not shared).
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.as_str() == key && *f != Field::Password)
    }

    /// Position in [`Field::ALL`] (bit in the page's "touched" set).
    pub fn index(self) -> usize {
        self as usize
    }
}
