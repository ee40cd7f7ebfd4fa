//! BigQuery's form, as data: its fields, their defaults, its password and TLS box.

use crate::core::intent::Field;
use crate::core::spec::{schemas, FieldSpec, Spec};

/// The form's fields.
pub const FIELDS: [FieldSpec; 4] = [
    FieldSpec::text(Field::Database, "Project ID", "my-project", ""),
    FieldSpec::text(
        Field::Role,
        "Service account e-mail",
        "dagflux@my-project.iam.gserviceaccount.com",
        "",
    ),
    schemas("Datasets (commas or new lines)", "analytics", ""),
    FieldSpec::text(Field::Location, "Datasets' location (region)", "US", "US"),
];

/// The form and its checks, as data.
pub static SPEC: Spec = Spec::new(&FIELDS, "Enter the project id to generate");
