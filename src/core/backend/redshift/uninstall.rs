//! Redshift's uninstall script: everything setup granted revoked, then the user dropped.

use super::checks::Checked;

/// The uninstall script: it revokes the default privileges and the grants on each
/// schema and its tables, then drops the user.
pub(super) fn uninstall(c: &Checked) -> String {
    let user = &c.user;
    let for_users = c.for_users();
    let mut uninstall = String::from(
        "-- Uninstall: revokes everything granted by the setup script, then drops the user.\n-- DROP USER fails while the user owns tables: ALTER TABLE … OWNER TO another user first.\n",
    );
    uninstall.push_str(&format!(
        "ALTER DEFAULT PRIVILEGES {for_users}IN SCHEMA {} REVOKE ALL ON TABLES FROM {user};\n",
        c.in_schemas()
    ));
    for s in &c.schemas {
        uninstall.push_str(&format!(
            "REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {user};\nREVOKE ALL ON SCHEMA {s} FROM {user};\n"
        ));
    }
    uninstall.push_str(&format!("DROP USER IF EXISTS {user};\n"));
    uninstall
}
