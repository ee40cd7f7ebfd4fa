//! The connection builder's inputs, their validation and the one entry point the view
//! calls: [`generate`].

use super::conn::{connection_uri, validate_port, ConnParts};
use super::host::validate_host;
use super::ident::{Ident, Literal, NameError};
use super::pg::setup::{Password, SchemaScope, Setup};
use super::text::{js_trim, or_default, split_list};

/// Default integration role.
pub const ROLE_DEFAULT: &str = "dreamlit_app";
/// Default schema list.
pub const SCHEMAS_DEFAULT: &str = "public";
/// Default port.
pub const PORT_DEFAULT: &str = "5432";
/// Shown while the host is empty.
pub const HINT_NO_HOST: &str = "Enter a host to generate";

/// Grant scope radio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// "All schemas — grants everywhere parent role has USAGE".
    #[default]
    All,
    /// "Only listed schemas — add them below".
    Listed,
}

/// The builder's fields exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Host (required).
    pub host: String,
    /// Port; empty means 5432.
    pub port: String,
    /// Integration user name; empty means `dreamlit_app`.
    pub role: String,
    /// Database name; empty means `postgres`.
    pub database: String,
    /// Schema list (commas or new lines), used with [`Scope::Listed`].
    pub schemas: String,
    /// Table owner roles (commas or new lines); empty means `postgres`.
    pub owners: String,
    /// Grant scope.
    pub scope: Scope,
    /// Add RLS policies.
    pub rls: bool,
    /// The password, as typed (not trimmed); empty keeps the placeholder.
    pub password: String,
    /// Put a SCRAM-SHA-256 verifier in the SQL instead of the password.
    pub scram: bool,
    /// Salt for the verifier (random per page load in the browser).
    pub salt: [u8; 16],
}

impl Default for Form {
    fn default() -> Self {
        Form {
            host: String::new(),
            port: PORT_DEFAULT.into(),
            role: ROLE_DEFAULT.into(),
            database: super::neon::DB_DEFAULT.into(),
            schemas: SCHEMAS_DEFAULT.into(),
            owners: super::neon::OWNER_DEFAULT.into(),
            scope: Scope::All,
            rls: false,
            password: String::new(),
            scram: true,
            salt: [0; 16],
        }
    }
}

/// A message per field; `None` where the field is fine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors {
    /// The original's host messages, verbatim.
    pub host: Option<&'static str>,
    /// Port range / digits.
    pub port: Option<&'static str>,
    /// Integration user name.
    pub role: Option<String>,
    /// Database name.
    pub database: Option<String>,
    /// First bad schema in the list.
    pub schemas: Option<String>,
    /// First bad owner role in the list.
    pub owners: Option<String>,
    /// The password cannot be used as typed.
    pub password: Option<String>,
}

impl Errors {
    /// `(field, message)` for every refused field, in form order.
    pub fn by_field(&self) -> Vec<(&'static str, String)> {
        [
            ("host", self.host.map(str::to_string)),
            ("port", self.port.map(str::to_string)),
            ("role", self.role.clone()),
            ("database", self.database.clone()),
            ("schemas", self.schemas.clone()),
            ("owners", self.owners.clone()),
            ("password", self.password.clone()),
        ]
        .into_iter()
        .filter_map(|(k, m)| Some((k, m?)))
        .collect()
    }

    /// The first message in form order, for the hint beside Generate.
    pub fn first(&self) -> Option<String> {
        self.by_field().into_iter().next().map(|(_, m)| m)
    }
}

/// What the builder shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// Field messages.
    pub errors: Errors,
    /// Beside Generate: "Enter a host to generate", the first error, or empty.
    pub hint: String,
    /// The setup script, when every field is valid.
    pub sql: Option<String>,
    /// The connection URI, when every field is valid.
    pub conn: Option<String>,
    /// The RLS policy name, when RLS is on and every field is valid.
    pub policy_name: Option<String>,
    /// The verify query (a row per expected privilege), when every field is valid.
    pub verify: Option<String>,
    /// The uninstall script, when every field is valid.
    pub uninstall: Option<String>,
}

fn list_error(
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

/// What goes after `PASSWORD`: the placeholder, a SCRAM verifier, or the password.
pub fn password_sql(pw: &str, scram: bool, salt: &[u8; 16]) -> Result<Password, String> {
    if pw.is_empty() {
        return Ok(Password::Placeholder);
    }
    if scram {
        // The verifier is computed when the script is written; only its one refusal is
        // checked here.
        super::scram::verifier(pw, salt, 1).map_err(|e| e.message().to_string())?;
        return Ok(Password::Scram {
            password: pw.to_string(),
            salt: *salt,
        });
    }
    if looks_hashed(pw) {
        return Err("This looks like a password hash: PostgreSQL would store it as the hash, and the password would not log in".into());
    }
    Literal::new(pw)
        .map(Password::Literal)
        .map_err(|e| e.message())
}

/// `md5` + 32 hex digits, or `SCRAM-SHA-256$…`: PostgreSQL stores such a "password" as
/// a ready-made hash.
fn looks_hashed(pw: &str) -> bool {
    pw.starts_with("SCRAM-SHA-256$")
        || (pw.len() == 35
            && pw.starts_with("md5")
            && pw[3..].bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Validates every field and, when all are fine, the typed setup request.
pub fn validate(form: &Form) -> (Errors, Option<Setup>) {
    let mut e = Errors {
        host: validate_host(&form.host).err().map(|h| h.message()),
        port: validate_port(or_default(&form.port, PORT_DEFAULT)).err(),
        ..Errors::default()
    };
    let role = Ident::new_role(or_default(&form.role, ROLE_DEFAULT))
        .map_err(|x| e.role = Some(x.message()))
        .ok();
    let database = Ident::new(or_default(&form.database, super::neon::DB_DEFAULT))
        .map_err(|x| e.database = Some(x.message()))
        .ok();
    let scope = match form.scope {
        Scope::All => Some(SchemaScope::All),
        Scope::Listed => {
            let items = split_list(&form.schemas).unwrap_or_else(|| vec![SCHEMAS_DEFAULT]);
            list_error("Schema", &items, Ident::new_schema)
                .map(SchemaScope::Listed)
                .map_err(|m| e.schemas = Some(m))
                .ok()
        }
    };
    let owner_items = split_list(&form.owners).unwrap_or_else(|| vec![super::neon::OWNER_DEFAULT]);
    let owners = list_error("Role", &owner_items, Ident::new_existing_role)
        .map_err(|m| e.owners = Some(m))
        .ok();
    let password = password_sql(&form.password, form.scram, &form.salt)
        .map_err(|m| e.password = Some(m))
        .ok();
    let setup = match (role, database, scope, owners, password) {
        (Some(role), Some(database), Some(scope), Some(owners), Some(password))
            if e.first().is_none() =>
        {
            Some(Setup {
                role,
                database,
                scope,
                owners,
                rls: form.rls,
                password,
            })
        }
        _ => None,
    };
    (e, setup)
}

/// The one entry point: form in, everything the builder shows out. SQL and connection
/// string only when the host is given and every field is valid.
///
/// ```
/// use grantsmith::core::{generate, Form};
/// let out = generate(&Form { host: "db.example.com".into(), ..Form::default() });
/// assert_eq!(out.conn.as_deref(),
///     Some("postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres"));
/// assert!(generate(&Form::default()).sql.is_none());
/// ```
pub fn generate(form: &Form) -> Output {
    let mut out = generate_main(form);
    out.verify = verify_sql(form);
    out.uninstall = uninstall_sql(form);
    out
}

/// The verify query alone (the page renders it only when its section is opened).
pub fn verify_sql(form: &Form) -> Option<String> {
    valid_setup(form).map(|s| s.verify_sql())
}

/// The uninstall script alone (rendered only when its section is opened).
pub fn uninstall_sql(form: &Form) -> Option<String> {
    valid_setup(form).map(|s| s.uninstall_sql())
}

fn valid_setup(form: &Form) -> Option<Setup> {
    if js_trim(&form.host).is_empty() {
        return None;
    }
    validate(form).1
}

/// [`generate`] without the verify and uninstall scripts: what Generate shows at once.
pub fn generate_main(form: &Form) -> Output {
    let (errors, setup) = validate(form);
    let host = js_trim(&form.host);
    let hint = hint_for(form, &errors);
    let mut out = Output {
        errors,
        hint,
        ..Output::default()
    };
    if let (Some(setup), false) = (setup, host.is_empty()) {
        out.conn = Some(connection_uri(&ConnParts {
            user: setup.role.raw(),
            password: (!form.password.is_empty()).then_some(form.password.as_str()),
            host,
            port: or_default(&form.port, PORT_DEFAULT),
            database: setup.database.raw(),
        }));
        out.policy_name = form.rls.then(|| setup.policy_name());
        out.sql = Some(setup.render());
    }
    out
}

/// Beside Generate: "Enter a host to generate" while the host is empty, else the first
/// refused field's message, else nothing (Generate is enabled exactly when it is empty).
pub fn hint_for(form: &Form, errors: &Errors) -> String {
    if js_trim(&form.host).is_empty() {
        HINT_NO_HOST.to_string()
    } else {
        errors.first().unwrap_or_default()
    }
}
