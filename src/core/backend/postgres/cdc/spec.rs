//! The change-data-capture preset's form, as data: the connection, the user, the tables
//! (or whole schemas) to publish, and its options.

use crate::core::intent::{Field, Scope, Switch};
use crate::core::spec::{FieldSpec, Spec, When, HINT_NO_HOST};

/// The default user: what the tool reads changes as.
pub const ROLE_DEFAULT: &str = "cdc_reader";

/// The preset's fields and options.
pub static SPEC: Spec = Spec {
    fields: &[
        FieldSpec::text(
            Field::Host,
            "Host (the direct host: replication does not pass a pooler)",
            "db.example.com",
            "",
        ),
        FieldSpec::text(Field::Port, "Port", "5432", "5432"),
        FieldSpec::text(Field::Role, "User name", ROLE_DEFAULT, ROLE_DEFAULT),
        FieldSpec::text(Field::Database, "Database", "your_database", ""),
        FieldSpec::list(
            Field::Tables,
            "Tables to publish, schema.table (commas or new lines)",
            "public.orders, public.customers",
            "",
        )
        .when(When::Switch(Switch::WholeSchemas, false)),
        FieldSpec::list(
            Field::Schemas,
            "Schemas to publish whole (commas or new lines)",
            "public",
            "public",
        )
        .when(When::Switch(Switch::WholeSchemas, true)),
    ],
    start_hint: HINT_NO_HOST,
    password: true,
    scram: true,
    tls: Some("Use SSL (adds sslmode=require to the connection string)"),
    tls_default: false,
    scope: Scope::Listed,
    scope_choice: &[],
    libpq: true,
    switches: &[
        Switch::WholeSchemas,
        Switch::CreateSlot,
        Switch::ReplicaIdentityFull,
        Switch::OwnersGroup,
    ],
};
