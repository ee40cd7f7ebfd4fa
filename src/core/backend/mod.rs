//! One backend per output family, each self-contained in its module: its [`Spec`]
//! (fields, defaults, accesses, password, TLS), its checks, its quoting types and its
//! renderers. [`check`], [`generate`] and [`render`] are the only entry points.

pub mod bigquery;
pub(crate) mod checks;
pub mod mysql;
pub mod original;
pub mod postgres;
pub mod redshift;
pub mod snowflake;
pub mod sqlserver;

use super::intent::{Access, Db, Field, Intent, Scope};
use super::output::{Errors, Output, Part, Render};

/// Which renderer family writes an intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    /// The original applet, byte for byte (its renderer stays its own).
    Original,
    /// PostgreSQL's presets: metadata sync, connectors, custom.
    Postgres,
    /// MySQL and MariaDB.
    MySql,
    /// SQL Server and Azure SQL.
    SqlServer,
    /// Snowflake.
    Snowflake,
    /// Amazon Redshift.
    Redshift,
    /// BigQuery.
    BigQuery,
}

/// When a field is part of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// For these accesses only.
    Access(&'static [Access]),
    /// Only with this scope (listed schemas, or filters for all schemas).
    Scope(Scope),
}

/// How a backend shows one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Which field.
    pub key: Field,
    /// Visible label.
    pub label: &'static str,
    /// Shown in the empty field: an example, or what an empty field means.
    pub placeholder: &'static str,
    /// The starting value.
    pub default: &'static str,
    /// A text area (lists, keys) instead of a one-line input.
    pub multiline: bool,
    /// When the field is part of the form.
    pub when: When,
}

impl FieldSpec {
    /// A one-line field, always part of the form.
    pub const fn text(
        key: Field,
        label: &'static str,
        placeholder: &'static str,
        default: &'static str,
    ) -> Self {
        FieldSpec {
            key,
            label,
            placeholder,
            default,
            multiline: false,
            when: When::Always,
        }
    }

    /// A text area (a list, a key), always part of the form.
    pub const fn list(
        key: Field,
        label: &'static str,
        placeholder: &'static str,
        default: &'static str,
    ) -> Self {
        FieldSpec {
            multiline: true,
            ..FieldSpec::text(key, label, placeholder, default)
        }
    }

    /// The same field, part of the form only `when`.
    pub const fn when(self, when: When) -> Self {
        FieldSpec { when, ..self }
    }
}

/// Everything the form of a backend needs to know, as data.
pub struct Spec {
    /// The fields, in form order (the password comes after them).
    pub fields: &'static [FieldSpec],
    /// Shown beside Generate while the first field is empty.
    pub start_hint: &'static str,
    /// A password field (Snowflake and BigQuery sign in with keys).
    pub password: bool,
    /// PostgreSQL: the SCRAM verifier toggle.
    pub scram: bool,
    /// The "Require TLS" box's label, where the backend has one.
    pub tls: Option<&'static str>,
    /// Whether TLS starts on.
    pub tls_default: bool,
    /// The starting scope.
    pub scope: Scope,
    /// Accesses that choose between listed schemas and all matching ones.
    pub scope_choice: &'static [Access],
    /// Checks an intent and, when every field is fine, returns its renderer.
    pub build: fn(&Intent, &mut Errors) -> Option<Box<dyn Render>>,
}

/// The TLS box's label for the databases where it also binds the user.
const TLS_LABEL: &str =
    "Require TLS (in the connection string, and for the user where the database can)";

/// The user field most backends share.
pub const USER: FieldSpec = FieldSpec::text(Field::Role, "User name", "dagflux", "dagflux");

/// A schema list field (`label` says what a schema is called there).
pub const fn schemas(
    label: &'static str,
    placeholder: &'static str,
    default: &'static str,
) -> FieldSpec {
    FieldSpec::list(Field::Schemas, label, placeholder, default)
}

impl Spec {
    /// A backend with listed schemas and neither password nor TLS box (add them with
    /// [`Spec::with_password`] and [`Spec::with_tls`]).
    pub const fn new(
        fields: &'static [FieldSpec],
        start_hint: &'static str,
        build: fn(&Intent, &mut Errors) -> Option<Box<dyn Render>>,
    ) -> Spec {
        Spec {
            fields,
            start_hint,
            password: false,
            scram: false,
            tls: None,
            tls_default: false,
            scope: Scope::Listed,
            scope_choice: &[],
            build,
        }
    }

    /// With a password field.
    pub const fn with_password(self) -> Spec {
        Spec {
            password: true,
            ..self
        }
    }

    /// With a "Require TLS" box, on or off at first.
    pub const fn with_tls(self, on: bool) -> Spec {
        Spec {
            tls: Some(TLS_LABEL),
            tls_default: on,
            ..self
        }
    }

    /// The fields that exist for `access`, in form order.
    pub fn fields_for(&self, access: Access) -> impl Iterator<Item = &'static FieldSpec> {
        self.fields.iter().filter(move |f| match f.when {
            When::Access(a) => a.contains(&access),
            _ => true,
        })
    }

    /// The scope `i` really has: its own where its access offers the choice, else the
    /// backend's.
    pub fn scope_of(&self, i: &Intent) -> Scope {
        if self.scope_choice.contains(&i.access) {
            i.scope
        } else {
            self.scope
        }
    }

    /// Whether `f` is part of the form for `i`.
    pub fn shown(&self, f: &FieldSpec, i: &Intent) -> bool {
        match f.when {
            When::Always => true,
            When::Access(a) => a.contains(&i.access),
            When::Scope(s) => s == self.scope_of(i),
        }
    }

    /// The spec of `field` for `access`, if the form has it.
    pub fn field(&self, access: Access, field: Field) -> Option<&'static FieldSpec> {
        self.fields_for(access).find(|f| f.key == field)
    }
}

impl Backend {
    /// What each database offers, in picker order.
    pub fn accesses(db: Db) -> &'static [Access] {
        match db {
            Db::Postgres => &[
                Access::Original,
                Access::Metadata,
                Access::ReadWrite,
                Access::ReadOnly,
                Access::Custom,
            ],
            Db::BigQuery => &[Access::ReadOnly, Access::ReadWrite, Access::Metadata],
            _ => &[Access::ReadOnly, Access::ReadWrite],
        }
    }

    /// `access` if `db` offers it, else the database's first.
    pub fn offered(db: Db, access: Access) -> Access {
        let all = Backend::accesses(db);
        if all.contains(&access) {
            access
        } else {
            all[0]
        }
    }

    /// The backend for a database and access.
    pub fn of(db: Db, access: Access) -> Backend {
        match db {
            Db::Postgres if access == Access::Original => Backend::Original,
            Db::Postgres => Backend::Postgres,
            Db::MySql => Backend::MySql,
            Db::SqlServer => Backend::SqlServer,
            Db::Snowflake => Backend::Snowflake,
            Db::Redshift => Backend::Redshift,
            Db::BigQuery => Backend::BigQuery,
        }
    }

    /// Its spec.
    pub fn spec(self) -> &'static Spec {
        match self {
            Backend::Original => &original::SPEC,
            Backend::Postgres => &postgres::SPEC,
            Backend::MySql => &mysql::SPEC,
            Backend::SqlServer => &sqlserver::SPEC,
            Backend::Snowflake => &snowflake::SPEC,
            Backend::Redshift => &redshift::SPEC,
            Backend::BigQuery => &bigquery::SPEC,
        }
    }
}

/// The most a field may hold: far beyond any real list of names, and it keeps every
/// script a bounded size (scripts grow linearly with what was typed).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Messages and hint, and the renderer when Generate is enabled.
fn validated(i: &Intent) -> (Output, Option<Box<dyn Render>>) {
    let spec = i.backend().spec();
    let mut errs = Errors::default();
    let too_long = spec
        .fields_for(i.access)
        .map(|f| f.key)
        .chain([Field::Password])
        .find(|f| i.get(*f).len() > MAX_FIELD_BYTES);
    let ready = match too_long {
        Some(f) => {
            let n = i.get(f).len();
            errs.add(
                f,
                format!("Too long: {n} bytes, but a field here holds at most {MAX_FIELD_BYTES}"),
            );
            None
        }
        None => (spec.build)(i, &mut errs),
    };
    // In form order (the fields, then the password), without a sort.
    let errors: Vec<(Field, String)> = spec
        .fields_for(i.access)
        .map(|f| f.key)
        .chain([Field::Password])
        .filter_map(|k| errs.0.iter().find(|(e, _)| *e == k).cloned())
        .collect();
    let first = spec.fields_for(i.access).next().map(|f| f.key);
    let hint = if first.is_some_and(|k| checks::trimmed(i.get(k)).is_empty()) {
        spec.start_hint.to_string()
    } else {
        errors.first().map(|(_, m)| m.clone()).unwrap_or_default()
    };
    let ready = ready.filter(|_| hint.is_empty());
    let out = Output {
        errors,
        hint,
        ..Output::default()
    };
    (out, ready)
}

/// Field messages and the hint, without writing any script (what a keystroke needs).
///
/// ```
/// use grantsmith::core::{check, intent::{Field, Intent}};
/// assert_eq!(check(&Intent::default()).hint, "Enter a host to generate");
/// let mut i = Intent::default();
/// i.set(Field::Host, "db:5432");
/// assert_eq!(check(&i).hint, "Move the :port part into the Port field");
/// ```
pub fn check(i: &Intent) -> Output {
    validated(i).0
}

/// Everything: messages, hint and every script, when every field is fine.
///
/// ```
/// use grantsmith::core::{generate, intent::{Field, Intent}};
/// let mut i = Intent::default();
/// i.set(Field::Host, "db.example.com");
/// assert_eq!(generate(&i).conn.as_deref(),
///     Some("postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres"));
/// assert!(generate(&Intent::default()).setup.is_none());
/// ```
pub fn generate(i: &Intent) -> Output {
    let (mut out, ready) = validated(i);
    if let Some(r) = ready {
        out.fill(r.as_ref());
    }
    out
}

/// One part alone (the page renders each when it is shown), when every field is fine.
pub fn render(i: &Intent, part: Part) -> Option<String> {
    validated(i).1.and_then(|r| r.render(part))
}
