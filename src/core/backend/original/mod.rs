//! The original applet (`PostgresSqlBuilder`): its fields, its checks and its own
//! renderer, kept byte for byte where the original is correct.

mod converge;
mod defaults;
pub mod guard;
mod hosted;
pub mod new_schema;
pub mod policy;
pub mod setup;
pub(crate) mod uninstall;
pub mod verify;

use super::{FieldSpec, Spec, When};
use crate::core::client::ConnInfo;
use crate::core::conn::validate_port;
use crate::core::host::validate_host;
use crate::core::intent::{Field, Intent, Scope};
use crate::core::neon::{DB_DEFAULT, OWNER_DEFAULT};
use crate::core::output::{Errors, Lazy, Part, Render};
use crate::core::provider::Provider;
use crate::core::quote::pg::{Ident, Literal, NameError};
use crate::core::text::{js_trim, or_default, split_unique};
use setup::{Password, SchemaScope, Setup};

/// Default integration role.
pub const ROLE_DEFAULT: &str = "dreamlit_app";
/// Default schema list.
pub const SCHEMAS_DEFAULT: &str = "public";
/// Default port.
pub const PORT_DEFAULT: &str = "5432";
/// Shown while the host is empty.
pub const HINT_NO_HOST: &str = "Enter a host to generate";

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
    scope_choice: &[crate::core::intent::Access::Original],
    libpq: true,
    build,
};

/// Checks every item of a list with `check`; the message names the first bad one.
pub(crate) fn idents(
    label: &str,
    items: &[&str],
    check: fn(&str) -> Result<Ident, NameError>,
) -> Result<Vec<Ident>, String> {
    items
        .iter()
        .map(|i| check(i).map_err(|e| format!("{label} \"{}\": {}", short(i), e.message())))
        .collect()
}

/// A long item, shortened for a message.
fn short(s: &str) -> String {
    if s.chars().count() > 24 {
        let head: String = s.chars().take(24).collect();
        format!("{head}…")
    } else {
        s.to_string()
    }
}

/// Refuses a listed schema that belongs to the host's provider.
pub(crate) fn not_platform(platform: Option<Provider>, items: &[&str]) -> Result<(), String> {
    match platform.and_then(|p| {
        items
            .iter()
            .find(|s| p.owns_schema(s))
            .map(|s| p.refusal(s))
    }) {
        Some(m) => Err(m),
        None => Ok(()),
    }
}

/// What goes after `PASSWORD`: the placeholder, a SCRAM verifier, or the password.
pub fn password_sql(pw: &str, scram: bool, salt: &[u8; 16]) -> Result<Password, String> {
    if pw.is_empty() {
        return Ok(Password::Placeholder);
    }
    // libpq cannot send a NUL, whatever the SQL says.
    let literal = Literal::new(pw).map_err(|e| e.message())?;
    if scram {
        // The verifier is computed when the script is written; only its one refusal is
        // checked here.
        crate::core::scram::verifier(pw, salt, 1).map_err(|e| e.message().to_string())?;
        return Ok(Password::Scram {
            password: pw.to_string(),
            salt: *salt,
        });
    }
    if looks_hashed(pw) {
        return Err("This looks like a password hash: PostgreSQL would store it as the hash, and the password would not log in".into());
    }
    Ok(Password::Literal(literal))
}

/// The password as the provider takes it: where hashed passwords are refused (Neon),
/// the password itself, checked against the provider's strength rule.
pub(crate) fn password_for(i: &Intent, platform: Option<Provider>) -> Result<Password, String> {
    let pw = i.get(Field::Password);
    let hashed_ok = platform.is_none_or(Provider::hashed_passwords);
    if let (Some(p), false, false) = (platform, hashed_ok, pw.is_empty()) {
        let bits = entropy_bits(pw);
        if bits < 60 {
            return Err(format!(
                "{} refuses passwords under 60 bits of entropy (this one: about {bits}): use 12 or more characters mixing upper and lower case, digits and symbols",
                p.label()
            ));
        }
    }
    password_sql(pw, i.scram && hashed_ok, &i.salt)
}

/// Estimated entropy in whole bits, as password rules estimate it: log2 of (size of the
/// character classes used: lower, upper, digits, ASCII symbols, anything else) to the
/// power of the length. Integer arithmetic: no float code in the page for this.
fn entropy_bits(pw: &str) -> u32 {
    let mut pool = 0u128;
    let class = |f: fn(char) -> bool| pw.chars().any(f);
    for (has, size) in [
        (class(|c| c.is_ascii_lowercase()), 26),
        (class(|c| c.is_ascii_uppercase()), 26),
        (class(|c| c.is_ascii_digit()), 10),
        (class(|c| c.is_ascii_punctuation() || c == ' '), 33),
        (class(|c| !c.is_ascii()), 100),
    ] {
        if has {
            pool += size;
        }
    }
    let mut space = 1u128;
    for _ in pw.chars() {
        space = space.saturating_mul(pool.max(1));
    }
    127 - space.leading_zeros()
}

/// `md5` + 32 hex digits, or `SCRAM-SHA-256$…`: PostgreSQL stores such a "password" as
/// a ready-made hash.
fn looks_hashed(pw: &str) -> bool {
    pw.starts_with("SCRAM-SHA-256$")
        || (pw.len() == 35
            && pw.starts_with("md5")
            && pw[3..].bytes().all(|b| b.is_ascii_hexdigit()))
}

fn build(i: &Intent, e: &mut Errors) -> Option<Box<dyn Render>> {
    e.take(
        Field::Host,
        validate_host(i.get(Field::Host)).map_err(|h| h.message().to_string()),
    );
    let port = e.take(
        Field::Port,
        validate_port(or_default(i.get(Field::Port), PORT_DEFAULT)).map_err(str::to_string),
    );
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
    let pw = i.get(Field::Password);
    let conn_info = ConnInfo {
        host: js_trim(i.get(Field::Host)).to_string(),
        port,
        database: database.raw().to_string(),
        user: role.raw().to_string(),
        password: (!pw.is_empty()).then(|| pw.to_string()),
        tls: false,
    };
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
        scripts: [Setup::render, Setup::verify_sql, Setup::uninstall_sql],
        expect: Setup::expect,
        sql: setup,
        conn_info,
    }))
}
