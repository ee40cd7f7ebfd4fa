//! What MySQL change data capture needs beyond the script, said above Generate: the
//! server's binary log settings, and on Amazon RDS and Aurora the call that keeps binary
//! logs at all.
//!
//! Sources: MySQL Reference Manual, "Binary Logging Options and Variables" (`log_bin` on
//! by default from 8.0; `binlog_format`, `binlog_row_image`, `binlog_expire_logs_seconds`);
//! MariaDB Knowledge Base, "Replication and Binary Log System Variables"
//! (`binlog_expire_logs_seconds` from 10.6.1, `expire_logs_days` before); AWS, "Amazon RDS
//! for MySQL: mysql.rds_set_configuration" (`binlog retention hours`: RDS otherwise
//! purges binary logs as soon as it can) and "Configuring MySQL binary logging" (the
//! binary log needs automated backups, and `binlog_format` is a parameter group's);
//! airbytehq/airbyte#6425 (a sync lost to purged binary logs on RDS).

use super::RETENTION_SECONDS;
use crate::core::intent::{Field, Intent};
use crate::core::provider::Provider;

/// The notes above Generate for MySQL's change-data-capture preset.
///
/// ```
/// use grantsmith::core::backend::mysql::cdc::notes::notes;
/// use grantsmith::core::{Db, Field, Intent, Preset};
/// let i = Intent::new(Db::MySql, Preset::Cdc).with(Field::Host, "app.x.eu-west-1.rds.amazonaws.com");
/// assert!(notes(&i).iter().any(|n| n.contains("'binlog retention hours', 168")));
/// ```
pub fn notes(i: &Intent) -> Vec<String> {
    let days = RETENTION_SECONDS / 86400;
    let mut n = vec![format!(
        "Server settings (my.cnf, then a restart): the binary log on (log_bin; on by default in MySQL 8.0+, off in MariaDB), binlog_format = ROW, binlog_row_image = FULL, and binary logs kept at least {days} days so a paused tool can catch up: binlog_expire_logs_seconds = {RETENTION_SECONDS} (MySQL 8.0+, MariaDB 10.6.1+; before them expire_logs_days = {days}). Verify reads each."
    )];
    if Provider::of_host(i.get(Field::Host)) == Some(Provider::Rds) {
        n.push(format!(
            "Amazon RDS / Aurora: the binary log is on only with automated backups (a backup retention period above 0); binlog_format = ROW is set in the DB parameter group; and RDS purges binary logs as soon as it can unless told to keep them: CALL mysql.rds_set_configuration('binlog retention hours', {}); as the master user (verify reads it).",
            days * 24
        ));
    }
    n
}
