//! Snowflake's uninstall script: the same checks block as setup, then the user and its
//! role dropped.

use super::checks::Checked;
use super::guard;

/// The uninstall script: it stops on a user or role no setup made, else drops the user,
/// then its role (with every grant and future grant).
pub(super) fn uninstall(c: &Checked) -> String {
    let (user, role) = (&c.user, &c.role);
    let checks = guard::checks(user, role);
    format!(
        "-- Uninstall: drops the user, then its role (with every grant and future grant).\n-- Objects the role owns pass to USERADMIN: hand them over first if it created any.\nUSE ROLE USERADMIN;\n{checks}DROP USER IF EXISTS {user};\nDROP ROLE IF EXISTS {role};\n"
    )
}
