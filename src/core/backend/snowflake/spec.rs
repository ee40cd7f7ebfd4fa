//! Snowflake's form, as data: its fields, their defaults, its password and TLS box.

use crate::core::intent::Field;
use crate::core::spec::{schemas, FieldSpec, Spec, USER};

/// The form's fields.
pub const FIELDS: [FieldSpec; 6] = [
    FieldSpec::text(Field::Host, "Account identifier", "myorg-myaccount", ""),
    USER,
    FieldSpec::text(Field::Warehouse, "Warehouse", "COMPUTE_WH", "COMPUTE_WH"),
    FieldSpec::text(Field::Database, "Database", "ANALYTICS", ""),
    schemas("Schemas (commas or new lines)", "PUBLIC", "PUBLIC"),
    FieldSpec::list(
        Field::PublicKey,
        "RSA public key (rsa_key.pub; optional, it never leaves this page)",
        "-----BEGIN PUBLIC KEY-----",
        "",
    ),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the account identifier to generate");
