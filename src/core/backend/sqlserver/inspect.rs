//! SQL Server's inspect query (parsed only: no such server runs here).

use crate::core::backend::inspect_lines::Syntax;

/// SQL Server (run with `sqlcmd -h -1 -W`): the login's server roles and permissions,
/// and in the database the user's roles and every permission granted or denied to it.
pub fn inspect_sql(user: &str, db: &str) -> String {
    let s = Syntax {
        chr: "CHAR({})",
        pipes: false,
        text: "CAST({} AS nvarchar(max))",
    };
    let who = format!("(SELECT principal_id FROM sys.database_principals WHERE name = {user})");
    let login = format!("(SELECT principal_id FROM sys.server_principals WHERE name = {user})");
    let g = "CASE p.state WHEN 'W' THEN 'grantable' WHEN 'D' THEN 'denied' ELSE '' END";
    let facts = [
        format!("SELECT {} FROM sys.server_role_members m JOIN sys.server_principals r ON r.principal_id = m.role_principal_id WHERE m.member_principal_id = {login}", s.line(&["'member'", "r.name", "'server'", "''"])),
        format!("SELECT {} FROM sys.server_permissions p WHERE p.grantee_principal_id = {login} AND p.permission_name <> 'CONNECT SQL'", s.line(&["'global'", "p.permission_name", g])),
        format!("SELECT {} FROM sys.database_role_members m JOIN sys.database_principals r ON r.principal_id = m.role_principal_id WHERE m.member_principal_id = {who}", s.line(&["'member'", "r.name", "'direct'", "''"])),
        format!("SELECT {} FROM sys.database_permissions p WHERE p.grantee_principal_id = {who} AND p.class = 0 AND p.permission_name <> 'CONNECT'", s.line(&["'database'", "DB_NAME()", "p.permission_name", g])),
        format!("SELECT {} FROM sys.database_permissions p WHERE p.grantee_principal_id = {who} AND p.class = 3", s.line(&["'schema'", "SCHEMA_NAME(p.major_id)", "p.permission_name", g])),
        format!("SELECT {} FROM sys.database_permissions p WHERE p.grantee_principal_id = {who} AND p.class = 1 AND p.minor_id = 0", s.line(&["'table'", "OBJECT_SCHEMA_NAME(p.major_id)", "OBJECT_NAME(p.major_id)", "p.permission_name", g])),
        format!("SELECT {} FROM sys.database_permissions p JOIN sys.columns c ON c.object_id = p.major_id AND c.column_id = p.minor_id WHERE p.grantee_principal_id = {who} AND p.class = 1 AND p.minor_id > 0", s.line(&["'column'", "OBJECT_SCHEMA_NAME(p.major_id)", "OBJECT_NAME(p.major_id)", "c.name", "p.permission_name", g])),
        format!("SELECT {} FROM sys.schemas o WHERE o.principal_id = {who}", s.line(&["'owns'", "'schema'", "o.name", "''"])),
    ];
    s.query(
        &format!("-- Everything the user has, one line per fact (tab-separated fields). Read-only: run\n-- it as a sysadmin with sqlcmd -h -1 -W (no headers, no padding).\nSET NOCOUNT ON;\nUSE {db};\n"),
        &[user, "DB_NAME()", &format!("CASE WHEN EXISTS (SELECT 1 FROM sys.database_principals WHERE name = {user}) THEN 'exists' ELSE 'missing' END"), "ORIGINAL_LOGIN()", "'sqlserver'"],
        &facts,
    )
}
