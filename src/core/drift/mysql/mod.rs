//! The drift check for MySQL and MariaDB: an inspect query over `information_schema`
//! and `mysql.procs_priv` in the PostgreSQL query's line format (header, escaped
//! tab-separated facts, counting trailer; run it with `mysql -N -B -r`), and the
//! comparison with the setup, which grants exactly its privileges on each listed
//! database and nothing else (its script starts by revoking everything), and sets the
//! password's expiry (`expiry`). The query is in `inspect`, the privilege facts' kinds
//! and `ON` clauses in `facts`.
//!
//! Role memberships are not listed: MySQL (`mysql.role_edges`) and MariaDB
//! (`mysql.roles_mapping`) keep them in different tables, and one query must run on
//! both; `SHOW GRANTS` shows them.

mod expiry;
mod facts;
mod inspect;

pub use expiry::{read_sql as expiry_read_sql, verify_parts as expiry_verify_parts};

use super::compare::{Report, Row, Status};
use super::{read, Inspection};
use crate::core::quote::mysql::{Account, Comment, Ident};
use facts::{describe, level, privilege_word, LEVELS};

/// What the header's last field says for this query (PostgreSQL's is a fingerprint).
pub const MARK: &str = "mysql";

/// What a MySQL / MariaDB setup grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    /// The user part of the account.
    pub user: String,
    /// The host part.
    pub host: String,
    /// Each listed database as a database-level GRANT names it (`_` and `%` escaped).
    pub dbs: Vec<String>,
    /// What is granted on each.
    pub privs: &'static [&'static str],
    /// What is granted globally (`ON *.*`): change data capture's replication privileges.
    pub global: &'static [&'static str],
    /// The day the password stops working (`PASSWORD EXPIRE INTERVAL`, counted to that
    /// day in UTC); `None`: the server's policy (`PASSWORD EXPIRE DEFAULT`).
    pub expiry: Option<String>,
}

/// Replication privileges MariaDB 10.5.2+ names otherwise (MariaDB Knowledge Base,
/// "GRANT": `REPLICATION REPLICA` is a synonym of `REPLICATION SLAVE`, and `BINLOG
/// MONITOR` the new name of `REPLICATION CLIENT`): MySQL's and older MariaDB's name
/// first. A GRANT of either name gives the one privilege, shown under one of them.
pub const ALIASES: [(&str, &str); 2] = [
    ("REPLICATION SLAVE", "REPLICATION REPLICA"),
    ("REPLICATION CLIENT", "BINLOG MONITOR"),
];

/// Whether `a` and `b` name the same privilege (equal, or one the other's alias).
///
/// ```
/// use grantsmith::core::drift::mysql::same_privilege;
/// assert!(same_privilege("BINLOG MONITOR", "REPLICATION CLIENT"));
/// assert!(!same_privilege("REPLICATION SLAVE", "BINLOG MONITOR"));
/// ```
pub fn same_privilege(a: &str, b: &str) -> bool {
    a == b
        || ALIASES
            .iter()
            .any(|(x, y)| (a == *x && b == *y) || (a == *y && b == *x))
}

impl Expect {
    fn account(&self) -> Account {
        Account::new(&self.user, &self.host)
    }

    /// Reads a paste of the inspect output and compares it with the setup.
    pub fn check(&self, paste: &str) -> Result<Report, String> {
        if !paste.contains('\t') && paste.contains("\\t") {
            return Err("The tabs in this output are escaped: run the inspect query with mysql -N -B -r (raw), which prints each line as it is.".into());
        }
        let i = read(paste, &self.user)?;
        if i.tag != MARK {
            return Err("This is the PostgreSQL inspect query's output: copy the MySQL query shown here and run it.".into());
        }
        if i.database != self.host {
            return Err(format!(
                "This is the output for the account {}, not {}: run the inspect query shown here.",
                Account::new(&self.user, &i.database),
                self.account()
            ));
        }
        Ok(self.compare(&i))
    }

    /// The rows: extras first (all dangerous but a database privilege the read/write
    /// setup also grants elsewhere), then missing, then present.
    /// A Missing row, with its GRANT, for each privilege the setup grants and the paste
    /// did not show (`seen`: database and privilege).
    fn missing(&self, seen: &[(String, &str)], account: &Account) -> Vec<Row> {
        let mut missing = Vec::new();
        for p in self.global {
            if !seen.iter().any(|(d, q)| d == "*" && same_privilege(q, p)) {
                missing.push(row(
                    Status::Missing,
                    false,
                    format!("{p} on every database (*.*)"),
                    Some(format!("GRANT {p} ON *.* TO {account};")),
                ));
            }
        }
        for db in &self.dbs {
            for p in self.privs {
                if !seen.iter().any(|(d, q)| d == db && q == p) {
                    let on = Ident::new(db);
                    missing.push(row(
                        Status::Missing,
                        false,
                        format!("{p} on database {on}"),
                        Some(format!("GRANT {p} ON {on}.* TO {account};")),
                    ));
                }
            }
        }
        missing
    }

    fn compare(&self, i: &Inspection) -> Report {
        let account = self.account();
        let mut extra = Vec::new();
        let mut present = Vec::new();
        let mut options = Vec::new();
        if !i.exists {
            return Report {
                role: Comment::new(&account.to_string()).to_string(),
                rows: vec![row(
                    Status::Missing,
                    false,
                    format!("the account {account} (run the setup script)"),
                    None,
                )],
                atomic: false,
            };
        }
        let mut seen = Vec::new();
        for f in i.facts.iter().filter(|f| LEVELS.contains(&f.kind.as_str())) {
            let (level, privilege, grantable) = level(&f.kind, &f.fields);
            let on = describe(&f.kind, &f.fields);
            let global =
                f.kind == "global" && self.global.iter().any(|g| same_privilege(g, privilege));
            let wanted = global
                || f.kind == "schema"
                    && self.dbs.contains(&f.fields[0])
                    && self.privs.contains(&privilege);
            if grantable && !options.contains(&level) {
                options.push(level.clone());
            }
            let level = level.unwrap_or_default();
            if wanted {
                let at = if global { "*" } else { f.fields[0].as_str() };
                seen.push((at.to_string(), privilege));
                present.push(row(
                    Status::Present,
                    false,
                    format!("{privilege} on {on}"),
                    None,
                ));
                continue;
            }
            let fix = privilege_word(privilege).map(|p| match f.kind.as_str() {
                "column" => format!(
                    "REVOKE {p} ({}) ON {level} FROM {account};",
                    Ident::new(&f.fields[2])
                ),
                "routine" => format!("REVOKE {p} ON {level} FROM {account};"),
                _ => format!("REVOKE {p} ON {level} FROM {account};"),
            });
            let danger = f.kind == "global" || !self.privs.contains(&privilege);
            extra.push(row(
                Status::Extra,
                danger,
                format!("{privilege} on {on}"),
                fix,
            ));
        }
        for level in options {
            let Some(level) = level else { continue };
            extra.insert(
                0,
                row(
                    Status::Extra,
                    true,
                    format!("GRANT OPTION on {level}"),
                    Some(format!("REVOKE GRANT OPTION ON {level} FROM {account};")),
                ),
            );
        }
        let mut missing = self.missing(&seen, &account);
        match expiry::compare(&account, self.expiry.as_deref(), i) {
            Some(r) if r.status == Status::Extra => extra.push(r),
            Some(r) if r.status == Status::Missing => missing.push(r),
            Some(r) => present.push(r),
            None => {}
        }
        let (danger, rest): (Vec<Row>, Vec<Row>) = extra.into_iter().partition(|r| r.danger);
        Report {
            role: Comment::new(&account.to_string()).to_string(),
            rows: [danger, rest, missing, present].concat(),
            atomic: false,
        }
    }
}

/// A row, its text escaped for the fix script's comment lines: the privilege word and
/// the names in it come from the paste, and a database named "_x\nGO" (an account with
/// CREATE can make one) would otherwise end the comment and run `GO` as root.
fn row(status: Status, danger: bool, what: String, fix: Option<String>) -> Row {
    Row {
        status,
        danger,
        what: Comment::new(&what).to_string(),
        fix,
        after_commit: false,
    }
}
