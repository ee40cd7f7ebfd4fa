//! Change data capture on MySQL and MariaDB: an account that reads the binary log as a
//! replica does (the global replication privileges, under the server's own names) and
//! the listed databases' tables (`SELECT`, the tool's first copy); verify as a
//! pre-flight check of the server's binary log settings and of exactly these grants;
//! the provider's note above Generate. Uninstall is every MySQL preset's: the account
//! dropped, its privileges with it.
//!
//! Sources: the MySQL Reference Manual, "Privileges Provided by MySQL" (`REPLICATION
//! SLAVE`, `REPLICATION CLIENT`: administrative privileges, global only); the MariaDB
//! Knowledge Base, "GRANT" (10.5.2 renamed `REPLICATION CLIENT` to `BINLOG MONITOR` and
//! added `REPLICATION REPLICA` as a synonym of `REPLICATION SLAVE`); Debezium's MySQL
//! connector documentation (the account a binlog reader needs).

pub mod notes;
mod setup;
pub mod spec;
mod verify;

pub(super) use setup::setup;
pub(super) use verify::verify;

/// The global privileges that let an account read the binary log as a replica does:
/// the first streams it (the replication protocol's binlog dump), the second lets the
/// tool ask which files there are and where the log ends (`SHOW BINARY LOGS`, `SHOW
/// MASTER STATUS`). Under MariaDB 10.5.2+'s own names when `mariadb_105`.
///
/// ```
/// use grantsmith::core::backend::mysql::cdc::replication_privileges;
/// assert_eq!(replication_privileges(false), ["REPLICATION SLAVE", "REPLICATION CLIENT"]);
/// assert_eq!(replication_privileges(true), ["REPLICATION REPLICA", "BINLOG MONITOR"]);
/// ```
pub fn replication_privileges(mariadb_105: bool) -> &'static [&'static str] {
    if mariadb_105 {
        &["REPLICATION REPLICA", "BINLOG MONITOR"]
    } else {
        &["REPLICATION SLAVE", "REPLICATION CLIENT"]
    }
}

/// The retention verify asks for: 7 days, Estuary's documented minimum for its MySQL
/// capture (estuary/connectors#181; Airbyte's MySQL guide asks for 10): a tool paused
/// longer than the binary logs are kept must copy every table again (airbytehq/airbyte#6425,
/// "binlog … is no longer available on the server").
pub const RETENTION_SECONDS: u32 = 7 * 24 * 3600;
