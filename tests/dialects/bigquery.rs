//! BigQuery: its sample form, refusals, what sqlparser cannot parse, and the metadata
//! access it alone offers.

use grantsmith::core::{generate, Db, Field, Intent, Preset};

use super::{sample, Case};

pub const CASE: Case = Case {
    sample: |f| {
        f.set(Field::Database, "my-project");
        f.set(Field::Role, "dagflux@my-project.iam.gserviceaccount.com");
        f.set(Field::Schemas, "analytics, marts");
    },
    refusals: || {
        vec![
            (Field::Database, "My_Project".into(), "A project ID has 6–30 lower-case letters, digits and hyphens and starts with a letter"),
            (Field::Role, "not an email".into(), "Enter an e-mail address like name@project.iam.gserviceaccount.com"),
            (Field::Schemas, "my-set".into(), "my-set: Dataset names have only letters, digits and underscores"),
        ]
    },
    // IAM roles as privileges.
    unsupported: &["GRANT `ROLES/BIGQUERY.", "REVOKE `ROLES/BIGQUERY."],
    dialect: || Box::new(sqlparser::dialect::BigQueryDialect {}),
};

#[test]
fn metadata_access_is_offered_here_only() {
    assert_eq!(
        Intent::new(Db::BigQuery, Preset::Metadata).preset,
        Preset::Metadata
    );
    assert_eq!(
        Intent::new(Db::MySql, Preset::Metadata).preset,
        Preset::ReadOnly
    );
    let out = generate(&sample(Db::BigQuery, Preset::Metadata));
    assert!(out.setup.unwrap().contains("roles/bigquery.metadataViewer"));
}
