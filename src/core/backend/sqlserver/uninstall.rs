//! SQL Server's uninstall script: the same checks as setup, then the database user and
//! the login dropped.

use super::checks::Checked;
use super::guard;

/// The uninstall script: it stops on a login no setup made, else drops the database
/// user (and its permissions), then the login.
pub(super) fn uninstall(c: &Checked) -> String {
    let (u, dbi) = (&c.user_ident, &c.db_ident);
    format!(
        "-- Uninstall: drops the database user (and its permissions), then the login.\n{}USE {dbi};\nIF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {l})\n    DROP USER {u};\nGO\nUSE [master];\nIF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {l})\n    DROP LOGIN {u};\nGO\n{}",
        guard::checks(u, dbi),
        guard::END,
        l = u.literal(),
    )
}
