//! Verify as a pre-flight check: one row per thing a binary log reader needs, pass or
//! FAIL, read-only, before the tool is pointed at the server: the binary log's settings
//! and retention, the account and its password's expiry, exactly its grants.
//!
//! The retention is read from the server's table of variables, through a prepared
//! statement (a query naming a table or variable that does not exist fails): MariaDB keeps
//! it in `information_schema.GLOBAL_VARIABLES`, MySQL 5.7.6+ in
//! `performance_schema.global_variables` (MySQL Reference Manual, "Migrating to
//! Performance Schema System and Status Variable Tables": 8.0 removed the
//! `information_schema` ones), and `binlog_expire_logs_seconds` (MySQL 8.0+, MariaDB
//! 10.6.1+) or `expire_logs_days` (MySQL before 8.4, every MariaDB) may be missing. MySQL
//! 8.0 reads days only while seconds is 0, and 8.0.29+ purges nothing with
//! `binlog_expire_logs_auto_purge = OFF`. On Amazon RDS the table `mysql.rds_configuration`
//! says instead (its `binlog retention hours`, NULL by default: purged as soon as RDS
//! can), as Estuary's and PeerDB's MySQL captures read it (estuary/connectors#270,
//! PeerDB-io/peerdb#2772).

use super::{replication_privileges, RETENTION_SECONDS};
use crate::core::backend::mysql::checks::Checked;
use crate::core::backend::mysql::guard::prepared_if;
use crate::core::backend::mysql::Str;
use crate::core::drift::mysql::{expiry_read_sql, expiry_verify_parts, same_privilege};

/// The names a privilege goes by (itself and its alias), as a SQL list of strings.
fn names_of(p: &str) -> String {
    [
        "REPLICATION SLAVE",
        "REPLICATION REPLICA",
        "REPLICATION CLIENT",
        "BINLOG MONITOR",
    ]
    .iter()
    .filter(|n| same_privilege(p, n))
    .map(|n| Str::new(n).to_string())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The statements that read the retention into `@grantsmith_retention` (seconds, 0 for
/// never) and, on Amazon RDS, `@grantsmith_rds_hours`.
fn retention() -> String {
    let vars = "LOWER(VARIABLE_NAME)";
    let read = format!(
        "SET @grantsmith_retention = (SELECT IF(MAX(IF({vars} = 'binlog_expire_logs_auto_purge', VARIABLE_VALUE, NULL)) = 'OFF', 0, COALESCE(NULLIF(MAX(IF({vars} = 'binlog_expire_logs_seconds', CAST(VARIABLE_VALUE AS DECIMAL(20, 6)), NULL)), 0), MAX(IF({vars} = 'expire_logs_days', CAST(VARIABLE_VALUE AS DECIMAL(20, 6)) * 86400, NULL)), 0)) FROM "
    );
    let filter = format!(" WHERE {vars} IN ('binlog_expire_logs_auto_purge', 'binlog_expire_logs_seconds', 'expire_logs_days'))");
    format!(
        "SET @grantsmith_retention = NULL, @grantsmith_rds_hours = NULL;
SET @grantsmith_sql = CONCAT({}, IF(VERSION() LIKE '%MariaDB%', 'information_schema.GLOBAL_VARIABLES', 'performance_schema.global_variables'), {});
PREPARE grantsmith_retention FROM @grantsmith_sql;
EXECUTE grantsmith_retention;
DEALLOCATE PREPARE grantsmith_retention;
SET @grantsmith_rds = EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'rds_configuration');
{}",
        Str::new(&read),
        Str::new(&filter),
        prepared_if(
            "@grantsmith_rds",
            "SET @grantsmith_rds_hours = (SELECT value FROM mysql.rds_configuration WHERE name = 'binlog retention hours')",
            "grantsmith_rds"
        )
    )
}

/// The verify script: the reads above and the password's expiry's, then one query, a
/// row per check.
pub fn verify(c: &Checked) -> String {
    let g = c.account.grantee();
    let names = replication_privileges(c.mariadb_105);
    let (days, hours) = (RETENTION_SECONDS / 86400, RETENTION_SECONDS / 3600);
    let mut rows = vec![
        "SELECT 1 AS ord, 'binary log on (log_bin)' AS item, IF(@@GLOBAL.log_bin, 'ON', 'OFF') AS object, @@GLOBAL.log_bin = 1 AS ok".to_string(),
        "SELECT 2, 'binlog_format is ROW', @@GLOBAL.binlog_format, @@GLOBAL.binlog_format = 'ROW'".into(),
        "SELECT 3, 'binlog_row_image is FULL', @@GLOBAL.binlog_row_image, @@GLOBAL.binlog_row_image = 'FULL'".into(),
        format!("SELECT 4, 'binary logs kept {days} days or more (or never purged)',
         IF(@grantsmith_rds, CONCAT('Amazon RDS binlog retention hours: ', COALESCE(@grantsmith_rds_hours, 'NULL (purged as soon as RDS can)')),
            IF(@grantsmith_retention = 0, 'never purged automatically', CONCAT(ROUND(@grantsmith_retention), ' seconds'))),
         IF(@grantsmith_rds, COALESCE(@grantsmith_rds_hours >= {hours}, FALSE), @grantsmith_retention = 0 OR @grantsmith_retention >= {RETENTION_SECONDS})"),
        format!("SELECT 5, 'account exists', {}, EXISTS (SELECT 1 FROM mysql.user WHERE User = {} AND Host = {})",
            Str::new(&c.account.to_string()), c.account.user(), c.account.host()),
    ];
    // The password's expiry, read first by `expiry_read_sql` (its table differs).
    let (has, want, ok) = expiry_verify_parts(c.valid_until.as_deref());
    rows.push(format!("SELECT 5, {want}, {has}, COALESCE({ok}, FALSE)"));
    for p in names {
        rows.push(format!(
            "SELECT 6, 'global privilege (ON *.*)', {}, EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES p WHERE p.GRANTEE = {g} AND p.PRIVILEGE_TYPE IN ({}))",
            Str::new(p),
            names_of(p)
        ));
    }
    let dbs: Vec<String> = c
        .dbs
        .iter()
        .map(|d| format!("CAST({} AS BINARY)", Str::new(d.grant_pattern().raw())))
        .collect();
    for (d, db) in dbs.iter().zip(&c.dbs) {
        rows.push(format!(
            "SELECT 7, 'SELECT on the database', {}, EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES p WHERE p.GRANTEE = {g} AND CAST(p.TABLE_SCHEMA AS BINARY) = {d} AND p.PRIVILEGE_TYPE = 'SELECT')",
            Str::new(db.raw())
        ));
    }
    let accepted: Vec<String> = names.iter().map(|p| names_of(p)).collect();
    let grant_option = "IF(p.IS_GRANTABLE = 'YES', ' WITH GRANT OPTION', '')";
    rows.push(format!(
        "SELECT 8, 'no privilege beyond these', COALESCE(GROUP_CONCAT(x.what ORDER BY x.what SEPARATOR ', '), 'none'), COUNT(*) = 0
    FROM (SELECT CONCAT('*.* ', p.PRIVILEGE_TYPE, {grant_option}) AS what FROM information_schema.USER_PRIVILEGES p
           WHERE p.GRANTEE = {g} AND (p.PRIVILEGE_TYPE NOT IN ('USAGE', {accepted}) OR p.IS_GRANTABLE = 'YES')
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.* ', p.PRIVILEGE_TYPE, {grant_option}) FROM information_schema.SCHEMA_PRIVILEGES p
           WHERE p.GRANTEE = {g} AND (p.PRIVILEGE_TYPE <> 'SELECT' OR CAST(p.TABLE_SCHEMA AS BINARY) NOT IN ({dbs}) OR p.IS_GRANTABLE = 'YES')
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, ' ', p.PRIVILEGE_TYPE) FROM information_schema.TABLE_PRIVILEGES p WHERE p.GRANTEE = {g}
          UNION ALL
          SELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, ' (', p.COLUMN_NAME, ') ', p.PRIVILEGE_TYPE) FROM information_schema.COLUMN_PRIVILEGES p WHERE p.GRANTEE = {g}) x",
        accepted = accepted.join(", "),
        dbs = dbs.join(", "),
    ));
    format!(
        "-- Verify the change-data-capture user: a pre-flight check, one row each, pass or FAIL.
-- Read-only (it sets only session variables); run it as the administrator that ran the setup.
{}SELECT c.item, c.object, IF(c.ok, 'pass', 'FAIL') AS result
FROM (
  {}
) AS c
ORDER BY c.ord, c.object;
",
        retention() + &expiry_read_sql(&c.account),
        rows.join("\n  UNION ALL\n  ")
    )
}
