//! The dry run (issue 33): what the page runs in PGlite, PostgreSQL compiled to
//! WebAssembly, in the reader's tab, built from the same checked form as the setup
//! script. A [`Plan`] holds the stand-in database's statements, the setup, verify and
//! uninstall scripts cut into statements ([`split`]), and the probes the new user tries
//! with what the form promises for each ([`probes`]). The page's `dry-run.js` runs it;
//! this module decides everything that can be decided without a database, so native
//! tests cover it.
//!
//! PGlite is one single-user backend whose bootstrap superuser is `postgres`, the name
//! RDS and Cloud SQL give the administrator that usually owns the application's tables.
//! So the runner frees that name: its holder instance makes [`SUPERUSER`], each run's
//! copy is opened as that role (PGlite's `username` option) and renames the bootstrap
//! superuser to [`BOOTSTRAP`] ([`Plan::free_postgres`]; PostgreSQL refuses to rename
//! the session user only, seen on PGlite 0.3.16), and a form's owner `postgres` is then
//! a role of the stand-in like any other. The session takes
//! other identities with `SET SESSION AUTHORIZATION`, which the session's
//! authenticated superuser may always do (PostgreSQL docs, SET SESSION
//! AUTHORIZATION: "The session user identifier can be changed only if the initial
//! session user (the authenticated user) had the superuser privilege"). A script's own
//! `SET ROLE`/`RESET ROLE` then moves within the identity it runs as. `RESET SESSION
//! AUTHORIZATION` does not come back in PGlite 0.3 (seen: the session user stays), so
//! the plan always names the identity it goes back to.

pub mod hosted;
pub mod probes;
pub mod split;
pub mod stand_in;

use crate::core::backend::generate;
use crate::core::conn::PASSWORD_PLACEHOLDER;
use crate::core::intent::{Field, Intent, Preset, Scope};
use crate::core::neon::{DB_DEFAULT, OWNER_DEFAULT};
use crate::core::quote::pg::{Ident, Literal};
use crate::core::text::{or_default, split_unique};
pub use probes::{Expect, Probe};

/// The superuser the page's PGlite session signs in as: it builds the stand-in and runs
/// the scripts (as itself with no provider).
pub const SUPERUSER: &str = "dry_run_superuser";
/// What PGlite's bootstrap superuser `postgres` is renamed to, so that `postgres` can be
/// a form's owner.
pub const BOOTSTRAP: &str = "pglite_bootstrap";
// Fixed plain names, which need no quotes (as in `hosted.rs`): the page carries the
// statements as they are.
const MAKE_SUPERUSER: &str = "CREATE ROLE dry_run_superuser SUPERUSER LOGIN";
const FREE_POSTGRES: &str = "ALTER ROLE postgres RENAME TO pglite_bootstrap";
/// The password the dry run puts where the script waits for the reader's.
pub const PASSWORD: &str = "dry-run-password";
/// Sample schemas for "all schemas": `public` and one more.
pub const SAMPLE_SCHEMAS: [&str; 2] = ["public", "sales"];

/// Everything the page's runner needs, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The database PGlite opens (the form's: the scripts check `current_database()`).
    pub database: String,
    /// The new user, as PostgreSQL stores the name.
    pub user: String,
    /// The role each run's PGlite copy signs in as ([`SUPERUSER`]).
    pub superuser: String,
    /// Makes [`SUPERUSER`] in PGlite's holder instance, as its bootstrap superuser.
    pub make_superuser: String,
    /// Run first in each copy, as [`SUPERUSER`]: renames PGlite's bootstrap superuser
    /// `postgres` to [`BOOTSTRAP`], so the stand-in may make a role of that name.
    pub free_postgres: String,
    /// Makes the database in PGlite's holder instance (a run opens a copy of it there).
    pub create_database: String,
    /// Builds the stand-in, as the superuser.
    pub stand_in: Vec<String>,
    /// Takes the identity the scripts run as.
    pub as_runner: String,
    /// Takes the new user's identity, for the probes.
    pub as_user: String,
    /// Back to the superuser.
    pub as_superuser: String,
    /// The setup script, statement by statement (run twice).
    pub setup: Vec<String>,
    /// After setup, as the superuser: the owner creates a table (default privileges).
    pub later: Vec<String>,
    /// The verify query (its rows say pass or FAIL).
    pub verify: Vec<String>,
    /// The tries as the new user.
    pub probes: Vec<Probe>,
    /// The uninstall script, statement by statement (run twice).
    pub uninstall: Vec<String>,
    /// One row, one column: how many roles of the new user's name remain (0 after
    /// uninstall).
    pub role_count: String,
    /// What this dry run leaves unproven for this form.
    pub notes: Vec<String>,
}

/// The dry run of the form `i`, or why there is none (a field to fix, or a form the
/// dry run cannot show).
///
/// ```
/// use grantsmith::core::backend::postgres::dry_run::plan;
/// use grantsmith::core::{Field, Intent};
/// let i = Intent::default().with(Field::Host, "db.example.com");
/// let p = plan(&i).unwrap();
/// assert_eq!((p.database.as_str(), p.user.as_str()), ("postgres", "dreamlit_app"));
/// assert!(p.setup.iter().any(|s| s.contains("'dry-run-password'")));
/// ```
pub fn plan(i: &Intent) -> Result<Plan, String> {
    plan_with(i, "")
}

/// [`plan`] with more schemas in the stand-in, which the reader names (the ones their
/// database has and the form leaves out): with listed schemas, each must stay out of
/// the new user's reach, like `dry_run_unlisted`. A name already listed is in scope
/// as listed; with "all schemas" they are refused (the sweep's own exclusions, and the
/// metadata preset's filters, are not judged here).
///
/// ```
/// use grantsmith::core::backend::postgres::dry_run::plan_with;
/// use grantsmith::core::{Field, Intent, Scope};
/// let mut i = Intent::default().with(Field::Host, "db.example.com");
/// i.scope = Scope::Listed;
/// let p = plan_with(&i, "hr, public").unwrap();
/// assert!(p.stand_in.iter().any(|s| s.starts_with("CREATE SCHEMA \"hr\"")));
/// assert!(p.probes.iter().any(|x| x.label == "read \"hr\".\"dry_run_table\""));
/// assert!(plan_with(&i, "pg_catalog").is_err());
/// ```
pub fn plan_with(i: &Intent, also: &str) -> Result<Plan, String> {
    if i.preset == Preset::Cdc {
        return Err(
            "Change data capture needs replication, which the dry run cannot show: its SQL only"
                .into(),
        );
    }
    let out = generate(i);
    let (Some(setup), Some(verify), Some(uninstall)) = (&out.setup, &out.verify, &out.uninstall)
    else {
        return Err("Fix the fields marked above first".into());
    };
    let original = i.preset == Preset::Original;
    let name = |f: Field, default: &'static str| or_default(i.get(f), default).to_string();
    let role_default = i
        .spec()
        .field(i.preset, Field::Role)
        .map_or("", |f| f.default);
    let user = or_default(i.get(Field::Role), i.role_fallback(role_default)).to_string();
    let owner_default: &[&str] = if original { &[OWNER_DEFAULT] } else { &[] };
    let owner_items = split_unique(i.get(Field::Owners)).unwrap_or(owner_default.to_vec());
    let owners = idents(&owner_items)?;
    let listed = i.spec().scope_of(i) == Scope::Listed;
    let schema_items = match listed {
        true => split_unique(i.get(Field::Schemas)).unwrap_or(vec!["public"]),
        false => SAMPLE_SCHEMAS.to_vec(),
    };
    let schemas = idents(&schema_items)?;
    let also_items = split_unique(also).unwrap_or_default();
    if !listed && !also_items.is_empty() {
        return Err("More stand-in schemas go with listed schemas only".into());
    }
    let mut unlisted: Vec<Ident> = listed
        .then(|| stand_in::fixed(stand_in::UNLISTED))
        .into_iter()
        .collect();
    for a in also_items.into_iter().filter(|a| !schema_items.contains(a)) {
        unlisted
            .push(Ident::new_schema(a).map_err(|e| format!("Stand-in schema: {}", e.message()))?);
    }
    let rls = original && i.rls;
    let privs = probes::promised(i);
    let superuser = stand_in::fixed(SUPERUSER);
    let admin = i.provider().and_then(hosted::admin);
    let runner = admin
        .as_ref()
        .map_or_else(|| superuser.clone(), |a| stand_in::fixed(a.name));
    let creator = owners.first().cloned().unwrap_or_else(|| runner.clone());
    let user_ident = Ident::new(&user).map_err(|e| e.message())?;
    let password = Literal::generated(PASSWORD).to_string();
    let mut notes = vec![
        "The stand-in holds one table, view, sequence and function per schema, not your tables, owners or settings.".to_string(),
        "PGlite has one session: the password sign-in is not tried.".to_string(),
    ];
    if !listed {
        notes.push(format!(
            "All schemas: sample schemas {} stand in for yours.",
            SAMPLE_SCHEMAS.join(", ")
        ));
    }
    // The real-server tests found it (tests/realdb/dry_run_hosted.rs): PGlite is 17,
    // where PUBLIC may no longer create in `public`; 14 still lets every role do so.
    if schema_items.contains(&"public") {
        notes.push("PostgreSQL 17 here: on 14, every role may create tables in schema public unless you revoked it (the script's header says how).".to_string());
    }
    match (i.provider(), &admin) {
        (Some(p), Some(a)) => notes.push(format!(
            "{}: the script runs as {}, a stand-in for the administrator it gives you (not a superuser; the roles of the project's provider tests), not with the provider's own settings.",
            p.label(),
            a.name
        )),
        (Some(p), None) => notes.push(format!(
            "{}: run as PGlite's superuser, not as the provider's administrator.",
            p.label()
        )),
        (None, _) => {}
    }
    if admin.is_some() && i.provider() == Some(crate::core::provider::Provider::Timescale) {
        notes.push("Timescale: PGlite cannot load the TimescaleDB extension; the stand-in holds look-alikes of its schemas (its catalog readable by everyone, as the extension grants it), not the extension's own.".to_string());
    }
    let database = Ident::new(&name(Field::Database, DB_DEFAULT)).map_err(|e| e.message())?;
    let mut stand_in_sql: Vec<String> = Vec::new();
    if let Some(a) = &admin {
        stand_in_sql.extend(a.roles.iter().map(|r| r.to_string()));
        let owner = stand_in::fixed(a.db_owner);
        stand_in_sql.push(format!("ALTER DATABASE {database} OWNER TO {owner}"));
        stand_in_sql.extend(a.platform.iter().map(|s| s.to_string()));
    }
    let mut probes = probes::probes(&privs, &schemas, &unlisted, rls, rls);
    // "All schemas" leaves the provider's own schemas out: their tables stay closed.
    let platform = admin
        .as_ref()
        .filter(|_| !listed)
        .map_or(&[][..], |a| a.platform_tables);
    probes.extend(platform.iter().map(|t| Probe {
        label: format!("read {t}"),
        sql: format!("SELECT count(*) FROM {t}"),
        expect: Expect::Refused,
    }));
    // The script sets the owners' default privileges: the administrator's stand-in is
    // made a member of each, and the notes say the reader's needs the same.
    let defaults = privs.future;
    let members: Vec<&str> = owners
        .iter()
        .filter(|o| o.raw() != SUPERUSER && **o != runner)
        .map(Ident::raw)
        .collect();
    if let (Some(a), true, false) = (&admin, defaults, members.is_empty()) {
        notes.push(owner_note(a.name, &members));
    }
    stand_in_sql.extend(stand_in::statements(
        &schemas, &unlisted, &owners, &creator, &runner, rls, defaults,
    ));
    Ok(Plan {
        database: name(Field::Database, DB_DEFAULT),
        superuser: SUPERUSER.to_string(),
        make_superuser: MAKE_SUPERUSER.to_string(),
        free_postgres: FREE_POSTGRES.to_string(),
        create_database: format!("CREATE DATABASE {database}"),
        stand_in: stand_in_sql,
        as_runner: format!("SET SESSION AUTHORIZATION {runner}"),
        as_user: format!("SET SESSION AUTHORIZATION {user_ident}"),
        as_superuser: format!("SET SESSION AUTHORIZATION {superuser}"),
        setup: split::statements(&setup.replace(PASSWORD_PLACEHOLDER, &password)),
        later: stand_in::later(&schemas, &creator),
        verify: split::statements(verify),
        probes,
        uninstall: split::statements(uninstall),
        role_count: format!(
            "SELECT count(*) FROM pg_roles WHERE rolname = {}",
            user_ident.literal()
        ),
        user,
        notes,
    })
}

/// The note for a provider's administrator `admin` and owner roles `members` it did not
/// make: the stand-in grants them to it; the reader's server must too.
fn owner_note(admin: &str, members: &[&str]) -> String {
    format!(
        "Owners {}: the stand-in grants each to {admin}, as setting their default privileges needs. Yours needs that membership too (GRANT owner TO it WITH INHERIT TRUE from PostgreSQL 16), or the script's first check stops it and changes nothing.",
        members.join(", ")
    )
}

/// Names the generator has already accepted, as identifiers.
fn idents(items: &[&str]) -> Result<Vec<Ident>, String> {
    items
        .iter()
        .map(|s| Ident::new(s).map_err(|e| e.message()))
        .collect()
}
