//! PostgreSQL's presets beyond the original applet (metadata sync, the connectors,
//! custom): one grant plan per intent, rendered as setup, verify and uninstall scripts.

pub(crate) mod converge;
mod expect;
mod grantor;
pub(crate) mod hosted;
pub mod new_schema;
mod pooler;
mod scripts;
pub mod setup;
pub mod spec;

use crate::core::backend::postgres::form::{idents, not_platform, password_for};
use crate::core::backend::postgres::guard::own_user;
use crate::core::backend::postgres::lazy::Lazy;
use crate::core::backend::rotation::{alternate, WithRotation, Writer};
use crate::core::intent::{Field, Intent, Preset, Scope};
use crate::core::output::{Errors, Part, Render};
use crate::core::privileges::Privileges;
use crate::core::provider::Provider;
use crate::core::quote::pg::{Ident, Literal};
use crate::core::text::{js_trim, or_default, split_unique};
use setup::{Plan, Schemas};
pub use spec::SPEC;

/// Short description for the script headers.
fn title(preset: Preset) -> &'static str {
    match preset {
        Preset::Metadata => "read-only metadata sync user",
        Preset::ReadWrite => "read-write connector user",
        Preset::ReadOnly => "read-only connector user",
        Preset::Custom | Preset::Original | Preset::Cdc => "integration user",
    }
}

/// What an access grants (Custom: the intent's choice).
pub fn privileges(i: &Intent) -> Privileges {
    match i.preset {
        Preset::Metadata => Privileges::metadata_sync(),
        Preset::ReadWrite => Privileges::connector_read_write(),
        Preset::ReadOnly => Privileges::connector_read_only(),
        // The original has its own renderer; its form never reaches here.
        Preset::Custom | Preset::Original | Preset::Cdc => i.custom.clone(),
    }
}

/// An include or exclude filter: refused here when PostgreSQL would refuse it (with
/// its reason), or when it means something else there than elsewhere (`\b`).
fn check_regex(label: &str, re: &str) -> Result<Option<Literal>, String> {
    if re.is_empty() {
        return Ok(None);
    }
    super::regex::check(re).map_err(|k| format!("{label} filter: {}", k.message()))?;
    Literal::new(re).map(Some).map_err(|x| x.message())
}

/// The connection name: one printable line (it is pasted into another tool's form).
fn one_line(s: &str) -> Result<String, String> {
    if s.chars().any(char::is_control) {
        return Err("Must be one line of printable text".into());
    }
    Ok(s.to_string())
}

/// An environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
fn env_name(s: &str) -> Result<String, String> {
    let ok = s
        .bytes()
        .enumerate()
        .all(|(n, b)| b == b'_' || b.is_ascii_alphabetic() || (n > 0 && b.is_ascii_digit()));
    if ok {
        Ok(s.to_string())
    } else {
        Err(
            "An environment variable name is letters, digits and _, not starting with a digit"
                .into(),
        )
    }
}

/// The schemas in scope: listed (checked names, no provider's own), or matched by the
/// metadata preset's include and exclude expressions.
fn checked_schemas(i: &Intent, e: &mut Errors, platform: Option<Provider>) -> Option<Schemas> {
    if SPEC.scope_of(i) == Scope::All {
        let get = |f: Field| js_trim(i.get(f));
        let include = e.take(Field::Include, check_regex("Include", get(Field::Include)));
        let exclude = e.take(Field::Exclude, check_regex("Exclude", get(Field::Exclude)));
        include
            .zip(exclude)
            .map(|(include, exclude)| Schemas::Matching { include, exclude })
    } else {
        let items = split_unique(i.get(Field::Schemas)).unwrap_or(vec!["public"]);
        let listed = not_platform(platform, &items)
            .and_then(|()| idents("Schema", &items, Ident::new_schema))
            .map(Schemas::Listed);
        e.take(Field::Schemas, listed)
    }
}

/// The metadata tool's connection name and password variable, checked.
fn metadata_fields(i: &Intent, e: &mut Errors) -> (Option<String>, Option<String>) {
    let cname = e.take(
        Field::ConnectionName,
        one_line(or_default(
            i.get(Field::ConnectionName),
            "postgres_production",
        )),
    );
    let penv = e.take(
        Field::PasswordEnvName,
        env_name(or_default(
            i.get(Field::PasswordEnvName),
            "POSTGRES_CONNECTION_PASSWORD",
        )),
    );
    (cname, penv)
}

/// Checks a preset's form and, when every field is fine, returns its lazy renderer.
pub(crate) fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    let get = |f: Field| js_trim(i.get(f));
    let port = crate::core::backend::postgres::form::host_port(i, e, "5432");
    let default_role = SPEC.field(i.preset, Field::Role).map_or("", |f| f.default);
    let role = Ident::new_role(or_default(
        i.get(Field::Role),
        i.role_fallback(default_role),
    ))
    .map_err(|x| e.add(Field::Role, x.message()))
    .ok();
    let database = match get(Field::Database) {
        "" => e.take(Field::Database, Err("Enter the database name".into())),
        d => Ident::new(d)
            .map_err(|x| e.add(Field::Database, x.message()))
            .ok(),
    };
    let platform = i.provider();
    let schemas = checked_schemas(i, e, platform);
    let owner_items = split_unique(i.get(Field::Owners)).unwrap_or_default();
    let owners = e.take(
        Field::Owners,
        idents("Role", &owner_items, Ident::new_existing_role),
    );
    let meta = i.preset == Preset::Metadata;
    // Only the metadata preset has these fields: another preset never refuses a value
    // (from a link or a profile) the reader cannot see or change.
    let (cname, penv) = if meta {
        metadata_fields(i, e)
    } else {
        (Some(String::new()), Some(String::new()))
    };
    let password = e.take(Field::Password, password_for(i, platform));
    let valid_until = e.take(
        Field::ValidUntil,
        crate::core::backend::checks::valid_until(i.get(Field::ValidUntil)),
    );
    let (port, role, database, schemas, owners, password, valid_until) = (
        port?,
        role?,
        database?,
        schemas?,
        owners?,
        password?,
        valid_until?,
    );
    e.take(Field::Role, own_user(&role, &owners))?;
    let login = e.take(Field::ProjectRef, pooler::login_name(i, role.raw()));
    let (cname, penv, login) = (cname?, penv?, login?);
    if !e.is_empty() {
        return None;
    }
    let host = crate::core::host::Host::new(i.get(Field::Host));
    let mut conn_info =
        crate::core::backend::postgres::form::conn_info(i, port, &database, &role, i.tls);
    conn_info.user = login.clone();
    let summary = meta.then(|| {
        format!(
            "Connection name: {cname}\nHostname: {}\nPort: {port}\nUsername: {}\nPassword environment variable: {penv}",
            // The host as a host name field reads it: an IPv6 address bare.
            host.bare(),
            // One line per field: a line break in the name is shown, not obeyed.
            crate::core::quote::pg::Comment::new(&login),
        )
    });
    let plan = Plan {
        title: title(i.preset),
        role,
        database,
        password,
        valid_until,
        schemas,
        privs: privileges(i),
        owners,
        platform,
    };
    let steps = rotation(&plan);
    let lazy = Box::new(Lazy {
        sql: plan,
        scripts: [Plan::render, Plan::verify_sql, Plan::uninstall_sql],
        expect: Some(Plan::expect),
        extra: summary.map(|s| (Part::Summary, s)),
        conn_info,
    });
    Some(Box::new(WithRotation { inner: lazy, steps }))
}

/// The password rotated without downtime by alternating two users (`app` ↔ `app_2`):
/// step 1 is this preset's setup for the other user, with the password typed (the new
/// one), so it gets exactly these privileges from the same plan; step 2, once the
/// integration signs in as the other user, is this user's uninstall.
fn rotation(plan: &Plan) -> Option<[Writer; 2]> {
    let alt = alternate(plan.role.raw(), crate::core::quote::pg::MAX_IDENT_BYTES)?;
    let mut next = plan.clone();
    next.role = Ident::new_role(&alt).ok()?;
    let old = plan.clone();
    // Names inside comments go through Comment (a line break in a name is shown).
    let name = |r: &Ident| crate::core::quote::pg::Comment::new(&r.to_string()).to_string();
    let (from, to) = (name(&plan.role), name(&next.role));
    let first = format!(
        "-- Rotate the password without downtime, step 1 of 2: makes {to} with exactly the privileges of\n-- {from} and the password typed in the form (the new one). Move the integration to {to},\n-- then run step 2. The next rotation goes back from {to} to {from}.\n"
    );
    let second = format!(
        "-- Rotate the password without downtime, step 2 of 2, once the integration signs in as {to}:\n-- {from} is uninstalled (what it owns goes to the role running this, as uninstall does).\n"
    );
    Some([
        Box::new(move || first.clone() + &next.render()),
        Box::new(move || second.clone() + &old.uninstall_sql()),
    ])
}
