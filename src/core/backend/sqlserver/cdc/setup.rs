//! The change-data-capture setup: the checks, the login and its user as every preset's,
//! then CDC on for the database, the gating role with the user in it, each table
//! captured under that role, and SELECT on the tables and on schema `cdc`.

use super::Cdc;
use crate::core::backend::checks::comments;
use crate::core::backend::sqlserver::setup::{login_and_user, traps};
use crate::core::backend::sqlserver::{guard, NStr};

impl Cdc {
    /// Checks in the database, before any change (after the login's): each table
    /// exists, and the gating role's name is free or this user's own gating role (a
    /// principal of that name that is no role, or a role with other members, is someone
    /// else's: the user must not join it).
    pub(super) fn checks(&self) -> String {
        let (r, u) = (self.role.literal(), self.c.user_ident.literal());
        let mut sql = String::from(
            "-- Each table must exist, and the gating role's name be free or this user's own role: else it stops\n-- here, changing nothing.\n",
        );
        for t in &self.tables {
            sql.push_str(&format!(
                "IF OBJECT_ID({o}, N'U') IS NULL\nBEGIN\n    RAISERROR (N'Table %s does not exist in this database: nothing changed.', 16, 1, {o});\n    SET NOEXEC ON;\nEND\nGO\n",
                o = t.object()
            ));
        }
        sql.push_str(&format!(
            "IF EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {r} AND type <> 'R')
   OR EXISTS (SELECT 1 FROM sys.database_role_members AS m
              JOIN sys.database_principals AS g ON g.principal_id = m.role_principal_id
              JOIN sys.database_principals AS p ON p.principal_id = m.member_principal_id
              WHERE g.name = {r} AND p.name <> {u})
BEGIN
    RAISERROR (N'%s exists and is not only this user''s gating role: nothing changed. Pick another login name.', 16, 1, {r});
    SET NOEXEC ON;
END
GO
"
        ));
        sql
    }

    /// The setup script: safe to re-run (each step is skipped where it is done).
    pub fn setup(&self) -> String {
        let c = &self.c;
        let (u, role) = (&c.user_ident, &self.role);
        let mut sql = String::from(
            "-- Change-data-capture login for SQL Server, made by Grantsmith: CDC on for the database and each\n-- listed table, read through a gating role. Run as a member of sysadmin (sys.sp_cdc_enable_db needs it;\n-- on Azure SQL Database db_owner; on Amazon RDS the master user). Safe to re-run.\n",
        );
        let mut t = vec![
            "SQL Server Agent runs the capture and cleanup jobs: it must be running (Azure SQL Database runs them itself). CDC needs Enterprise, Standard or Developer edition (not Express).".to_string(),
            "A table's capture is made once: one already captured under another role stays so, and verify names it.".to_string(),
        ];
        t.extend(traps(c));
        comments(&mut sql, &t);
        sql.push_str(&guard::checks(u, &c.db_ident));
        sql.push_str(&self.checks());
        sql.push_str(&login_and_user(c));
        sql.push_str("GO\n");
        if self.rds {
            sql.push_str(&format!(
                "-- CDC on for the database (Amazon RDS: its own procedure, as the master user)\nIF (SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()) = 0\n    EXEC msdb.dbo.rds_cdc_enable_db {};\nGO\n",
                NStr::new(&c.db)
            ));
        } else {
            sql.push_str("-- CDC on for the database (once: it makes the schema cdc and the capture jobs)\nIF (SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()) = 0\n    EXEC sys.sp_cdc_enable_db;\nGO\n");
        }
        sql.push_str(&format!(
            "-- The gating role: only its members read the captured changes\nIF DATABASE_PRINCIPAL_ID({rl}) IS NULL\n    CREATE ROLE {role};\nIF IS_ROLEMEMBER({rl}, {ul}) = 0\n    ALTER ROLE {role} ADD MEMBER {u};\nGO\n-- Each table captured once, under the gating role\n",
            rl = role.literal(),
            ul = u.literal(),
        ));
        for t in &self.tables {
            sql.push_str(&format!(
                "IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE object_id = OBJECT_ID({}) AND is_tracked_by_cdc = 1)\n    EXEC sys.sp_cdc_enable_table @source_schema = {}, @source_name = {}, @role_name = {};\nGO\n",
                t.object(),
                t.schema.literal(),
                t.name.literal(),
                role.literal()
            ));
        }
        sql.push_str("-- Read the tables (the tool's first copy) and the change tables and functions in schema cdc\n");
        for t in &self.tables {
            sql.push_str(&format!("GRANT SELECT ON OBJECT::{} TO {u};\n", t.sql()));
        }
        sql.push_str(&format!("GRANT SELECT ON SCHEMA::[cdc] TO {u};\nGO\n"));
        sql.push_str(guard::END);
        sql
    }
}
