//! One backend per output family, each self-contained in its module: its [`Spec`]
//! (fields, defaults, accesses, password, TLS), its checks, its quoting types and its
//! renderers. [`check`], [`generate`] and [`render`] are the only entry points.

pub mod bigquery;
mod branded;
pub(crate) mod checks;
pub(crate) mod inspect_lines;
pub mod mysql;
pub mod postgres;
pub mod redshift;
pub mod snowflake;
pub mod sqlserver;

pub use crate::core::spec::{schemas, FieldSpec, Spec, When, USER};

use super::intent::{Db, Field, Intent, Preset};
use super::output::{Errors, Output, Part, Render};

/// Checks an intent and, when every field is fine, returns its renderer.
pub type Build = fn(&Intent, &mut Errors) -> Option<Box<dyn Render>>;

/// A dialect's `build`, or, in the build without the `dialects` feature (the page a
/// PostgreSQL user loads), one that writes nothing: the dialect's checks and renderers
/// are then not referenced, and the linker leaves them out of that page.
pub const fn dialect(build: Build) -> Build {
    if cfg!(feature = "dialects") {
        build
    } else {
        not_in_this_build
    }
}

/// What a dialect's form checks to in a build without it: nothing to write.
fn not_in_this_build(_: &Intent, _: &mut Errors) -> Option<Box<dyn Render>> {
    None
}

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

impl Backend {
    /// What each database offers, in picker order.
    pub fn presets(db: Db) -> &'static [Preset] {
        crate::core::presets::presets(db)
    }

    /// `access` if `db` offers it, else the database's first.
    pub fn offered(db: Db, preset: Preset) -> Preset {
        crate::core::presets::offered(db, preset)
    }

    /// Whether this build writes `db`'s scripts. The page a PostgreSQL user loads is
    /// built without the `dialects` feature (half the bytes); the other databases live
    /// in the page built with it, where the picker sends the reader.
    ///
    /// ```
    /// use grantsmith::core::backend::Backend;
    /// use grantsmith::core::Db;
    /// assert!(Backend::in_this_build(Db::Postgres));
    /// assert_eq!(Backend::in_this_build(Db::MySql), cfg!(feature = "dialects"));
    /// ```
    pub fn in_this_build(db: Db) -> bool {
        db == Db::Postgres || cfg!(feature = "dialects")
    }

    /// The backend for a database and access.
    pub fn of(db: Db, preset: Preset) -> Backend {
        match db {
            Db::Postgres if preset == Preset::Original => Backend::Original,
            Db::Postgres => Backend::Postgres,
            Db::MySql => Backend::MySql,
            Db::SqlServer => Backend::SqlServer,
            Db::Snowflake => Backend::Snowflake,
            Db::Redshift => Backend::Redshift,
            Db::BigQuery => Backend::BigQuery,
        }
    }

    /// Its checks: an intent in, the renderer out when every field is fine. The other
    /// databases' are left out of the page built without them.
    pub fn build(self) -> Build {
        match self {
            Backend::Original => postgres::original::build,
            Backend::Postgres => postgres::presets::build,
            Backend::MySql => dialect(mysql::build),
            Backend::SqlServer => dialect(sqlserver::build),
            Backend::Snowflake => dialect(snowflake::build),
            Backend::Redshift => dialect(redshift::build),
            Backend::BigQuery => dialect(bigquery::build),
        }
    }
}

/// The most a field may hold: far beyond any real list of names, and it keeps every
/// script a bounded size (scripts grow linearly with what was typed).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Messages and hint, and the renderer when Generate is enabled.
fn validated(i: &Intent) -> (Output, Option<Box<dyn Render>>) {
    let backend = Backend::of(i.db, i.preset);
    let spec = i.spec();
    let mut errs = Errors::default();
    let too_long = spec
        .fields_for(i.preset)
        .map(|f| f.key)
        .chain([Field::Password])
        // A single name is refused by its database's own limit (63 bytes, 128
        // characters …), which the message then names; only lists and free text are
        // bounded here.
        .filter(|f| !matches!(f, Field::Role | Field::Database))
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
        None => (backend.build())(i, &mut errs),
    };
    // In form order (the fields, then the password), without a sort.
    let errors: Vec<(Field, String)> = spec
        .fields_for(i.preset)
        .map(|f| f.key)
        .chain([Field::Password])
        .filter_map(|k| errs.0.iter().find(|(e, _)| *e == k).cloned())
        .collect();
    let first = spec.fields_for(i.preset).next().map(|f| f.key);
    let hint = if first.is_some_and(|k| super::text::js_trim(i.get(k)).is_empty()) {
        spec.start_hint.to_string()
    } else {
        errors.first().map(|(_, m)| m.clone()).unwrap_or_default()
    };
    let ready = ready.filter(|_| hint.is_empty()).map(|r| match &i.brand {
        Some(b) => Box::new(branded::Branded {
            inner: r,
            brand: b.clone(),
        }) as Box<dyn Render>,
        None => r,
    });
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

/// The connection details in a client's form, where that form is one of the database's
/// ([`Client::for_db`](super::client::Client::for_db)) and every field is fine; `Err`
/// says why that form cannot carry them.
///
/// ```
/// use grantsmith::core::{client_form, client::Client, Field, Intent};
/// let i = Intent::default().with(Field::Host, "db.example.com");
/// assert_eq!(client_form(&i, Client::Pgpass), Some(Ok("db.example.com:5432:postgres:dreamlit_app:[[REPLACE_WITH_PASSWORD]]".into())));
/// ```
pub fn client_form(i: &Intent, client: super::client::Client) -> Option<Result<String, String>> {
    if !super::client::Client::for_db(i.db).contains(&client) {
        return None;
    }
    let r = validated(i).1?;
    if let Some(text) = r.form(client) {
        return Some(text);
    }
    let info = r.conn_info()?;
    Some(super::client::write(client, &info))
}

/// PostgreSQL: a paste of the inspect query's output compared with what this intent's
/// setup grants, when every field is fine; `Err` says why the paste cannot be read.
pub fn check_paste(i: &Intent, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
    validated(i).1?.check(paste)
}

/// One part alone (the page renders each when it is shown), when every field is fine.
pub fn render(i: &Intent, part: Part) -> Option<String> {
    validated(i).1.and_then(|r| r.render(part))
}
