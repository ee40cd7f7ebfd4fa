//! The drift check for MySQL and MariaDB: an inspect query over `information_schema`
//! and `mysql.procs_priv` in the PostgreSQL query's line format (header, escaped
//! tab-separated facts, counting trailer; run it with `mysql -N -B -r`), and the
//! comparison with the setup, which grants exactly its privileges on each listed
//! database and nothing else (its script starts by revoking everything).
//!
//! Role memberships are not listed: MySQL (`mysql.role_edges`) and MariaDB
//! (`mysql.roles_mapping`) keep them in different tables, and one query must run on
//! both; `SHOW GRANTS` shows them.

use super::compare::{Report, Row, Status};
use super::{read, Inspection};
use crate::core::drift::format::{HEADER, TRAILER, VERSION};
use crate::core::quote::mysql::{Account, Comment, Ident, Str};

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

/// `expr` escaped as the line format wants (`\`, tab, line feed, carriage return), with
/// `CHAR()` so the query means the same whatever `sql_mode` says about backslashes.
fn esc(expr: &str) -> String {
    format!(
        "REPLACE(REPLACE(REPLACE(REPLACE(CONVERT({expr} USING utf8mb4), CHAR(92), CONCAT(CHAR(92), CHAR(92))), \
CHAR(9), CONCAT(CHAR(92), 't')), CHAR(10), CONCAT(CHAR(92), 'n')), CHAR(13), CONCAT(CHAR(92), 'r'))"
    )
}

/// One line: the fields, escaped, joined by tabs.
fn line(fields: &[&str]) -> String {
    let parts: Vec<String> = fields.iter().map(|f| esc(f)).collect();
    format!("CONCAT_WS(CHAR(9), {})", parts.join(", "))
}

impl Expect {
    fn account(&self) -> Account {
        Account::new(&self.user, &self.host)
    }

    /// The inspect query: every privilege the account holds, at every level.
    pub fn inspect_sql(&self) -> String {
        let grantee = self.account().grantee();
        let (user, host) = (Str::new(&self.user), Str::new(&self.host));
        let g = "IF(IS_GRANTABLE = 'YES', 'grantable', '')";
        let routine = |p: &str, set: &str| {
            format!(
                "SELECT {} FROM mysql.procs_priv WHERE User = {user} AND Host = {host} AND FIND_IN_SET('{set}', Proc_priv)",
                line(&["'routine'", "Db", "Routine_name", "Routine_type", &format!("'{p}'"),
                    "IF(FIND_IN_SET('Grant', Proc_priv), 'grantable', '')"])
            )
        };
        format!(
            "-- Everything the account has, one line per fact (tab-separated fields). Read-only:
-- run it as an account that may read the mysql schema (the one that ran the setup) with
-- mysql -N -B -r, which prints each line as it is; the first and last lines frame them.
WITH facts (line) AS (
  SELECT {} FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = {grantee} AND PRIVILEGE_TYPE <> 'USAGE'
  UNION ALL
  SELECT {} FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = {grantee}
  UNION ALL
  SELECT {} FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = {grantee}
  UNION ALL
  SELECT {} FROM information_schema.COLUMN_PRIVILEGES WHERE GRANTEE = {grantee}
  UNION ALL
  {}
  UNION ALL
  {}
)
SELECT line FROM (
  SELECT 0 AS part, {} AS line
  UNION ALL
  SELECT 1, line FROM facts
  UNION ALL
  SELECT 2, CONCAT('{TRAILER}', CHAR(9), (SELECT COUNT(*) FROM facts))
) x ORDER BY part, line;",
            line(&["'global'", "PRIVILEGE_TYPE", g]),
            line(&["'schema'", "TABLE_SCHEMA", "PRIVILEGE_TYPE", g]),
            line(&["'table'", "TABLE_SCHEMA", "TABLE_NAME", "PRIVILEGE_TYPE", g]),
            line(&["'column'", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "PRIVILEGE_TYPE", g]),
            routine("EXECUTE", "Execute"),
            routine("ALTER ROUTINE", "Alter Routine"),
            line(&[
                &format!("'{HEADER}'"),
                &format!("'{VERSION}'"),
                &user.to_string(),
                &host.to_string(),
                &format!("IF(EXISTS (SELECT 1 FROM mysql.user WHERE User = {user} AND Host = {host}), 'exists', 'missing')"),
                "CURRENT_USER()",
                &format!("'{MARK}'"),
            ]),
        )
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
        let missing = self.missing(&seen, &account);
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

/// A privilege word MySQL or MariaDB prints: upper-case letters, spaces and `_` only,
/// so it can be written back into a statement as it is.
fn privilege_word(p: &str) -> Option<&str> {
    let ok = !p.is_empty()
        && p.bytes()
            .all(|b| b.is_ascii_uppercase() || b == b' ' || b == b'_');
    ok.then_some(p)
}

/// The kinds of fact the MySQL query writes.
const LEVELS: [&str; 5] = ["global", "schema", "table", "column", "routine"];

/// A name from the paste as an identifier; `None` for an empty one, which MySQL
/// cannot hold (that row then gets no statement).
fn name(raw: &str) -> Option<Ident> {
    (!raw.is_empty()).then(|| Ident::new(raw))
}

/// `(ON clause, privilege, grantable)` of a fact (one of [`LEVELS`]); the clause is
/// `None` when a name in it is empty.
fn level<'a>(kind: &str, f: &'a [String]) -> (Option<String>, &'a str, bool) {
    let two = || Some(format!("{}.{}", name(&f[0])?, name(&f[1])?));
    let (on, rest) = match kind {
        "global" => (Some("*.*".to_string()), &f[0..]),
        "schema" => (name(&f[0]).map(|d| format!("{d}.*")), &f[1..]),
        "table" => (two(), &f[2..]),
        "column" => (two(), &f[3..]),
        _ => {
            let kind = if f[2] == "PROCEDURE" {
                "PROCEDURE"
            } else {
                "FUNCTION"
            };
            (two().map(|t| format!("{kind} {t}")), &f[3..])
        }
    };
    (
        on,
        rest[0].as_str(),
        rest.get(1).is_some_and(|g| g == "grantable"),
    )
}

/// Where a fact's privilege is, in words (escaped by [`row`]).
fn describe(kind: &str, f: &[String]) -> String {
    let id = |n: usize| Ident::new(&f[n]).to_string();
    match kind {
        "global" => "every database (*.*)".to_string(),
        "schema" => format!("database {}", id(0)),
        "table" => format!("table {}.{}", id(0), id(1)),
        "column" => format!("column {} of {}.{}", id(2), id(0), id(1)),
        _ => format!("{} {}.{}", f[2].to_ascii_lowercase(), id(0), id(1)),
    }
}
