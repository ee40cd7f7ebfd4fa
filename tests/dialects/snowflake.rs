//! Snowflake: its sample form, refusals, what sqlparser cannot parse, the key pair and
//! its connection URL.

use grantsmith::core::{generate, Db, Field, Preset};

use super::{sample, Case, KEY};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(Field::Host, "myorg-myaccount");
        f.set(Field::Database, "analytics");
        f.set(Field::Schemas, "PUBLIC, marts");
    },
    refusals: || {
        vec![
            (
                Field::Role,
                "accountadmin".into(),
                "ACCOUNTADMIN is one of Snowflake's own roles or users: the integration needs a user of its own",
            ),
            (Field::Host, "my account".into(), "An account identifier has only letters, digits, - _ and . (like myorg-myaccount)"),
            (Field::Warehouse, "w".repeat(256), "Too long: 256 characters, but Snowflake allows 255"),
            (Field::PublicKey, "-----BEGIN PRIVATE KEY-----\nnot base64!\n".into(), "Paste the public key (the PEM file's text, BEGIN/END lines optional), not the private key"),
        ]
    },
    // ALTER USER … SET, and CREATE TABLE/VIEW as schema privileges.
    unsupported: &[
        "ALTER USER ",
        // The mark on the role (src/core/backend/snowflake_guard.rs).
        "CREATE ROLE IF NOT EXISTS ",
        "ALTER ROLE ",
        "GRANT USAGE, CREATE TABLE, CREATE VIEW ON SCHEMA ",
        "REVOKE CREATE TABLE, CREATE VIEW ON SCHEMA ",
    ],
    dialect: || Box::new(sqlparser::dialect::SnowflakeDialect {}),
};

#[test]
fn key_pair_and_connection_url() {
    let mut f = sample(Db::Snowflake, Preset::ReadOnly);
    f.set(
        Field::Host,
        "https://MyOrg-MyAccount.snowflakecomputing.com/",
    );
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
        &KEY[..64],
        &KEY[64..]
    );
    f.set(Field::PublicKey, pem);
    let out = generate(&f);
    let conn = out.conn.unwrap();
    for line in [
        "    account=\"myorg-myaccount\",",
        "    user=\"DAGFLUX\",",
        "    private_key_file=\"rsa_key.p8\",  # the key pair's private key",
        "    role=\"DAGFLUX_ROLE\",",
    ] {
        assert!(conn.contains(line), "{line} in {conn}");
    }
    // Names that exist only quoted are passed quoted: Snowflake folds the rest.
    let quoted = generate(&f.clone().with(Field::Database, "my db"));
    assert!(quoted
        .conn
        .unwrap()
        .contains("    database=\"\\\"my db\\\"\","));
    assert!(out
        .setup
        .unwrap()
        .contains(&format!("TYPE = SERVICE RSA_PUBLIC_KEY = '{KEY}'")));
}

#[test]
fn the_first_field_empty_asks_for_it() {
    let mut f = sample(Db::Snowflake, Preset::ReadOnly);
    f.set(Field::Host, "");
    assert_eq!(
        generate(&f).hint,
        "Enter the account identifier to generate"
    );
}
