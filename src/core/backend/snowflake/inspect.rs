//! Snowflake's inspect query (parsed only: no such server runs here).

use crate::core::backend::inspect_lines::Syntax;

/// Snowflake (run with `snowsql -o output_format=tsv -o header=false -o timing=false
/// -o friendly=false`): the roles granted to the user, and every grant to its role.
pub fn inspect_sql(user_ident: &str, role_ident: &str, user: &str) -> String {
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
