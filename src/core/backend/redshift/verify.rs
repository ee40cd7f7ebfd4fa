//! Redshift's verify query: each privilege the setup grants, on each schema and each
//! existing table, found or missing.

use super::checks::Checked;
use super::{privileges, Str};

/// The verify query: one row per expected privilege (schemas, then each existing
/// table), `ok` or `MISSING`. It changes nothing.
pub(super) fn verify(c: &Checked) -> String {
    let (on_schema, on_tables) = privileges(c.preset);
    let lit = c.user.literal();
    let mut rows = Vec::new();
    for s in &c.schemas {
        for p in on_schema.split(", ") {
            rows.push(format!(
                "SELECT {} AS schema_name, NULL::varchar AS table_name, {} AS privilege,\n       CASE WHEN has_schema_privilege({lit}, {}, {}) THEN 'ok' ELSE 'MISSING' END AS status",
                s.literal(), Str::new(p), s.literal(), Str::new(p)
            ));
        }
        for p in on_tables.split(", ") {
            rows.push(format!(
                "SELECT schemaname::varchar, tablename::varchar, {},\n       CASE WHEN has_table_privilege({lit}, quote_ident(schemaname) || '.' || quote_ident(tablename), {}) THEN 'ok' ELSE 'MISSING' END\nFROM pg_tables WHERE schemaname = {}",
                Str::new(p), Str::new(p), s.literal()
            ));
        }
    }
    format!(
        "-- Verify the user: one row per expected privilege (schemas, then each existing table),\n-- status 'ok' or 'MISSING'. Changes nothing.\n{};\n-- The password's expiry (valuntil; empty or infinity: never), to read:\nSELECT usename, valuntil FROM pg_user WHERE usename = {lit};\n",
        rows.join("\nUNION ALL\n")
    )
}
