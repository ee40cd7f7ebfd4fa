//! What SQL Server's setup and uninstall check before they change anything. A careful
//! DBA found the setup would give any existing login a new password (`sa`, an
//! application's login) and uninstall would drop it. Now:
//! - the page refuses the names SQL Server itself uses (`sa`, `dbo`, `guest`, the `##…##`
//!   certificate logins …);
//! - the script stops, changing nothing, when the database does not exist (else `USE`
//!   fails and the rest would run in `master`) or the login exists without the mark its
//!   setup leaves: an extended property `Grantsmith` on the database user, or when the
//!   login is a sysadmin. `RAISERROR` then `SET NOEXEC ON`: later batches are compiled,
//!   not run, in SSMS and sqlcmd alike; the script's last line turns execution back on.
//!
//! Parsed only (no SQL Server in the tests): the statements are checked against the
//! documentation of `RAISERROR`, `SET NOEXEC`, `sp_addextendedproperty` and
//! `sys.extended_properties` (class 4: a database principal).

use crate::core::quote::sqlserver::{Ident, NStr};

/// Names SQL Server gives its own principals, compared case-insensitively (the default
/// collation is).
const RESERVED: [&str; 6] = ["sa", "dbo", "guest", "sys", "information_schema", "public"];

/// The page's refusal of a login name SQL Server uses itself.
pub fn own_login(name: &str) -> Result<(), String> {
    let lower = name.to_ascii_lowercase();
    if RESERVED.contains(&lower.as_str()) || name.starts_with("##") {
        return Err(format!(
            "\"{name}\" is one of SQL Server's own principals: the integration needs a login of its own"
        ));
    }
    Ok(())
}

/// The name of the extended property that marks a user its setup made.
const MARK: &str = "N'Grantsmith'";

/// The checks, as batches before any change: the database exists, and login `u`, if it
/// exists, is no sysadmin and carries the mark in database `db`.
pub fn checks(u: &Ident, db: &Ident) -> String {
    let l = u.literal();
    let d = NStr::new(db.raw());
    format!(
        "-- Checks first: stops here, changing nothing, when the database is missing or the login exists
-- but was not made by a Grantsmith setup script (its user carries the extended property Grantsmith).
USE [master];
IF DB_ID({d}) IS NULL
BEGIN
    RAISERROR (N'Database %s does not exist on this server: nothing changed.', 16, 1, {d});
    SET NOEXEC ON;
END
GO
USE {db};
IF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {l})
   AND (IS_SRVROLEMEMBER(N'sysadmin', {l}) = 1 OR NOT EXISTS (
        SELECT 1 FROM sys.extended_properties AS ep
        JOIN sys.database_principals AS dp ON ep.class = 4 AND ep.major_id = dp.principal_id
        WHERE dp.name = {l} AND ep.name = {MARK}))
BEGIN
    RAISERROR (N'Login %s exists and was not made by a Grantsmith setup script: nothing changed. Pick another name, or mark this integration''s own user first: EXEC sys.sp_addextendedproperty @name = N''Grantsmith'', @value = N''adopted'', @level0type = N''USER'', @level0name = <its name>;', 16, 1, {l});
    SET NOEXEC ON;
END
GO
"
    )
}

/// The mark, after `CREATE USER` (in the database): added once.
pub fn mark(u: &Ident) -> String {
    let l = u.literal();
    format!(
        "IF NOT EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 4 AND major_id = USER_ID({l}) AND name = {MARK})
    EXEC sys.sp_addextendedproperty @name = {MARK}, @value = N'made by its setup script', @level0type = N'USER', @level0name = {l};
"
    )
}

/// The script's last line: after a refusal, execution back on for the session.
pub const END: &str = "SET NOEXEC OFF;\n";
