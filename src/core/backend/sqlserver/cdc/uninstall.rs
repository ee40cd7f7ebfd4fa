//! The change-data-capture uninstall: the captures this setup made stopped (their change
//! tables go with them), then the user, the gating role and the login dropped. CDC stays
//! on for the database: other captures may use it.

use super::Cdc;
use crate::core::backend::sqlserver::guard;

impl Cdc {
    /// The uninstall script: the same checks as setup; it can run twice.
    pub fn uninstall(&self) -> String {
        let c = &self.c;
        let (u, role) = (&c.user_ident, &self.role);
        let (ul, rl) = (u.literal(), role.literal());
        let mut sql = format!(
            "-- Uninstall: stops the captures this setup made (under its gating role; their change tables are\n-- dropped with them), then drops the user, the gating role and the login. CDC stays on for the\n-- database, as other captures may use it (EXEC sys.sp_cdc_disable_db turns it off).\n{}{}USE {};\nDECLARE @instance sysname;\n",
            guard::checks(u, &c.db_ident),
            self.checks(),
            c.db_ident
        );
        for t in &self.tables {
            sql.push_str(&format!(
                "SET @instance = NULL;\nIF SCHEMA_ID(N'cdc') IS NOT NULL\n    SELECT @instance = capture_instance FROM cdc.change_tables WHERE source_object_id = OBJECT_ID({}) AND role_name = {rl};\nIF @instance IS NOT NULL\n    EXEC sys.sp_cdc_disable_table @source_schema = {}, @source_name = {}, @capture_instance = @instance;\n",
                t.object(),
                t.schema.literal(),
                t.name.literal()
            ));
        }
        sql.push_str(&format!(
            "GO\nIF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {ul})\n    DROP USER {u};\nIF DATABASE_PRINCIPAL_ID({rl}) IS NOT NULL\n    DROP ROLE {role};\nGO\nUSE [master];\nIF EXISTS (SELECT 1 FROM sys.server_principals WHERE name = {ul})\n    DROP LOGIN {u};\nGO\n{}",
            guard::END
        ));
        sql
    }
}
