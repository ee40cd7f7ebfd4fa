//! The new-schema grant applet's inputs and output.

use super::backend::postgres::original::new_schema::new_schema_sql;
use super::backend::postgres::original::ROLE_DEFAULT;
use super::intent::{Db, Intent, Preset};
use super::privileges::Privileges;
use super::quote::pg::Ident;
use super::text::or_default;

/// Fields as typed; empty ones fall back to `public`, `dreamlit_app`, `postgres`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaForm {
    /// Schema created after setup.
    pub schema: String,
    /// The integration role.
    pub role: String,
    /// The role that owns/creates tables in the schema.
    pub owner: String,
    /// What the chosen preset grants in a listed schema; `None`: the original applet's
    /// grants.
    pub privileges: Option<Privileges>,
}

/// What the new-schema applet grants for `i`'s preset: the original's (`None`) or a
/// PostgreSQL preset's own.
pub fn preset_privileges(i: &Intent) -> Option<Privileges> {
    (i.db == Db::Postgres && i.preset != Preset::Original)
        .then(|| super::backend::postgres::presets::privileges(i))
}

impl Default for SchemaForm {
    fn default() -> Self {
        SchemaForm {
            schema: "public".into(),
            role: ROLE_DEFAULT.into(),
            owner: super::neon::OWNER_DEFAULT.into(),
            privileges: None,
        }
    }
}

/// Messages per field, and the SQL when all are fine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaOutput {
    /// Schema name message.
    pub schema: Option<String>,
    /// Role name message.
    pub role: Option<String>,
    /// Owner name message.
    pub owner: Option<String>,
    /// The grants, when every field is valid.
    pub sql: Option<String>,
}

/// Validates and renders.
///
/// ```
/// use grantsmith::core::new_schema_form::{schema_grant, SchemaForm};
/// assert!(schema_grant(&SchemaForm::default()).sql.is_some());
/// let bad = SchemaForm { role: "pg_x".into(), ..SchemaForm::default() };
/// assert!(schema_grant(&bad).sql.is_none());
/// ```
pub fn schema_grant(f: &SchemaForm) -> SchemaOutput {
    let schema = Ident::new_schema(or_default(&f.schema, "public"));
    let role = Ident::new_role(or_default(&f.role, ROLE_DEFAULT));
    let owner = Ident::new_existing_role(or_default(&f.owner, super::neon::OWNER_DEFAULT));
    let sql = match (&schema, &role, &owner) {
        (Ok(s), Ok(r), Ok(o)) => Some(match &f.privileges {
            None => new_schema_sql(s, r, o),
            Some(p) => super::backend::postgres::presets::new_schema::new_schema_sql(s, r, o, p),
        }),
        _ => None,
    };
    SchemaOutput {
        schema: schema.err().map(|e| e.message()),
        role: role.err().map(|e| e.message()),
        owner: owner.err().map(|e| e.message()),
        sql,
    }
}
