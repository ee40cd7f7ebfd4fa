//! The original applet (`PostgresSqlBuilder`): its fields, its checks and its own
//! renderer, kept byte for byte where the original is correct.

mod converge;
mod defaults;
mod expect;
mod hosted;
pub mod new_schema;
pub mod policy;
pub mod setup;
pub mod spec;
pub(crate) mod uninstall;
pub mod verify;

use super::form::{idents, not_platform, password_for};
use super::guard;
use crate::core::backend::postgres::lazy::{extra, writers, Lazy};
use crate::core::intent::{Field, Intent, Scope};
use crate::core::neon::{DB_DEFAULT, OWNER_DEFAULT};
use crate::core::output::{Errors, Part, Render};
use crate::core::quote::pg::Ident;
use crate::core::text::{or_default, split_unique};
use setup::{SchemaScope, Setup};
pub use spec::{PORT_DEFAULT, ROLE_DEFAULT, SCHEMAS_DEFAULT, SPEC};

/// Checks the original's form and, when every field is fine, returns its lazy renderer.
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let port = crate::core::backend::postgres::form::host_port(i, e, PORT_DEFAULT);
    let role = Ident::new_role(or_default(
        i.get(Field::Role),
        i.role_fallback(ROLE_DEFAULT),
    ))
    .map_err(|x| e.add(Field::Role, x.message()))
    .ok();
    let database = Ident::new(or_default(i.get(Field::Database), DB_DEFAULT))
        .map_err(|x| e.add(Field::Database, x.message()))
        .ok();
    let platform = i.provider();
    let scope = match i.scope {
        Scope::All => Some(SchemaScope::All),
        Scope::Listed => {
            let items = split_unique(i.get(Field::Schemas)).unwrap_or(vec![SCHEMAS_DEFAULT]);
            let listed = not_platform(platform, &items)
                .and_then(|()| idents("Schema", &items, Ident::new_schema))
                .map(SchemaScope::Listed);
            e.take(Field::Schemas, listed)
        }
    };
    let owner_items = split_unique(i.get(Field::Owners)).unwrap_or(vec![OWNER_DEFAULT]);
    let owners = e.take(
        Field::Owners,
        idents("Role", &owner_items, Ident::new_existing_role),
    );
    let password = e.take(Field::Password, password_for(i, platform));
    let (port, role, database, scope, owners, password) =
        (port?, role?, database?, scope?, owners?, password?);
    e.take(Field::Role, guard::own_user(&role, &owners))?;
    if !e.is_empty() {
        return None;
    }
    let conn_info =
        crate::core::backend::postgres::form::conn_info(i, port, &database, &role, false);
    let setup = Setup {
        role,
        database,
        scope,
        owners,
        rls: i.rls,
        password,
        platform,
        brand: i.brand.clone(),
    };
    Some(Box::new(Lazy {
        extra: i.rls.then(|| (Part::PolicyName, setup.policy_name())),
        scripts: writers(Setup::render, Setup::verify_sql, Setup::uninstall_sql),
        expect: extra(Setup::expect),
        sql: setup,
        conn_info,
    }))
}
