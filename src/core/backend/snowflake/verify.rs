//! Snowflake's verify query: each grant the setup makes to the role, found or missing,
//! and the role's future grants and user to read.

use super::checks::Checked;
use super::{privileges, Str};

/// The verify query: one row per expected grant (the warehouse, the database, each
/// schema privilege), `ok` or `MISSING`, read from `SHOW GRANTS`. It changes nothing.
pub(super) fn verify(c: &Checked) -> String {
    let (role, wh, db) = (&c.role, &c.wh, &c.db);
    let (on_schema, _, _) = privileges(c.preset);
    let mut rows = vec![
        format!("('USAGE', 'WAREHOUSE', {})", Str::new(&wh.to_string())),
        format!("('USAGE', 'DATABASE', {})", Str::new(&db.to_string())),
    ];
    for s in &c.schemas {
        for p in on_schema.split(", ") {
            rows.push(format!(
                "({}, 'SCHEMA', {})",
                Str::new(p),
                Str::new(&format!("{db}.{s}"))
            ));
        }
    }
    // The key: its fingerprint in either slot (a rotation moves it to the other one).
    let key = c.key.as_ref().map_or(String::new(), |k| {
        format!(
            "-- The key pair: the user's public key is the one pasted ({} bits), in either slot.\nDESC USER {};\nSELECT 'RSA_PUBLIC_KEY' AS privilege, 'USER' AS granted_on, {} AS name,\n       IFF(COUNT_IF(\"property\" IN ('RSA_PUBLIC_KEY_FP', 'RSA_PUBLIC_KEY_2_FP') AND \"value\" = {}) > 0, 'ok', 'MISSING') AS status\nFROM TABLE(RESULT_SCAN(LAST_QUERY_ID()));\n",
            k.bits,
            c.user,
            Str::new(c.user.stored()),
            Str::new(&k.fingerprint),
        )
    });
    format!(
        "-- Verify the role: one row per expected grant, status 'ok' or 'MISSING'. Changes nothing.\nSHOW GRANTS TO ROLE {role};\nSELECT e.privilege, e.granted_on, e.name,\n       IFF(g.\"privilege\" IS NULL, 'MISSING', 'ok') AS status\nFROM (SELECT $1 AS privilege, $2 AS granted_on, $3 AS name FROM VALUES\n  {}\n) AS e\nLEFT JOIN TABLE(RESULT_SCAN(LAST_QUERY_ID())) AS g\n  ON g.\"privilege\" = e.privilege AND g.\"granted_on\" = e.granted_on AND g.\"name\" = e.name;\n{key}-- The role's future grants and its user, to read:\n{}SHOW GRANTS OF ROLE {role};\n",
        rows.join(",\n  "),
        c.schemas
            .iter()
            .map(|s| format!("SHOW FUTURE GRANTS IN SCHEMA {db}.{s};\n"))
            .collect::<String>(),
    )
}
