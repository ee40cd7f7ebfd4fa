//! MySQL's uninstall script: the same checks as setup, then the account dropped and
//! taken off Grantsmith's list.

use super::checks::Checked;
use super::guard;
use crate::core::intent::Preset;

/// The uninstall script: it stops on an account no setup made, else drops the account
/// (and with it every privilege it holds) and unlists it.
pub(super) fn uninstall(c: &Checked) -> String {
    let account = &c.account;
    format!(
        "-- Uninstall: drops the user and with it every privilege it holds{}, and takes it off {}.\n-- Tables it created stay (MySQL has no owners). Run as an administrator (root, for instance).\n{}DROP USER IF EXISTS {account};\n{}",
        if c.preset == Preset::Cdc {
            " (the global replication privileges too)"
        } else {
            ""
        },
        guard::LIST,
        guard::uninstall_checks(account),
        guard::unlist(account)
    )
}
