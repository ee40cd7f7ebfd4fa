//! SQL Server's form, as data: its fields, their defaults, its password and TLS box.

use crate::core::intent::Field;
use crate::core::spec::{schemas, FieldSpec, Spec};

/// The form's fields.
pub const FIELDS: [FieldSpec; 5] = [
    FieldSpec::text(Field::Host, "Server", "sql.example.com", ""),
    FieldSpec::text(Field::Port, "Port", "1433", "1433"),
    FieldSpec::text(Field::Role, "Login and user name", "dagflux", "dagflux"),
    FieldSpec::text(Field::Database, "Database", "mydb", ""),
    schemas("Schemas (commas or new lines)", "dbo", "dbo"),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the host to generate")
    .with_password()
    .with_tls(true);
