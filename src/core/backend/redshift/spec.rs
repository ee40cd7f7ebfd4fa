//! Amazon Redshift's form, as data: its fields, their defaults, its password and TLS box.

use crate::core::intent::Field;
use crate::core::spec::{schemas, FieldSpec, Spec, USER};

/// The form's fields.
pub const FIELDS: [FieldSpec; 7] = [
    FieldSpec::text(
        Field::Host,
        "Endpoint host",
        "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com",
        "",
    ),
    FieldSpec::text(Field::Port, "Port", "5439", "5439"),
    USER,
    FieldSpec::text(Field::Database, "Database", "dev", ""),
    schemas("Schemas (commas or new lines)", "public", "public"),
    FieldSpec::list(
        Field::Owners,
        "Users who create future tables (default privileges; empty: you)",
        "etl_user",
        "",
    ),
    FieldSpec::text(
        Field::ValidUntil,
        "Password valid until (YYYY-MM-DD, from 00:00 UTC; empty: never expires)",
        "2027-12-31",
        "",
    ),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the endpoint host to generate")
    .with_password()
    .with_tls(false)
    .with_libpq();
