//! Verify as a pre-flight check: CDC on for the database, the user in the gating role
//! with SELECT on schema `cdc`, and per table its capture under that role and SELECT on
//! it; pass or FAIL, read-only.

use super::Cdc;
use crate::core::backend::sqlserver::NStr;

impl Cdc {
    /// The verify script. The captures are read from `cdc.change_tables` only where the
    /// schema exists (CDC on), into a table variable, so the query itself never names a
    /// missing table.
    pub fn verify(&self) -> String {
        let (r, u) = (self.role.literal(), self.c.user_ident.literal());
        let perm = |class: u8, major: &str| {
            format!("CASE WHEN EXISTS (SELECT 1 FROM sys.database_permissions AS p WHERE p.class = {class} AND p.major_id = {major} AND p.minor_id = 0 AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID({u}) AND p.permission_name = N'SELECT' AND p.state IN ('G', 'W')) THEN 1 ELSE 0 END")
        };
        let mut rows = vec![
            "SELECT 1, N'CDC on for the database', DB_NAME(), CASE WHEN (SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()) = 1 THEN 1 ELSE 0 END".to_string(),
            format!("SELECT 2, N'user in the gating role', {r}, CASE WHEN IS_ROLEMEMBER({r}, {u}) = 1 THEN 1 ELSE 0 END"),
            format!("SELECT 3, N'SELECT on schema cdc', N'cdc', {}", perm(3, "SCHEMA_ID(N'cdc')")),
        ];
        for t in &self.tables {
            let (o, shown) = (t.object(), NStr::new(&t.sql()));
            rows.push(format!("SELECT 4, N'table captured under the gating role', {shown}, CASE WHEN EXISTS (SELECT 1 FROM @gated WHERE object_id = OBJECT_ID({o})) THEN 1 ELSE 0 END"));
            rows.push(format!(
                "SELECT 5, N'SELECT on the table', {shown}, {}",
                perm(1, &format!("OBJECT_ID({o})"))
            ));
        }
        format!(
            "-- Verify the change-data-capture login: a pre-flight check, one row each, pass or FAIL. Changes nothing.
USE {db};
DECLARE @gated TABLE (object_id int PRIMARY KEY);
IF SCHEMA_ID(N'cdc') IS NOT NULL
    INSERT INTO @gated SELECT source_object_id FROM cdc.change_tables WHERE role_name = {r};
SELECT e.item, e.object, CASE WHEN e.ok = 1 THEN N'pass' ELSE N'FAIL' END AS result
FROM (
  {}
) AS e(ord, item, object, ok)
ORDER BY e.ord, e.object;
",
            rows.join("\n  UNION ALL\n  "),
            db = self.c.db_ident,
        )
    }
}
