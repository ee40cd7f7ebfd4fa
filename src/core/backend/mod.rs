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
pub mod rotation;
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

/// PostgreSQL's presets' `build`, or, in the build without the `extras` feature (the
/// page most readers open, the original applet alone), one that writes nothing.
pub const fn extra(build: Build) -> Build {
    if cfg!(feature = "extras") {
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
    /// PostgreSQL's change data capture (logical replication).
    Cdc,
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

    /// Whether this build writes `preset` on `db`: the page a PostgreSQL user loads is
    /// built without change data capture too (the `cdc` feature), and hands such a form
    /// over to the page built with it.
    ///
    /// ```
    /// use grantsmith::core::backend::Backend;
    /// use grantsmith::core::{Db, Preset};
    /// assert!(Backend::preset_in_this_build(Db::Postgres, Preset::ReadOnly));
    /// assert_eq!(Backend::preset_in_this_build(Db::Postgres, Preset::Cdc), cfg!(feature = "cdc"));
    /// ```
    pub fn preset_in_this_build(db: Db, preset: Preset) -> bool {
        Backend::in_this_build(db) && (preset != Preset::Cdc || cfg!(feature = "cdc"))
    }

    /// The backend for a database and access.
    pub fn of(db: Db, preset: Preset) -> Backend {
        match db {
            Db::Postgres if preset == Preset::Original => Backend::Original,
            Db::Postgres if preset == Preset::Cdc => Backend::Cdc,
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
            Backend::Postgres => extra(postgres::presets::build),
            Backend::Cdc if cfg!(feature = "cdc") => postgres::cdc::build,
            Backend::Cdc => not_in_this_build,
            Backend::MySql => dialect(mysql::build),
            Backend::SqlServer => dialect(sqlserver::build),
            Backend::Snowflake => dialect(snowflake::build),
            Backend::Redshift => dialect(redshift::build),
            Backend::BigQuery => dialect(bigquery::build),
        }
    }

    /// What the form says above Generate whatever was typed (how the provider gives
    /// REPLICATION, the server setting to change), where the backend has such notes.
    pub fn notes(self, i: &Intent) -> Vec<String> {
        match self {
            Backend::Cdc if cfg!(feature = "cdc") => postgres::cdc::notes::notes(i),
            Backend::MySql if i.preset == Preset::Cdc && cfg!(feature = "cdc") => {
                mysql::cdc::notes::notes(i)
            }
            _ => Vec::new(),
        }
    }
}

/// The most a field may hold: far beyond any real list of names, and it keeps every
/// script a bounded size (scripts grow linearly with what was typed).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Beside Generate when the custom preset's grid has nothing ticked.
pub const NOTHING_TICKED: &str =
    "Tick at least one privilege below: with none, the user could do nothing but sign in";

/// Refuses every field of the form (but the password) holding a character drawn with
/// no width, each list item on its own (the ends of each are trimmed, as JavaScript's
/// `trim` does, before anything else reads them); whether one was found.
fn invisible(i: &Intent, errs: &mut Errors) -> bool {
    use super::invisible::{first_invisible, message};
    let mut seen = false;
    for f in i.spec().fields_for(i.preset) {
        let raw = i.get(f.key);
        let items = if f.multiline {
            super::text::split_list(raw).unwrap_or_default()
        } else {
            vec![super::text::js_trim(raw)]
        };
        if let Some((n, (at, c))) = items
            .iter()
            .enumerate()
            .find_map(|(n, item)| first_invisible(item).map(|x| (n, x)))
        {
            let m = message(at, c);
            errs.add(
                f.key,
                if f.multiline {
                    format!("Item {}: {m}", n + 1)
                } else {
                    m
                },
            );
            seen = true;
        }
    }
    seen
}

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
        None => {
            let seen = invisible(i, &mut errs);
            (backend.build())(i, &mut errs).filter(|_| !seen)
        }
    };
    // In form order (the fields, then the password), without a sort.
    let errors: Vec<(Field, String)> = spec
        .fields_for(i.preset)
        .map(|f| f.key)
        .chain([Field::Password])
        .filter_map(|k| errs.0.iter().find(|(e, _)| *e == k).cloned())
        .collect();
    let first = spec.fields_for(i.preset).next().map(|f| f.key);
    // A refusal of a field this form does not show (a value from a link or a profile)
    // is named in the hint: Generate never stays enabled with nothing to write.
    let hidden = errs
        .0
        .iter()
        .find(|(k, _)| !errors.iter().any(|(e, _)| e == k))
        .map(|(k, m)| {
            format!(
                "{} (not in this form, from a link or profile): {m}",
                k.as_str()
            )
        });
    // A custom preset with nothing ticked would make a user that can do nothing: say
    // so rather than write a script nobody asked for.
    let nothing =
        (i.preset == Preset::Custom && i.custom.is_empty()).then(|| NOTHING_TICKED.to_string());
    let hint = if first.is_some_and(|k| super::text::js_trim(i.get(k)).is_empty()) {
        spec.start_hint.to_string()
    } else {
        errors
            .first()
            .map(|(_, m)| m.clone())
            .or(hidden)
            .or(nothing)
            .unwrap_or_default()
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
        notes: backend.notes(i),
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
