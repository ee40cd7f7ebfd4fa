//! MySQL and MariaDB's form, as data: its fields, their defaults, its password and TLS box.

use crate::core::intent::Field;
use crate::core::spec::{schemas, FieldSpec, Spec, USER};

/// The form's fields.
pub const FIELDS: [FieldSpec; 6] = [
    FieldSpec::text(Field::Host, "Host", "db.example.com", ""),
    FieldSpec::text(Field::Port, "Port", "3306", "3306"),
    USER,
    FieldSpec::text(
        Field::ClientHost,
        "Allowed client host ('%' means any)",
        "%",
        "%",
    ),
    schemas("Databases (commas or new lines)", "mydb", ""),
    FieldSpec::text(
        Field::ValidUntil,
        "Password valid until (YYYY-MM-DD, UTC; empty: the server's policy)",
        "2027-12-31",
        "",
    ),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the host to generate")
    .with_password()
    .with_tls(false);
