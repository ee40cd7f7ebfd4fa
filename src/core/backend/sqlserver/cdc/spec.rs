//! SQL Server's change-data-capture form, as data: the connection, the login, the
//! database and the tables to capture.

use crate::core::intent::Field;
use crate::core::spec::{FieldSpec, Spec};

/// The default login: what the tool reads changes as.
pub const ROLE_DEFAULT: &str = "cdc_reader";

/// The form's fields.
pub const FIELDS: [FieldSpec; 5] = [
    FieldSpec::text(Field::Host, "Server", "sql.example.com", ""),
    FieldSpec::text(Field::Port, "Port", "1433", "1433"),
    FieldSpec::text(
        Field::Role,
        "Login and user name",
        ROLE_DEFAULT,
        ROLE_DEFAULT,
    ),
    FieldSpec::text(Field::Database, "Database", "mydb", ""),
    FieldSpec::list(
        Field::Tables,
        "Tables to capture, schema.table (commas or new lines; [a.b] for a name with a dot)",
        "dbo.orders, dbo.customers",
        "",
    ),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the host to generate")
    .with_password()
    .with_tls(true);
