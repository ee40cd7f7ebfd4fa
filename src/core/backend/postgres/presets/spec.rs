//! The presets' form, as data: the user each guide suggests, the metadata tool's
//! connection fields, listed schemas or filters.

use crate::core::intent::{Field, Preset, Scope};
use crate::core::spec::{FieldSpec, Spec, When, HINT_NO_HOST};

pub(crate) const META: &[Preset] = &[Preset::Metadata];
const CONNECTORS: &[Preset] = &[Preset::ReadWrite, Preset::ReadOnly];
const CUSTOM: &[Preset] = &[Preset::Custom];
const USER: &str = "User name";
const PW_ENV: &str = "POSTGRES_CONNECTION_PASSWORD";

/// The presets' fields: the user each guide suggests, the metadata tool's connection
/// fields, listed schemas or filters.
pub static SPEC: Spec = Spec {
    fields: &[
        FieldSpec::text(Field::Host, "Host", "db.example.com", ""),
        FieldSpec::text(Field::Port, "Port", "5432", "5432"),
        FieldSpec::text(Field::Role, USER, "dagster_connection", "dagster_connection").when(When::Preset(META)),
        FieldSpec::text(Field::Role, USER, "dagflux", "dagflux").when(When::Preset(CONNECTORS)),
        FieldSpec::text(Field::Role, USER, "integration_user", "integration_user").when(When::Preset(CUSTOM)),
        FieldSpec::text(Field::ProjectRef, "Supabase project ref (the pooler signs the user in as user.project-ref)", "abcdefghijklmnopqrst", "").when(When::SupabasePooler),
        FieldSpec::text(Field::Database, "Database", "your_database", ""),
        FieldSpec::text(Field::ConnectionName, "Connection name", "postgres_production", "postgres_production").when(When::Preset(META)),
        FieldSpec::text(Field::PasswordEnvName, "Password environment variable", PW_ENV, PW_ENV).when(When::Preset(META)),
        FieldSpec::list(Field::Schemas, "Schemas (commas or new lines)", "public", "public").when(When::Scope(Scope::Listed)),
        FieldSpec::text(Field::Include, "Include schemas matching", "^(public|sales)$", "").when(When::Scope(Scope::All)),
        FieldSpec::text(Field::Exclude, "Exclude schemas matching", "_tmp$", "").when(When::Scope(Scope::All)),
        FieldSpec::text(Field::ValidUntil, "Password valid until (YYYY-MM-DD, from 00:00 UTC; empty: never expires)", "2027-12-31", ""),
        FieldSpec::list(Field::Owners, "Roles that create future tables (default privileges; empty: the role running the script)", "", ""),
    ],
    start_hint: HINT_NO_HOST,
    password: true,
    scram: true,
    tls: Some("Use SSL (adds sslmode=require to the connection string)"),
    tls_default: false,
    scope: Scope::Listed,
    scope_choice: META,
    libpq: true,
    switches: &[],
};
