//! Snowflake: privileges go to a role, the role to the user; the user needs USAGE on a
//! warehouse to run anything; FUTURE grants cover objects created later. Unquoted
//! names fold to upper case, so a plain name typed here means its upper-case object.

mod inspect;
pub mod spec;

pub use spec::{FIELDS, SPEC};

use super::checks::{comments, list, name};
pub mod guard;
use crate::core::client::Client;
use crate::core::client_code::{
    jdbc_snowflake, snowflake_connector, snowflake_sqlalchemy, SnowflakeLogin,
};
use crate::core::intent::{Field, Intent, Preset};
use crate::core::output::{Errors, Render, Scripts};
pub use crate::core::quote::snowflake::{Ident, Str};
use crate::core::text::js_trim;

/// Stands for the public key until one is pasted: not SQL, so the script stops there.
pub const KEY_PLACEHOLDER: &str = "[[REPLACE_WITH_PUBLIC_KEY]]";

/// The body of a PEM public key (header, footer and white space removed): base64 only.
fn public_key(raw: &str) -> Result<Option<String>, String> {
    let body: String = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----"))
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if body.is_empty() {
        return Ok(None);
    }
    let ok = body.len() >= 100
        && body.len() <= 4096
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    if ok {
        Ok(Some(body))
    } else {
        Err("Paste the public key (the PEM file's text, BEGIN/END lines optional), not the private key".into())
    }
}

/// Identifiers hold up to 255 characters.
pub const MAX_NAME: usize = 255;

/// The account identifier as typed, or the host name Snowflake gave it.
fn account(raw: &str) -> Result<String, String> {
    let t = js_trim(raw).to_ascii_lowercase();
    let t = t.trim_start_matches("https://");
    let t = t.trim_end_matches('/');
    let t = t.trim_end_matches(".snowflakecomputing.com");
    if t.is_empty() {
        return Err("Enter the account identifier".into());
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(
            "An account identifier has only letters, digits, - _ and . (like myorg-myaccount)"
                .into(),
        );
    }
    Ok(t.to_string())
}

fn ident(raw: &str, what: &str) -> Result<Ident, String> {
    let n = name(raw, what, MAX_NAME, false, "Snowflake")?;
    if n.contains('\\') {
        // Quoted identifiers take a backslash literally, but tools differ on whether it
        // escapes the next quote: refused rather than risk either reading.
        return Err("Cannot contain \\ (tools disagree on what it means in a quoted name)".into());
    }
    Ok(Ident::new(&n))
}

/// Privileges on the schema itself, and on its tables and views.
fn privileges(preset: Preset) -> (&'static str, &'static str, &'static str) {
    match preset {
        Preset::ReadWrite => (
            "USAGE, CREATE TABLE, CREATE VIEW",
            "SELECT, INSERT, UPDATE, DELETE, TRUNCATE",
            "SELECT",
        ),
        // Not offered for Snowflake: read-only.
        Preset::ReadOnly | Preset::Original | Preset::Metadata | Preset::Custom => {
            ("USAGE", "SELECT", "SELECT")
        }
    }
}

pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let acct = e.take(Field::Host, account(i.get(Field::Host)));
    let user_raw = js_trim(i.get(Field::Role)).to_string();
    let user = e.take(
        Field::Role,
        ident(&user_raw, "user name").and_then(|u| guard::own_user(&u).map(|()| u)),
    );
    let wh = e.take(
        Field::Warehouse,
        ident(i.get(Field::Warehouse), "warehouse"),
    );
    let db_raw = js_trim(i.get(Field::Database)).to_string();
    let db = e.take(Field::Database, ident(&db_raw, "database"));
    let schemas = e.take(
        Field::Schemas,
        list(i.get(Field::Schemas), "PUBLIC", "schema", |s| {
            ident(s, "schema")
        }),
    );
    let key = e.take(Field::PublicKey, public_key(i.get(Field::PublicKey)));
    let (acct, user, wh, db, schemas, key) = (acct?, user?, wh?, db?, schemas?, key?);
    // `<USER>_ROLE`, quoted exactly when the user is (no reserved word ends in _ROLE).
    let role = user.with_suffix("_ROLE");
    let key_sql = key.as_deref().map(|k| Str::new(k).to_string());
    let key_sql = key_sql.as_deref().unwrap_or(KEY_PLACEHOLDER);
    let (on_schema, on_tables, on_views) = privileges(i.preset);

    let mut traps = Vec::new();
    if user.folded(&user_raw) || db.folded(&db_raw) {
        traps.push(format!(
            "Unquoted names are stored in upper case: the user is {user} and the database {db}."
        ));
    }
    if key.is_none() {
        traps.push(format!("No public key pasted: replace {KEY_PLACEHOLDER} with the body of rsa_key.pub in quotes ('MIIB…'); as written, it stops with a syntax error before creating anything."));
    }
    traps.push("A TYPE = SERVICE user signs in with its key pair only (no password, SSO or MFA): Snowflake is retiring password-only sign-in. Make the pair with".into());
    traps.push("  openssl genrsa 2048 | openssl pkcs8 -topk8 -inform PEM -out rsa_key.p8 -nocrypt && openssl rsa -in rsa_key.p8 -pubout -out rsa_key.pub".into());
    traps.push("A future grant on a schema takes precedence over database-level future grants; in a managed-access schema only its owner or a role with MANAGE GRANTS can grant.".into());
    if i.preset == Preset::ReadWrite {
        traps.push("Tables the user creates are owned by its role: dropping the role hands them to the role running DROP ROLE.".into());
    }
    let mut sql = format!(
        "-- {} user for Snowflake, made by Grantsmith. Safe to re-run.\n",
        if i.preset == Preset::ReadWrite {
            "Read/write"
        } else {
            "Read-only"
        }
    );
    comments(&mut sql, &traps);
    let mark = guard::mark();
    let checks = guard::checks(&user, &role);
    sql.push_str(&format!(
        "USE ROLE USERADMIN;\n{checks}CREATE USER IF NOT EXISTS {user} TYPE = SERVICE RSA_PUBLIC_KEY = {key_sql} DEFAULT_ROLE = {role} DEFAULT_WAREHOUSE = {wh} COMMENT = {mark};\nALTER USER {user} SET TYPE = SERVICE RSA_PUBLIC_KEY = {key_sql} DEFAULT_ROLE = {role} DEFAULT_WAREHOUSE = {wh} COMMENT = {mark};\nCREATE ROLE IF NOT EXISTS {role} COMMENT = {mark};\nALTER ROLE {role} SET COMMENT = {mark};\nUSE ROLE SECURITYADMIN;\nGRANT ROLE {role} TO USER {user};\n-- Lets SYSADMIN manage what the role owns.\nGRANT ROLE {role} TO ROLE SYSADMIN;\nGRANT USAGE ON WAREHOUSE {wh} TO ROLE {role};\nGRANT USAGE ON DATABASE {db} TO ROLE {role};\n"
    ));
    for s in &schemas {
        let q = format!("{db}.{s}");
        if i.preset != Preset::ReadWrite {
            sql.push_str(&format!(
                "-- Read-only: first take back what the read/write script grants, in case it ran before (revoking what was never granted does nothing).\nREVOKE CREATE TABLE, CREATE VIEW ON SCHEMA {q} FROM ROLE {role};\nREVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {q} FROM ROLE {role};\nREVOKE INSERT, UPDATE, DELETE, TRUNCATE ON FUTURE TABLES IN SCHEMA {q} FROM ROLE {role};\n"
            ));
        }
        sql.push_str(&format!(
            "GRANT {on_schema} ON SCHEMA {q} TO ROLE {role};\nGRANT {on_tables} ON ALL TABLES IN SCHEMA {q} TO ROLE {role};\nGRANT {on_views} ON ALL VIEWS IN SCHEMA {q} TO ROLE {role};\nGRANT {on_tables} ON FUTURE TABLES IN SCHEMA {q} TO ROLE {role};\nGRANT {on_views} ON FUTURE VIEWS IN SCHEMA {q} TO ROLE {role};\n"
        ));
    }

    let mut rows = vec![
        format!("('USAGE', 'WAREHOUSE', {})", Str::new(&wh.to_string())),
        format!("('USAGE', 'DATABASE', {})", Str::new(&db.to_string())),
    ];
    for s in &schemas {
        for p in on_schema.split(", ") {
            rows.push(format!(
                "({}, 'SCHEMA', {})",
                Str::new(p),
                Str::new(&format!("{db}.{s}"))
            ));
        }
    }
    let verify = format!(
        "-- Verify the role: one row per expected grant, status 'ok' or 'MISSING'. Changes nothing.\nSHOW GRANTS TO ROLE {role};\nSELECT e.privilege, e.granted_on, e.name,\n       IFF(g.\"privilege\" IS NULL, 'MISSING', 'ok') AS status\nFROM (SELECT $1 AS privilege, $2 AS granted_on, $3 AS name FROM VALUES\n  {}\n) AS e\nLEFT JOIN TABLE(RESULT_SCAN(LAST_QUERY_ID())) AS g\n  ON g.\"privilege\" = e.privilege AND g.\"granted_on\" = e.granted_on AND g.\"name\" = e.name;\n-- The role's future grants and its user, to read:\n{}SHOW GRANTS OF ROLE {role};\n",
        rows.join(",\n  "),
        schemas
            .iter()
            .map(|s| format!("SHOW FUTURE GRANTS IN SCHEMA {db}.{s};\n"))
            .collect::<String>(),
    );
    let uninstall = format!(
        "-- Uninstall: drops the user, then its role (with every grant and future grant).\n-- Objects the role owns pass to USERADMIN: hand them over first if it created any.\nUSE ROLE USERADMIN;\n{checks}DROP USER IF EXISTS {user};\nDROP ROLE IF EXISTS {role};\n"
    );
    let login = SnowflakeLogin {
        account: &acct,
        user: user.stored(),
        params: [
            ("warehouse", wh.to_string()),
            ("database", db.to_string()),
            ("schema", schemas[0].to_string()),
            ("role", role.to_string()),
        ],
    };
    let conn = snowflake_connector(&login);
    Some(Box::new(Scripts {
        setup: sql,
        verify,
        uninstall,
        forms: vec![
            (Client::SnowflakeConnector, Ok(conn.clone())),
            (
                Client::SqlAlchemySnowflake,
                Ok(snowflake_sqlalchemy(&login)),
            ),
            (Client::JdbcSnowflake, Ok(jdbc_snowflake(&login))),
        ],
        conn,
        conn_info: None,
        drift: None,
        inspect: Some(inspect::inspect_sql(
            &user.to_string(),
            &role.to_string(),
            &Str::new(user.stored()).to_string(),
        )),
    }))
}
