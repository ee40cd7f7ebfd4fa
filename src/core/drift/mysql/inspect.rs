//! The MySQL / MariaDB inspect query: every privilege the account holds, at every level,
//! and its password's expiry, one escaped tab-separated line per fact between the
//! header and the counting trailer (the PostgreSQL query's line format).

use super::{expiry, Expect, MARK};
use crate::core::drift::format::{HEADER, TRAILER, VERSION};
use crate::core::quote::mysql::Str;

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
    /// The inspect query: every privilege the account holds, at every level, and one
    /// `expires` line (when the password stops working, in UTC, empty for never; then
    /// `account` or `default`, whether the account or the server's policy decides).
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
-- The first statements read the password's expiry (where MySQL and MariaDB keep it differs).
{}WITH facts (line) AS (
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
  UNION ALL
  SELECT {}
)
SELECT line FROM (
  SELECT 0 AS part, {} AS line
  UNION ALL
  SELECT 1, line FROM facts
  UNION ALL
  SELECT 2, CONCAT('{TRAILER}', CHAR(9), (SELECT COUNT(*) FROM facts))
) x ORDER BY part, line;",
            expiry::read_sql(&self.account()),
            line(&["'global'", "PRIVILEGE_TYPE", g]),
            line(&["'schema'", "TABLE_SCHEMA", "PRIVILEGE_TYPE", g]),
            line(&["'table'", "TABLE_SCHEMA", "TABLE_NAME", "PRIVILEGE_TYPE", g]),
            line(&["'column'", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "PRIVILEGE_TYPE", g]),
            routine("EXECUTE", "Execute"),
            routine("ALTER ROUTINE", "Alter Routine"),
            line(&[
                &format!("'{}'", expiry::KIND),
                &expiry::until_sql(),
                &expiry::source_sql()
            ]),
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
}
