//! Amazon Redshift's inspect query (parsed only: no such server runs here).

use crate::core::backend::inspect_lines::Syntax;

/// Amazon Redshift (run with `psql -At`): attributes, groups, schema, table, column and
/// default privileges from the `SVV_*_PRIVILEGES` views, and tables it owns.
pub fn inspect_sql(user: &str) -> String {
    let s = Syntax {
        chr: "CHR({})",
        pipes: true,
        text: "CAST({} AS VARCHAR(65535))",
    };
    let who = format!("identity_name = {user} AND identity_type = 'user'");
    let g = "CASE WHEN admin_option THEN 'grantable' ELSE '' END";
    let facts = [
        format!("SELECT {} FROM pg_user WHERE usename = {user} AND usesuper", s.line(&["'attr'", "'SUPERUSER'"])),
        format!("SELECT {} FROM pg_user WHERE usename = {user} AND usecreatedb", s.line(&["'attr'", "'CREATEDB'"])),
        format!("SELECT {} FROM pg_group g WHERE (SELECT usesysid FROM pg_user WHERE usename = {user}) = ANY (g.grolist)", s.line(&["'member'", "g.groname", "'direct'", "''"])),
        format!("SELECT {} FROM svv_schema_privileges WHERE {who}", s.line(&["'schema'", "namespace_name", "privilege_type", g])),
        format!("SELECT {} FROM svv_relation_privileges WHERE {who}", s.line(&["'table'", "namespace_name", "relation_name", "privilege_type", g])),
        format!("SELECT {} FROM svv_column_privileges WHERE {who}", s.line(&["'column'", "namespace_name", "relation_name", "column_name", "privilege_type", "''"])),
        format!("SELECT {} FROM svv_default_privileges WHERE grantee_name = {user} AND grantee_type = 'user'", s.line(&["'default'", "owner_name", "schema_name", "object_type", "privilege_type", g])),
        format!("SELECT {} FROM pg_tables WHERE tableowner = {user}", s.line(&["'owns'", "'table'", "schemaname", "tablename"])),
    ];
    s.query(
        "-- Everything the user has, one line per fact (tab-separated fields). Read-only: run\n-- it as a superuser in the database the user reads, with psql -At.\n",
        &[user, "current_database()", &format!("CASE WHEN EXISTS (SELECT 1 FROM pg_user WHERE usename = {user}) THEN 'exists' ELSE 'missing' END"), "current_user", "'redshift'"],
        &facts,
    )
}
