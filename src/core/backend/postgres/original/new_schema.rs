//! The second applet: grants for one schema created after setup, run by its owner.

use std::fmt::Write;

use super::setup::OBJECT_GRANTS;
use crate::core::quote::pg::{Ident, QuotedComment};

/// Grants on an existing `schema` plus default privileges for what `owner` creates there.
///
/// ```
/// use grantsmith::core::quote::pg::Ident;
/// use grantsmith::core::backend::postgres::original::new_schema::new_schema_sql;
/// let sql = new_schema_sql(
///     &Ident::new("sales").unwrap(),
///     &Ident::new("app").unwrap(),
///     &Ident::new("owner").unwrap(),
/// );
/// assert!(sql.starts_with("-- Run as the role that owns/creates tables in this schema (usually \"owner\")"));
/// ```
pub fn new_schema_sql(schema: &Ident, role: &Ident, owner: &Ident) -> String {
    let mut s = format!(
        "-- Run as the role that owns/creates tables in this schema (usually {})\n",
        QuotedComment(owner)
    );
    for (privs, on) in OBJECT_GRANTS {
        let _ = writeln!(s, "GRANT {privs} ON {on} {schema} TO {role};");
    }
    for (privs, on) in [
        ("SELECT, TRIGGER", "TABLES"),
        ("USAGE, SELECT", "SEQUENCES"),
        ("EXECUTE", "FUNCTIONS"),
    ] {
        let _ = write!(
            s,
            "\nALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}\n  GRANT {privs} ON {on} TO {role};"
        );
    }
    s
}
