//! Inspect queries for SQL Server, Snowflake, Redshift and BigQuery: everything the
//! user has, in the PostgreSQL query's line format (a header naming the format, the
//! user, where it runs and the database kind; tab-separated facts with `\\`, `\t`, `\n`
//! and `\r` escaped; a counting trailer), read back by [`crate::core::drift::read`].
//! No comparison uses them yet: they show a DBA what the user holds, in a form a later
//! check (or a diff between two runs) can take. Parsed only (no server of these kinds
//! runs here).
//!
//! Each function takes names already quoted as its dialect's string literals.

use crate::core::drift::format::{HEADER, TRAILER, VERSION};

/// How a dialect spells what the line format needs.
struct Syntax {
    /// A character by code point, `{}` for the code: `CHR({})`, `CHAR({})`.
    chr: &'static str,
    /// Concatenation: `||` between parts, else the variadic `CONCAT(…)`.
    pipes: bool,
    /// Text conversion around a field, with `{}` for the expression.
    text: &'static str,
}

impl Syntax {
    fn c(&self, code: u8) -> String {
        self.chr.replace("{}", &code.to_string())
    }

    fn concat(&self, parts: &[String]) -> String {
        if self.pipes {
            format!("({})", parts.join(" || "))
        } else {
            format!("CONCAT({})", parts.join(", "))
        }
    }

    /// `expr` with `\`, tab, line feed and carriage return escaped.
    fn esc(&self, expr: &str) -> String {
        let bs = self.c(92);
        let mut e = self.text.replace("{}", expr);
        for (code, letter) in [(92, None), (9, Some("t")), (10, Some("n")), (13, Some("r"))] {
            let with = match letter {
                None => self.concat(&[bs.clone(), bs.clone()]),
                Some(l) => self.concat(&[bs.clone(), format!("'{l}'")]),
            };
            e = format!("REPLACE({e}, {}, {with})", self.c(code));
        }
        e
    }

    /// The fields, escaped (NULL as empty), joined by tabs; a constant of plain
    /// characters (`'member'`) needs no escaping (the header's, which hold names the
    /// user typed, always are: the query's shape never depends on a name).
    fn line(&self, fields: &[&str]) -> String {
        self.fields(fields, true)
    }

    fn fields(&self, fields: &[&str], constants: bool) -> String {
        let mut parts = Vec::new();
        for (n, f) in fields.iter().enumerate() {
            if n > 0 {
                parts.push(self.c(9));
            }
            parts.push(if constants && plain(f) {
                f.to_string()
            } else {
                format!("COALESCE({}, '')", self.esc(f))
            });
        }
        self.concat(&parts)
    }

    /// The whole query: `facts` as `SELECT <line> …` joined by UNION ALL, framed by the
    /// header (`head`: the user, where, exists, runner, the kind) and the trailer.
    fn query(&self, intro: &str, head: &[&str], facts: &[String]) -> String {
        let version = format!("'{VERSION}'");
        let header = format!("'{HEADER}'");
        let mut h = vec![header.as_str(), version.as_str()];
        h.extend_from_slice(head);
        let count = self.concat(&[format!("'{TRAILER}'"), self.c(9), self.esc("COUNT(*)")]);
        format!(
            "{intro}WITH facts (line) AS (\n  {}\n)\nSELECT line FROM (\n  SELECT 0 AS part, {} AS line\n  UNION ALL\n  SELECT 1, line FROM facts\n  UNION ALL\n  SELECT 2, (SELECT {count} FROM facts)\n) x ORDER BY part, line;\n",
            facts.join("\n  UNION ALL\n  "),
            self.fields(&h, false),
        )
    }
}

/// Whether `field` is a constant of letters, digits and `-` (nothing to escape).
fn plain(field: &str) -> bool {
    field
        .strip_prefix('\'')
        .and_then(|f| f.strip_suffix('\''))
        .is_some_and(|f| f.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Amazon Redshift (run with `psql -At`): attributes, groups, schema, table, column and
/// default privileges from the `SVV_*_PRIVILEGES` views, and tables it owns.
pub fn redshift(user: &str) -> String {
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

/// SQL Server (run with `sqlcmd -h -1 -W`): the login's server roles and permissions,
/// and in the database the user's roles and every permission granted or denied to it.
pub fn sqlserver(user: &str, db: &str) -> String {
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

/// Snowflake (run with `snowsql -o output_format=tsv -o header=false -o timing=false
/// -o friendly=false`): the roles granted to the user, and every grant to its role.
pub fn snowflake(user_ident: &str, role_ident: &str, user: &str) -> String {
    let s = Syntax {
        chr: "CHR({})",
        pipes: true,
        text: "TO_VARCHAR({})",
    };
    let facts = [
        format!(
            "SELECT {} FROM TABLE(RESULT_SCAN($gs_user_grants))",
            s.line(&["'member'", "\"role\"", "'direct'", "''"])
        ),
        format!(
            "SELECT {} FROM TABLE(RESULT_SCAN($gs_role_grants))",
            s.line(&[
                "'grant'",
                "\"granted_on\"",
                "\"name\"",
                "\"privilege\"",
                "IFF(\"grant_option\" = 'true', 'grantable', '')"
            ])
        ),
        format!(
            "SELECT {} FROM TABLE(RESULT_SCAN($gs_future_grants))",
            s.line(&[
                "'future'",
                "\"grant_on\"",
                "\"name\"",
                "\"privilege\"",
                "IFF(\"grant_option\" = 'true', 'grantable', '')"
            ])
        ),
    ];
    s.query(
        &format!("-- Everything the user has, one line per fact (tab-separated fields). Read-only: run\n-- it as SECURITYADMIN with snowsql -o output_format=tsv -o header=false -o timing=false\n-- -o friendly=false (the SHOW commands feed the query through RESULT_SCAN).\nSHOW GRANTS TO USER {user_ident};\nSET gs_user_grants = LAST_QUERY_ID();\nSHOW GRANTS TO ROLE {role_ident};\nSET gs_role_grants = LAST_QUERY_ID();\nSHOW FUTURE GRANTS TO ROLE {role_ident};\nSET gs_future_grants = LAST_QUERY_ID();\n"),
        &[user, "CURRENT_ACCOUNT()", "'exists'", "CURRENT_ROLE()", "'snowflake'"],
        &facts,
    )
}

/// BigQuery (run with `bq query --use_legacy_sql=false --format=csv`, then drop the
/// header line): the roles the member holds on datasets, tables and views of the region
/// (`region`: `project`.`region-us`, quoted).
pub fn bigquery(member: &str, region: &str) -> String {
    let s = Syntax {
        chr: "CODE_POINTS_TO_STRING([{}])",
        pipes: false,
        text: "CAST({} AS STRING)",
    };
    let facts = [format!(
        "SELECT {} FROM {region}.INFORMATION_SCHEMA.OBJECT_PRIVILEGES WHERE grantee = {member}",
        s.line(&[
            "'grant'",
            "object_type",
            "object_schema",
            "object_name",
            "privilege_type"
        ])
    )];
    s.query(
        "-- Everything the service account holds on this region's datasets, one line per\n-- fact (tab-separated fields). Read-only: bq query --use_legacy_sql=false --format=csv,\n-- without its first line (the column name).\n",
        &[member, "@@project_id", "'exists'", "SESSION_USER()", "'bigquery'"],
        &facts,
    )
}
