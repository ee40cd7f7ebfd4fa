//! MySQL's change-data-capture form, as data: the connection, the account, the databases
//! whose tables the tool copies first, and which names the server gives the replication
//! privileges.

use crate::core::intent::{Field, Switch};
use crate::core::spec::{schemas, FieldSpec, Spec};

/// The default user: what the tool reads changes as.
pub const ROLE_DEFAULT: &str = "cdc_reader";

/// The form's fields: MySQL's own, with the CDC user's default name.
pub const FIELDS: [FieldSpec; 6] = [
    FieldSpec::text(Field::Host, "Host", "db.example.com", ""),
    FieldSpec::text(Field::Port, "Port", "3306", "3306"),
    FieldSpec::text(Field::Role, "User name", ROLE_DEFAULT, ROLE_DEFAULT),
    FieldSpec::text(
        Field::ClientHost,
        "Allowed client host ('%' means any)",
        "%",
        "%",
    ),
    schemas("Databases to capture (commas or new lines)", "mydb", ""),
    FieldSpec::text(
        Field::ValidUntil,
        "Password valid until (YYYY-MM-DD, UTC; empty: the server's policy)",
        "2027-12-31",
        "",
    ),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec {
    switches: &[Switch::MariaDb105],
    ..Spec::new(&FIELDS, "Enter the host to generate")
        .with_password()
        .with_tls(false)
};
