//! The original applet's form, as data: its fields and their defaults.

use crate::core::intent::{Field, Scope};
use crate::core::neon::{DB_DEFAULT, OWNER_DEFAULT};
use crate::core::spec::{FieldSpec, Spec, When, HINT_NO_HOST};

/// Default integration role.
pub const ROLE_DEFAULT: &str = "dreamlit_app";
/// Default schema list.
pub const SCHEMAS_DEFAULT: &str = "public";
/// Default port.
pub const PORT_DEFAULT: &str = "5432";

/// The original's fields (its page keeps its own layout; this gives the defaults and
/// the order of messages).
pub static SPEC: Spec = Spec {
    fields: &[
        FieldSpec::text(Field::Host, "Host", "db.example.com", ""),
        FieldSpec::text(Field::Port, "Port", PORT_DEFAULT, PORT_DEFAULT),
        FieldSpec::text(
            Field::Role,
            "Dreamlit user name",
            ROLE_DEFAULT,
            ROLE_DEFAULT,
        ),
        FieldSpec::text(Field::Database, "Database name", DB_DEFAULT, DB_DEFAULT),
        FieldSpec::list(Field::Schemas, "Schemas", SCHEMAS_DEFAULT, SCHEMAS_DEFAULT)
            .when(When::Scope(Scope::Listed)),
        FieldSpec::list(
            Field::Owners,
            "Table owner role(s)",
            OWNER_DEFAULT,
            OWNER_DEFAULT,
        ),
    ],
    start_hint: HINT_NO_HOST,
    password: true,
    scram: true,
    tls: None,
    tls_default: false,
    scope: Scope::All,
    scope_choice: &[crate::core::intent::Preset::Original],
    libpq: true,
    switches: &[],
};
