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
