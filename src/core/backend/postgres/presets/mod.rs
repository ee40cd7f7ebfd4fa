//! PostgreSQL's presets beyond the original applet (metadata sync, the connectors,
//! custom): one grant plan per intent, rendered as setup, verify and uninstall scripts.

pub(crate) mod converge;
mod expect;
mod grantor;
pub(crate) mod hosted;
pub mod new_schema;
mod scripts;
pub mod setup;
pub mod spec;

use crate::core::backend::postgres::form::{idents, not_platform, password_for};
use crate::core::backend::postgres::guard::own_user;
use crate::core::backend::postgres::lazy::Lazy;
use crate::core::client::ConnInfo;
use crate::core::conn::validate_port;
use crate::core::host::validate_host;
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
        Preset::Custom | Preset::Original => "integration user",
    }
}

/// What an access grants (Custom: the intent's choice).
pub fn privileges(i: &Intent) -> Privileges {
    match i.preset {
        Preset::Metadata => Privileges::metadata_sync(),
        Preset::ReadWrite => Privileges::connector_read_write(),
        Preset::ReadOnly => Privileges::connector_read_only(),
        // The original has its own renderer; its form never reaches here.
        Preset::Custom | Preset::Original => i.custom.clone(),
    }
}

/// PostgreSQL regular expressions are checked by the server; here only what would
/// certainly fail: unbalanced brackets or a trailing backslash.
fn check_regex(label: &str, re: &str) -> Result<Option<Literal>, String> {
    if re.is_empty() {
        return Ok(None);
    }
    let mut depth = [0i32; 2];
    let mut chars = re.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.next().is_none() => {
                return Err(format!("{label} filter ends with a lone backslash"))
            }
            '(' => depth[0] += 1,
            ')' => depth[0] -= 1,
            '[' => depth[1] += 1,
            ']' => depth[1] -= 1,
            _ => {}
        }
        if depth.iter().any(|d| *d < 0) {
            break;
        }
    }
    if depth.iter().any(|d| *d != 0) {
        return Err(format!("{label} filter has unbalanced brackets"));
    }
    // Other engines' word boundary is a backspace in PostgreSQL's: such a filter would
    // match no schema.
    let mut escaped = false;
    let backspace = re.chars().any(|c| {
        let hit = escaped && c == 'b';
        escaped = !escaped && c == '\\';
        hit
    });
    if backspace {
        return Err(format!(
            "{label} filter: \\b is a backspace in PostgreSQL's regular expressions; use \\m and \\M (or \\y) for word boundaries"
        ));
    }
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
    e.take(
        Field::Host,
        validate_host(i.get(Field::Host)).map_err(|h| h.message().to_string()),
    );
    let port = e.take(
        Field::Port,
        validate_port(or_default(i.get(Field::Port), "5432")).map_err(str::to_string),
    );
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
    let (cname, penv) = metadata_fields(i, e);
    let password = e.take(Field::Password, password_for(i, platform));
    let (port, role, database, schemas, owners, password) =
        (port?, role?, database?, schemas?, owners?, password?);
    e.take(Field::Role, own_user(&role, &owners))?;
    let (cname, penv) = (cname?, penv?);
    if !e.is_empty() {
        return None;
    }
    let host = get(Field::Host);
    let pw = i.get(Field::Password);
    let conn_info = ConnInfo {
        host: host.to_string(),
        port,
        database: database.raw().to_string(),
        user: role.raw().to_string(),
        password: (!pw.is_empty()).then(|| pw.to_string()),
        tls: i.tls,
    };
    let summary = meta.then(|| {
        format!(
            "Connection name: {cname}\nHostname: {host}\nPort: {port}\nUsername: {}\nPassword environment variable: {penv}",
            // One line per field: a line break in the name is shown, not obeyed.
            crate::core::quote::pg::Comment::new(role.raw()),
        )
    });
    Some(Box::new(Lazy {
        sql: Plan {
            title: title(i.preset),
            role,
            database,
            password,
            schemas,
            privs: privileges(i),
            owners,
            platform,
        },
        scripts: [Plan::render, Plan::verify_sql, Plan::uninstall_sql],
        expect: Plan::expect,
        extra: summary.map(|s| (Part::Summary, s)),
        conn_info,
    }))
}
