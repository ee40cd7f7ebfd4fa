//! The new-schema applet for the presets beyond the original: grants on one schema
//! created after setup, exactly what the preset's setup grants in a listed schema
//! (schema, table, sequence and function privileges, and default privileges for what
//! the owner creates there). The applet used to write the original's SELECT, TRIGGER,
//! EXECUTE and sequence USAGE whatever the preset: the read-only and metadata users got
//! TRIGGER and EXECUTE they were never meant to have, and the read/write user lacked
//! INSERT, UPDATE, DELETE and CREATE in the new schema.

use std::fmt::Write;

use crate::core::privileges::{list, Privileges};
use crate::core::quote::pg::{Ident, QuotedComment};

/// Grants on an existing `schema` for `role`, as `privs` grant them in a listed schema,
/// plus default privileges for what `owner` creates there (when `privs.future`).
///
/// ```
/// use grantsmith::core::privileges::Privileges;
/// use grantsmith::core::quote::pg::Ident;
/// use grantsmith::core::backend::postgres::presets::new_schema::new_schema_sql;
/// let id = |s| Ident::new(s).unwrap();
/// let sql = new_schema_sql(&id("sales"), &id("app"), &id("owner"), &Privileges::connector_read_only());
/// assert!(sql.contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"sales\" TO \"app\";"));
/// assert!(!sql.contains("TRIGGER"));
/// ```
pub fn new_schema_sql(schema: &Ident, role: &Ident, owner: &Ident, privs: &Privileges) -> String {
    let mut s = format!(
        "-- Run as the role that owns/creates tables in this schema (usually {})\n",
        QuotedComment(owner)
    );
    if !privs.schema.is_empty() {
        let _ = writeln!(
            s,
            "GRANT {} ON SCHEMA {schema} TO {role};",
            list(&privs.schema, |x| x.as_str())
        );
    }
    let classes = [
        ("TABLES", list(&privs.tables, |x| x.as_str())),
        ("SEQUENCES", list(&privs.sequences, |x| x.as_str())),
        (
            "FUNCTIONS",
            if privs.functions {
                "EXECUTE".to_string()
            } else {
                String::new()
            },
        ),
    ];
    for (class, granted) in classes.iter().filter(|(_, g)| !g.is_empty()) {
        let _ = writeln!(
            s,
            "GRANT {granted} ON ALL {class} IN SCHEMA {schema} TO {role};"
        );
    }
    if privs.future {
        for (class, granted) in classes.iter().filter(|(_, g)| !g.is_empty()) {
            let _ = write!(
                s,
                "\nALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}\n  GRANT {granted} ON {class} TO {role};"
            );
        }
    }
    s.trim_end().to_string()
}
