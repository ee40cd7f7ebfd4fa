//! Amazon Redshift: its sample form, refusals (its password rules included), what
//! sqlparser cannot parse, and its connection URI.

use grantsmith::core::{generate, Db, Field, Preset};

use super::{sample, Case};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(
            Field::Host,
            "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com",
        );
        f.set(Field::Database, "dev");
        f.set(Field::Schemas, "public, marts");
        f.set(Field::Owners, "etl_user");
    },
    refusals: || {
        vec![
            (Field::Role, "PUBLIC".into(), "\"public\" is a reserved name in Redshift"),
            (Field::Schemas, "é".repeat(64), "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé: Too long: 128 bytes, but Redshift allows 127"),
            (Field::Password, "short".into(), "Redshift needs 8–64 characters with an upper-case letter, a lower-case letter and a digit, and no ' \" \\ / @ or spaces"),
        ]
    },
    // Users with PASSWORD, default privileges FOR USER.
    unsupported: &["CREATE USER ", "ALTER USER ", "ALTER DEFAULT PRIVILEGES "],
    dialect: || Box::new(sqlparser::dialect::RedshiftSqlDialect {}),
};

#[test]
fn connection_uri_with_a_password_and_tls() {
    let mut f = sample(Db::Redshift, Preset::ReadOnly);
    f.set(Field::Password, "Passw0rd!");
    f.tls = true;
    assert!(generate(&f)
        .conn
        .unwrap()
        .ends_with(":Passw0rd%21@examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?sslmode=require"));
}

/// The password's expiry: a date goes with the password as midnight UTC (parsed only:
/// Redshift cannot run here), none writes 'infinity' so a re-run takes an earlier date
/// away, and a date past abstime's end (2038-01-19, pg_user.valuntil's type) is refused.
#[test]
fn the_password_expires_on_the_date_typed() {
    let f = sample(Db::Redshift, Preset::ReadOnly);
    let dated = generate(&f.clone().with(Field::ValidUntil, "2030-06-30"));
    let setup = dated.setup.unwrap();
    assert!(
        setup.contains("PASSWORD [[REPLACE_WITH_PASSWORD]] VALID UNTIL '2030-06-30 00:00:00+00';"),
        "{setup}"
    );
    assert!(generate(&f)
        .setup
        .unwrap()
        .contains("VALID UNTIL 'infinity';"));
    let late = generate(&f.with(Field::ValidUntil, "2040-01-01"));
    assert!(late.error(Field::ValidUntil).unwrap().contains("abstime"));
}
