//! SQL Server's verify query: each permission the setup grants, found or missing.

use super::checks::Checked;
use super::{permissions, NStr};

/// The verify query: one row per expected permission (on each schema, then on the
/// database), `ok` or `MISSING`. It changes nothing.
pub(super) fn verify(c: &Checked) -> String {
    let (on_schema, on_db) = permissions(c.preset);
    let mut rows = Vec::new();
    for s in &c.schemas {
        for p in on_schema {
            rows.push(format!("({}, {}, 3)", NStr::new(p), s.literal()));
        }
    }
    for p in on_db {
        rows.push(format!("({}, NULL, 0)", NStr::new(p)));
    }
    format!(
        "-- Verify the user: one row per expected permission, status 'ok' or 'MISSING'. Changes nothing.\nUSE {dbi};\nSELECT e.permission_name, e.schema_name,\n       CASE WHEN EXISTS (\n         SELECT 1 FROM sys.database_permissions AS p\n         JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id\n         WHERE u.name = {l} AND p.state IN ('G', 'W') AND p.class = e.class\n           AND p.permission_name = e.permission_name\n           AND (e.class = 0 OR SCHEMA_NAME(p.major_id) = e.schema_name)\n       ) THEN 'ok' ELSE 'MISSING' END AS status\nFROM (VALUES\n  {}\n) AS e(permission_name, schema_name, class);\n",
        rows.join(",\n  "),
        dbi = c.db_ident,
        l = c.user_ident.literal(),
    )
}
