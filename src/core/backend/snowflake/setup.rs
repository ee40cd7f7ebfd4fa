//! Snowflake's setup script: the traps it warns of, the checks block that stops it on a
//! user or role it did not make, then the user, its role and the role's grants.

use super::checks::Checked;
use super::{guard, privileges, KEY_PLACEHOLDER};
use crate::core::backend::checks::comments;
use crate::core::intent::Preset;

/// The comment lines at the top of the setup: what could surprise whoever runs it.
fn traps(c: &Checked) -> Vec<String> {
    let (user, db) = (&c.user, &c.db);
    let mut traps = Vec::new();
    if c.folded {
        traps.push(format!(
            "Unquoted names are stored in upper case: the user is {user} and the database {db}."
        ));
    }
    if c.key.is_none() {
        traps.push(format!("No public key pasted: replace {KEY_PLACEHOLDER} with the body of rsa_key.pub in quotes ('MIIB…'); as written, it stops with a syntax error before creating anything."));
    }
    traps.push("A TYPE = SERVICE user signs in with its key pair only (no password, SSO or MFA): Snowflake is retiring password-only sign-in. Make the pair with".into());
    traps.push("  openssl genrsa 2048 | openssl pkcs8 -topk8 -inform PEM -out rsa_key.p8 -nocrypt && openssl rsa -in rsa_key.p8 -pubout -out rsa_key.pub".into());
    traps.push("A future grant on a schema takes precedence over database-level future grants; in a managed-access schema only its owner or a role with MANAGE GRANTS can grant.".into());
    if c.preset == Preset::ReadWrite {
        traps.push("Tables the user creates are owned by its role: dropping the role hands them to the role running DROP ROLE.".into());
    }
    traps
}

/// The setup script: safe to re-run, it makes or updates the user and its role (both
/// marked), takes back what the read/write script grants when read-only, and grants
/// the preset's privileges on each schema, now and on future objects.
pub(super) fn setup(c: &Checked) -> String {
    let (user, role, wh, db, key_sql) = (&c.user, &c.role, &c.wh, &c.db, &c.key_sql);
    let (on_schema, on_tables, on_views) = privileges(c.preset);
    let mut sql = format!(
        "-- {} user for Snowflake, made by Grantsmith. Safe to re-run.\n",
        if c.preset == Preset::ReadWrite {
            "Read/write"
        } else {
            "Read-only"
        }
    );
    comments(&mut sql, &traps(c));
    let mark = guard::mark();
    let checks = guard::checks(user, role);
    sql.push_str(&format!(
        "USE ROLE USERADMIN;\n{checks}CREATE USER IF NOT EXISTS {user} TYPE = SERVICE RSA_PUBLIC_KEY = {key_sql} DEFAULT_ROLE = {role} DEFAULT_WAREHOUSE = {wh} COMMENT = {mark};\nALTER USER {user} SET TYPE = SERVICE RSA_PUBLIC_KEY = {key_sql} DEFAULT_ROLE = {role} DEFAULT_WAREHOUSE = {wh} COMMENT = {mark};\nCREATE ROLE IF NOT EXISTS {role} COMMENT = {mark};\nALTER ROLE {role} SET COMMENT = {mark};\nUSE ROLE SECURITYADMIN;\nGRANT ROLE {role} TO USER {user};\n-- Lets SYSADMIN manage what the role owns.\nGRANT ROLE {role} TO ROLE SYSADMIN;\nGRANT USAGE ON WAREHOUSE {wh} TO ROLE {role};\nGRANT USAGE ON DATABASE {db} TO ROLE {role};\n"
    ));
    for s in &c.schemas {
        let q = format!("{db}.{s}");
        if c.preset != Preset::ReadWrite {
            sql.push_str(&format!(
                "-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\nREVOKE CREATE TABLE, CREATE VIEW ON SCHEMA {q} FROM ROLE {role};\nREVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {q} FROM ROLE {role};\nREVOKE INSERT, UPDATE, DELETE, TRUNCATE ON FUTURE TABLES IN SCHEMA {q} FROM ROLE {role};\n"
            ));
        }
        sql.push_str(&format!(
            "GRANT {on_schema} ON SCHEMA {q} TO ROLE {role};\nGRANT {on_tables} ON ALL TABLES IN SCHEMA {q} TO ROLE {role};\nGRANT {on_views} ON ALL VIEWS IN SCHEMA {q} TO ROLE {role};\nGRANT {on_tables} ON FUTURE TABLES IN SCHEMA {q} TO ROLE {role};\nGRANT {on_views} ON FUTURE VIEWS IN SCHEMA {q} TO ROLE {role};\n"
        ));
    }
    sql
}
