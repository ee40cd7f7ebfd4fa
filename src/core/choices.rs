//! The closed sets the form picks from: the database, the preset, the scope. Each has
//! stable keys (picker values, URL fragment, CLI, `data-*`) and labels.

/// The database picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Db {
    /// PostgreSQL 14+ (the original applet and the presets).
    #[default]
    Postgres,
    /// MySQL 5.7+ and MariaDB 10.4.3+ (one syntax for what is generated here; the
    /// password's expiry, `PASSWORD EXPIRE`, came to MariaDB in 10.4.3).
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

/// Defines a closed set with stable keys and labels: `ALL`, `as_str`, `label`,
/// `from_key`.
macro_rules! keyed_enum {
    ($t:ident { $($v:ident => $key:literal, $label:literal;)* }) => {
        impl $t {
            /// Every value, in picker order.
            pub const ALL: &'static [$t] = &[$($t::$v),*];
            /// Stable key (picker value, URL fragment, CLI, `data-*`).
            pub fn as_str(self) -> &'static str {
                match self { $($t::$v => $key),* }
            }
            /// Name in the picker.
            pub fn label(self) -> &'static str {
                match self { $($t::$v => $label),* }
            }
            /// The value named by `key`, if any.
            pub fn from_key(key: &str) -> Option<$t> {
                Self::ALL.iter().copied().find(|v| v.as_str() == key)
            }
        }
    };
}

keyed_enum!(Db {
    Postgres => "postgresql", "PostgreSQL";
    MySql => "mysql", "MySQL / MariaDB";
    SqlServer => "sqlserver", "SQL Server";
    Snowflake => "snowflake", "Snowflake";
    Redshift => "redshift", "Amazon Redshift";
    BigQuery => "bigquery", "BigQuery";
});

/// What the user is for: one named access profile per idea, whatever the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Preset {
    /// The original applet's trigger-based integration user (PostgreSQL only).
    #[default]
    Original,
    /// `seeds/001`: read metadata (and, on PostgreSQL, table contents) only.
    Metadata,
    /// `seeds/002`: the read/write connector (sources and transformations).
    ReadWrite,
    /// `seeds/002`: the read-only connector.
    ReadOnly,
    /// Every privilege chosen per object kind.
    Custom,
    /// A change-data-capture user: PostgreSQL's logical replication (its publication and
    /// slot), MySQL's binary log, SQL Server's CDC.
    Cdc,
}

keyed_enum!(Preset {
    Original => "original", "Original applet (trigger-based integration)";
    Metadata => "metadata", "Read-only metadata sync";
    ReadWrite => "connector-rw", "Read/write connector (sources and transformations)";
    ReadOnly => "connector-ro", "Read-only connector (sources)";
    Custom => "custom", "Custom privileges";
    Cdc => "cdc", "Change data capture (logical replication)";
});

/// A preset's own on/off options (each starts off), by stable key: the page's
/// checkboxes, links, `data-*`, the CLI's switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Switch {
    /// Change data capture: publish whole schemas (`FOR TABLES IN SCHEMA`, 15+).
    WholeSchemas,
    /// Change data capture: the script creates the replication slot.
    CreateSlot,
    /// Change data capture: `REPLICA IDENTITY FULL` on tables that have none usable.
    ReplicaIdentityFull,
    /// Change data capture: the listed tables go to a group role their owners and the
    /// user belong to (Debezium's documented way), so the tool may create and alter its
    /// publication; the user then may write, alter and drop those tables.
    OwnersGroup,
    /// MySQL change data capture: the server is MariaDB 10.5.2 or later, whose own names
    /// for the replication privileges are `REPLICATION REPLICA` and `BINLOG MONITOR`.
    MariaDb105,
}

keyed_enum!(Switch {
    WholeSchemas => "whole-schemas", "Publish whole schemas (PostgreSQL 15+, run by a superuser)";
    CreateSlot => "create-slot", "Create the replication slot in the script (else the tool does)";
    ReplicaIdentityFull => "replica-identity-full", "REPLICA IDENTITY FULL on published tables without a primary key";
    OwnersGroup => "owners-group", "Let the tool manage its publication (Debezium's publication.autocreate.mode): the listed tables go to a group of their owners and this user, who may then write, alter and drop them";
    MariaDb105 => "mariadb-10-5", "MariaDB 10.5.2 or later (its own names: REPLICATION REPLICA, BINLOG MONITOR)";
});

/// Which schemas the grants reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every schema the runner can use (original), or every schema matching the
    /// include/exclude filters (metadata sync).
    #[default]
    All,
    /// Exactly the listed schemas.
    Listed,
}
