//! MySQL's verify query: each privilege the setup grants, found or missing, any the
//! account holds beyond them, and the password's expiry.

use super::checks::Checked;
use super::{privileges, Str};
use crate::core::drift::mysql::{expiry_read_sql, expiry_verify_parts};

/// The verify query: one row per expected privilege, `ok` or `MISSING`, then a row
/// marked `EXTRA` per privilege held beyond them at every level `information_schema`
/// shows (global, database, table, column); last, the password's expiry, `ok` or
/// `FAIL` (read first into session variables: MySQL and MariaDB keep it in different
/// tables). It changes nothing.
pub(super) fn verify(c: &Checked) -> String {
    let grantee = c.account.grantee();
    let mut rows = Vec::new();
    for db in &c.dbs {
        for p in privileges(c.preset) {
            rows.push(format!(
                "SELECT {} AS db, {} AS privilege",
                Str::new(db.grant_pattern().raw()),
                Str::new(p)
            ));
        }
    }
    let expected = rows.join("\n    UNION ALL ");
    format!(
        "-- Verify the user: one row per expected privilege, status 'ok' or 'MISSING';\n-- rows marked 'EXTRA' are privileges it holds beyond these, globally (`*`), on a\n-- database, a table or a column (routine privileges: the drift check lists them); the last row,\n-- 'ok' or 'FAIL', is the password's expiry. Run it as the administrator that ran the setup\n-- (it reads mysql.user on MySQL, mysql.global_priv on MariaDB). Changes nothing.\n{read}SELECT e.db, e.privilege,\n       CASE WHEN p.PRIVILEGE_TYPE IS NULL THEN 'MISSING' ELSE 'ok' END AS status\nFROM (\n    {expected}\n) AS e\nLEFT JOIN information_schema.SCHEMA_PRIVILEGES AS p\n  ON p.GRANTEE = {grantee} AND CAST(p.TABLE_SCHEMA AS BINARY) = CAST(e.db AS BINARY)\n  AND p.PRIVILEGE_TYPE = e.privilege\nUNION ALL\nSELECT p.TABLE_SCHEMA, p.PRIVILEGE_TYPE, 'EXTRA'\nFROM information_schema.SCHEMA_PRIVILEGES AS p\nWHERE p.GRANTEE = {grantee}\n  AND NOT EXISTS (\n    SELECT 1 FROM (\n    {expected}\n    ) AS x\n    WHERE CAST(x.db AS BINARY) = CAST(p.TABLE_SCHEMA AS BINARY) AND x.privilege = p.PRIVILEGE_TYPE\n  )\nUNION ALL\nSELECT '*', p.PRIVILEGE_TYPE, 'EXTRA'\nFROM information_schema.USER_PRIVILEGES AS p\nWHERE p.GRANTEE = {grantee} AND p.PRIVILEGE_TYPE <> 'USAGE'\nUNION ALL\nSELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME), p.PRIVILEGE_TYPE, 'EXTRA'\nFROM information_schema.TABLE_PRIVILEGES AS p\nWHERE p.GRANTEE = {grantee}\nUNION ALL\nSELECT CONCAT(p.TABLE_SCHEMA, '.', p.TABLE_NAME, '.', p.COLUMN_NAME), p.PRIVILEGE_TYPE, 'EXTRA'\nFROM information_schema.COLUMN_PRIVILEGES AS p\nWHERE p.GRANTEE = {grantee}\nUNION ALL\n{expiry};\n",
        read = expiry_read_sql(&c.account),
        expiry = expiry_row(c),
    )
}

/// The expiry's row: what the account has, what the setup sets, `ok` or `FAIL`.
fn expiry_row(c: &Checked) -> String {
    let (has, want, ok) = expiry_verify_parts(c.valid_until.as_deref());
    format!("SELECT {has}, {want}, IF({ok}, 'ok', 'FAIL')")
}
