//! The dry run's plans with a hosted provider picked (issue 33) on real PostgreSQL: the
//! stand-in builds the provider's administrator (`dry_run/hosted.rs`), and setup,
//! uninstall and the owner's later table run as that role, not as a superuser, as
//! `dry-run.js` runs them in PGlite. Also the form the project knows fails: a listed
//! schema the administrator may not grant on stops setup at the statement that says so.
//!
//! Keeping the roles apart: the stand-in creates the provider's cluster-wide roles
//! (`anon`, `sb_postgres`, `supabase_admin`, `rds_superuser`…) with the same names as
//! `providers::roles`, which the `pgNN` tests create once on their server. These plans
//! run in the `dry_runNN` tests instead, on a cluster of their own (`Server::start`:
//! a directory named for the process and a counter, stopped with `pg_ctl -D` on that
//! directory, so no other test or run shares or stops it) that never gets the
//! provider fixture. Each plan then starts, as in PGlite (a fresh copy of a clean
//! cluster per run), from no provider roles: after a form its database and every role
//! created since it began are dropped, so the next form's stand-in can create them
//! again.

use grantsmith::core::backend::postgres::dry_run::{plan_with, Expect, Plan};
use grantsmith::core::privileges::Privileges;
use grantsmith::core::provider::{Pick, Provider};
use grantsmith::core::{Db, Field, Intent, Preset, Scope};

use super::dry_run::{as_runner, one};
use super::server::{Server, SU_PASSWORD};

/// The administrator's stand-in per provider, as `hosted.rs` names it (the
/// administrator owns the application's tables in these forms: an owner it is not a
/// member of is the failing form below).
fn admin(p: Provider) -> &'static str {
    match p {
        Provider::Neon => "neondb_owner",
        Provider::Rds => "rds_master",
        Provider::CloudSql => "csql_postgres",
        Provider::Azure => "az_admin",
        Provider::Supabase => "sb_postgres",
        other => panic!("{other:?} has no administrator stand-in"),
    }
}

/// A form on `p`: its host (Cloud SQL has none that tells, so it is picked), its own
/// database and user, the administrator as owner.
fn form(p: Provider, preset: Preset, n: usize) -> Intent {
    let host = match p {
        Provider::Neon => "ep-sunny-lake-123456.us-east-2.aws.neon.tech",
        Provider::Rds => "app.c9akciq32.eu-west-1.rds.amazonaws.com",
        Provider::Azure => "app-server.postgres.database.azure.com",
        Provider::Supabase => "db.abcdefghijklmnop.supabase.co",
        _ => "10.20.30.40",
    };
    let mut i = Intent::new(Db::Postgres, preset)
        .with(Field::Host, host)
        .with(Field::Database, format!("dry_h_{n}"))
        .with(Field::Role, format!("dry_h_user_{n}"))
        .with(Field::Owners, admin(p));
    if p == Provider::CloudSql {
        i.set_provider(Pick::Is(p));
    }
    assert_eq!(i.provider(), Some(p), "form {n}");
    i
}

fn listed(mut i: Intent, schemas: &str) -> Intent {
    i = i.with(Field::Schemas, schemas);
    i.scope = Scope::Listed;
    i
}

fn all(mut i: Intent) -> Intent {
    i.scope = Scope::All;
    i
}

/// Every provider with a stand-in, the original (all schemas and listed, RLS on and
/// off) and each preset; Supabase with "all schemas" twice, for its platform tables.
fn forms() -> Vec<(&'static str, Intent)> {
    use Provider::*;
    let mut neon_rls = all(form(Neon, Preset::Original, 0));
    neon_rls.rls = true;
    let mut csql_rls = listed(form(CloudSql, Preset::Original, 4), "sales, weird\"q'x");
    csql_rls.rls = true;
    let mut custom = listed(form(Azure, Preset::Custom, 6), "sales");
    custom.custom = Privileges::from_key(
        "database.CONNECT,schema.USAGE,table.SELECT,table.UPDATE,sequence.USAGE,future",
    );
    vec![
        ("Neon, original, all schemas, RLS", neon_rls),
        (
            "Neon, read-only",
            listed(form(Neon, Preset::ReadOnly, 1), "sales, weird\"q'x"),
        ),
        (
            "RDS, read/write",
            listed(form(Rds, Preset::ReadWrite, 2), "sales, public"),
        ),
        (
            "RDS, metadata",
            listed(form(Rds, Preset::Metadata, 3), "sales"),
        ),
        ("Cloud SQL, original, listed, RLS", csql_rls),
        (
            "Azure, original, listed",
            listed(form(Azure, Preset::Original, 5), "sales"),
        ),
        ("Azure, custom", custom),
        (
            "Supabase, original, all schemas",
            all(form(Supabase, Preset::Original, 7)),
        ),
        (
            "Supabase, metadata, all schemas",
            all(form(Supabase, Preset::Metadata, 8)),
        ),
        (
            "Supabase, read-only",
            listed(form(Supabase, Preset::ReadOnly, 9), "sales"),
        ),
    ]
}

/// The platform tables a Supabase plan with "all schemas" must show refused.
const SUPABASE_TABLES: [&str; 3] = ["auth.users", "storage.objects", "vault.secrets"];

/// Every hosted form's plan on `s`, each from a cluster without provider roles, then
/// the failing form.
pub fn run(s: &Server) {
    if s.major() < 15 {
        // The plans promise what PGlite's PostgreSQL 17 does, and "all schemas" samples
        // schema public, which 15 changed (release notes, "Migration to Version 15":
        // "Remove PUBLIC creation permission on the public schema", "Change the owner
        // of the public schema to pg_database_owner"; "this change can be made on
        // template1"). New databases copy template1: on 14 they then start as on 15.
        s.su(
            "template1",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC;
             ALTER SCHEMA public OWNER TO pg_database_owner;",
        );
    }
    for (name, form) in forms() {
        let ctx = format!("PostgreSQL {} {name}", s.version);
        // A schema the database has and a listed form leaves out (refused, like
        // `dry_run_unlisted`); "all schemas" takes no more.
        let also = if form.scope == Scope::Listed {
            "hr"
        } else {
            ""
        };
        let p = plan_with(&form, also).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let runner = admin(form.provider().unwrap());
        assert_eq!(
            p.as_runner,
            format!("SET SESSION AUTHORIZATION \"{runner}\""),
            "{ctx}"
        );
        let platform: Vec<&str> = p
            .probes
            .iter()
            .filter(|x| {
                SUPABASE_TABLES
                    .iter()
                    .any(|t| x.label == format!("read {t}"))
            })
            .map(|x| {
                assert_eq!(x.expect, Expect::Refused, "{ctx}: {}", x.label);
                x.label.as_str()
            })
            .collect();
        let want = form.provider() == Some(Provider::Supabase) && form.scope == Scope::All;
        assert_eq!(
            platform.len(),
            if want { 3 } else { 0 },
            "{ctx}: {platform:?}"
        );
        let mark = first_new_role(s);
        one(s, &p, &ctx);
        // The scripts ran as a role without the superuser's bypass of every check.
        assert_eq!(
            s.su(
                "postgres",
                &format!("SELECT rolsuper FROM pg_roles WHERE rolname = '{runner}';")
            )
            .trim(),
            "f",
            "{ctx}: the administrator's stand-in"
        );
        clean(s, &p, mark);
    }
    fails(s);
}

/// The form the project knows fails (the exception in `backend/postgres/hosted.rs`):
/// on RDS, a listed schema owned by a role the master user is not a member of. Setup
/// stops at the statement that raises the error, as in the page, and leaves no user.
fn fails(s: &Server) {
    let ctx = format!("PostgreSQL {} RDS, a schema another owner holds", s.version);
    // No future objects: with them the stand-in grants the owner to the master user
    // (`stand_in.rs`), and setup then succeeds (as in tests/e2e/dry-run.test.mjs).
    let mut f =
        listed(form(Provider::Rds, Preset::Custom, 10), "sales").with(Field::Owners, "app_owner");
    f.custom = Privileges::from_key("database.CONNECT,schema.USAGE,table.SELECT");
    let p = plan_with(&f, "").unwrap_or_else(|e| panic!("{ctx}: {e}"));
    let mark = first_new_role(s);
    s.su("postgres", &p.create_database);
    s.su(&p.database, &super::dry_run::script(&p.stand_in));
    let err = s
        .psql_clean(
            "postgres",
            SU_PASSWORD,
            &p.database,
            &as_runner(&p, &p.setup),
        )
        .expect_err(&ctx);
    let want = "Schema sales does not exist here, or rds_master may not grant on it";
    assert!(err.contains(&format!("ERROR:  {want}\n")), "{ctx}: {err}");
    // psql names the line it stopped at; the statement there is the one that raises
    // the message (the page shows the error at that statement).
    let line: usize = err
        .split("psql:<stdin>:")
        .nth(1)
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{ctx}: no line in {err}"));
    let at = statement_at(&p.setup, line - 1);
    assert!(
        p.setup[at]
            .contains("RAISE EXCEPTION 'Schema % does not exist here, or % may not grant on it'"),
        "{ctx}: stopped at statement {at} of {}: {}",
        p.setup.len(),
        p.setup[at]
    );
    assert_eq!(
        s.su(&p.database, &p.role_count).trim(),
        "0",
        "{ctx}: a failed setup leaves no user"
    );
    clean(s, &p, mark);
}

/// Which of `setup`'s statements holds `line` (1-based) of the script `as_runner`
/// builds from them (its line 1 is the `SET SESSION AUTHORIZATION`).
fn statement_at(setup: &[String], line: usize) -> usize {
    let mut end = 0;
    for (n, st) in setup.iter().enumerate() {
        end += st.lines().count().max(1);
        if line <= end {
            return n;
        }
    }
    panic!("line {line} is past the script's {end} lines")
}

/// The oid the next role gets is above this one: what a plan creates, and only that,
/// is dropped afterwards.
fn first_new_role(s: &Server) -> u32 {
    s.su("postgres", "SELECT max(oid) FROM pg_roles;")
        .trim()
        .parse()
        .unwrap()
}

/// Drops the plan's database and the roles made since `mark` (the provider's roles,
/// the owners), so the next stand-in starts from a cluster without them, as PGlite's
/// fresh copy does.
fn clean(s: &Server, p: &Plan, mark: u32) {
    s.su(
        "postgres",
        &format!(
            "DROP DATABASE {};",
            grantsmith::core::quote::pg::Ident::new(&p.database).unwrap()
        ),
    );
    let drop = s.su(
        "postgres",
        &format!(
            "SELECT 'DROP ROLE ' || string_agg(quote_ident(rolname), ', ') || ';'
               FROM pg_roles WHERE oid > {mark};"
        ),
    );
    if !drop.trim().is_empty() {
        s.su("postgres", &drop);
    }
    assert_eq!(first_new_role(s), mark, "roles left by {}", p.database);
}
