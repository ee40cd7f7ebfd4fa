//! The change-data-capture setup: every MySQL preset's account statements, then the
//! global replication privileges and `SELECT` on each listed database, nothing else.

use super::replication_privileges;
use crate::core::backend::checks::comments;
use crate::core::backend::mysql::checks::Checked;
use crate::core::backend::mysql::setup::{account, traps};
use crate::core::backend::mysql::Str;

/// Before any change, when the MariaDB 10.5 option is on: the server must be MariaDB
/// 10.5.2 or later, whose names the grant uses (MySQL refuses `REPLICATION REPLICA` as a
/// syntax error, after the account would already be made). The version is read without
/// its suffix (`10.11.6-MariaDB-0+deb12u1`) so no part of it is cast with a warning.
/// It stops the script the way the account checks do (see `guard`): a SET that fails.
fn server_check() -> String {
    let stop = Str::new(
        "Nothing changed: this server is not MariaDB 10.5.2 or later, whose privilege names the option asks for. Untick the MariaDB 10.5 option and generate again.",
    );
    format!(
        "-- The MariaDB 10.5 option is on: stop, with nothing changed, on a server whose privileges have other names.
SET @grantsmith_version = SUBSTRING_INDEX(VERSION(), '-', 1);
SET SESSION completion_type = IF(VERSION() LIKE '%MariaDB%'
    AND CAST(SUBSTRING_INDEX(@grantsmith_version, '.', 1) AS UNSIGNED) * 10000
      + CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(@grantsmith_version, '.', 2), '.', -1) AS UNSIGNED) * 100
      + CAST(SUBSTRING_INDEX(@grantsmith_version, '.', -1) AS UNSIGNED) >= 100502,
  @@SESSION.completion_type, {stop});
"
    )
}

/// The setup script: safe to re-run, it resets the password and replaces every
/// privilege of the account with exactly the replication privileges and `SELECT`.
pub fn setup(c: &Checked) -> String {
    let names = replication_privileges(c.mariadb_105);
    let mut sql = format!(
        "-- Change-data-capture user for {}, made by Grantsmith: it reads the binary log as a replica does,\n-- and the listed databases' tables (the tool's first copy of them).\n-- Run as an administrator (root, for instance): it needs CREATE USER and GRANT OPTION, the replication privileges it grants, SELECT on mysql.user, and CREATE, SELECT and INSERT on the database grantsmith.\n-- Safe to re-run: it resets the password and replaces every privilege of the user with exactly these.\n",
        if c.mariadb_105 {
            "MariaDB 10.5.2 or later"
        } else {
            "MySQL / MariaDB (MariaDB 10.5.2+ reads these names as its own synonyms)"
        }
    );
    let mut t = vec!["The binary log holds the changes to every database on the server: the replication privileges let this user read all of them, not only the listed databases' (the tool keeps those; the server cannot filter).".to_string()];
    t.extend(traps(c));
    comments(&mut sql, &t);
    if c.mariadb_105 {
        sql.push_str(&server_check());
    }
    sql.push_str(&account(c));
    let account = &c.account;
    sql.push_str(&format!(
        "-- Read the binary log as a replica does: {} streams it, {} tells where it is\n-- (SHOW BINARY LOGS, SHOW MASTER STATUS). Both exist only globally, ON *.*: neither MySQL nor\n-- MariaDB has a database-level replication privilege.\nGRANT {} ON *.* TO {account};\n-- Read the listed databases' tables: the tool's first copy of them\n",
        names[0],
        names[1],
        names.join(", ")
    ));
    for db in &c.dbs {
        sql.push_str(&format!(
            "GRANT SELECT ON {}.* TO {account};\n",
            db.grant_pattern()
        ));
    }
    sql
}
