//! The dry run's plan (issue 33) with a hosted provider picked, natively: the script
//! runs as the stand-in for the administrator the provider documents, built as
//! `tests/realdb/providers/fixtures.rs` builds it (the owners it is granted:
//! `tests/dry_run_owners.rs`).
//! What the plan *does* in PGlite is the browser test's (tests/e2e/dry-run.test.mjs).

use grantsmith::core::backend::postgres::dry_run::{plan, Expect, Plan};
use grantsmith::core::provider::{Pick, Provider};
use grantsmith::core::{Db, Field, Intent, Preset, Scope};

fn expect(p: &Plan, label: &str) -> Expect {
    p.probes
        .iter()
        .find(|x| x.label == label)
        .unwrap_or_else(|| panic!("no probe {label}"))
        .expect
}

/// Aiven: avnadmin (not a superuser; CREATEDB, CREATEROLE, REPLICATION; a member of
/// pg_read_all_stats and pg_stat_scan_tables), the owner of a database it made, as
/// `tests/realdb/providers.rs` makes it; no platform schema.
#[test]
fn aiven_runs_as_avnadmin() {
    let mut i = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "app-pg-myproject.aivencloud.com")
        .with(Field::Database, "appdb")
        .with(Field::Schemas, "sales");
    i.scope = Scope::Listed;
    let p = plan(&i).unwrap();
    assert_eq!(p.as_runner, "SET SESSION AUTHORIZATION \"avnadmin\"");
    for s in [
        "CREATE ROLE avnadmin LOGIN CREATEDB CREATEROLE REPLICATION",
        "GRANT pg_read_all_stats, pg_stat_scan_tables TO avnadmin",
        "ALTER DATABASE \"appdb\" OWNER TO \"avnadmin\"",
        "CREATE SCHEMA \"sales\" AUTHORIZATION \"avnadmin\"",
    ] {
        assert!(p.stand_in.contains(&s.to_string()), "{s}: {:?}", p.stand_in);
    }
    assert!(!p.stand_in.iter().any(|s| s.contains("SUPERUSER")));
    assert!(p
        .notes
        .iter()
        .any(|n| n.starts_with("Aiven: the script runs as avnadmin")));
    assert!(!p.notes.iter().any(|n| n.contains("PGlite's superuser")));
}

/// Which providers run as PGlite's superuser (no fixture in the real-server tests) and
/// which as their administrator's stand-in, with the note that says which.
#[test]
fn only_the_providers_without_a_fixture_run_as_the_superuser() {
    let mut as_superuser = Vec::new();
    for p in Provider::ALL {
        let mut i = Intent::new(Db::Postgres, Preset::ReadOnly)
            .with(Field::Host, "10.20.30.40")
            .with(Field::Database, "appdb")
            .with(Field::Schemas, "sales")
            .with(Field::Owners, "app_owner");
        i.scope = Scope::Listed;
        i.set_provider(Pick::Is(p));
        let plan = plan(&i).unwrap();
        let superuser = format!("{}: run as PGlite's superuser", p.label());
        if plan.as_runner == "SET SESSION AUTHORIZATION \"dry_run_superuser\"" {
            assert!(
                plan.notes.iter().any(|n| n.starts_with(&superuser)),
                "{p:?}"
            );
            as_superuser.push(p);
        } else {
            assert!(
                plan.notes
                    .iter()
                    .any(|n| n.starts_with(&format!("{}: the script runs as ", p.label()))),
                "{p:?}: {:?}",
                plan.notes
            );
        }
    }
    assert_eq!(as_superuser, [Provider::DigitalOcean, Provider::Render]);
}

/// Timescale: tsdbadmin (not a superuser; CREATEROLE; in tsdbowner; may grant the
/// monitoring roles), the owner of tsdb (an assumption, as in the real-server fixture),
/// with look-alikes of TimescaleDB's schemas that "all schemas" leaves out.
#[test]
fn timescale_runs_as_tsdbadmin_with_look_alikes_of_the_extension_schemas() {
    let ts = |scope: Scope| {
        let mut i = Intent::new(Db::Postgres, Preset::Original)
            .with(
                Field::Host,
                "ab12cd34ef.x1y2z3w4v5.tsdb.cloud.timescale.com",
            )
            .with(Field::Database, "tsdb")
            .with(Field::Schemas, "sales")
            .with(Field::Owners, "app_owner");
        i.scope = scope;
        plan(&i).unwrap()
    };
    let all = ts(Scope::All);
    assert_eq!(all.as_runner, "SET SESSION AUTHORIZATION \"tsdbadmin\"");
    for s in [
        "CREATE ROLE tsdbadmin LOGIN CREATEROLE",
        "GRANT tsdbowner TO tsdbadmin",
        "ALTER DATABASE \"tsdb\" OWNER TO \"tsdbadmin\"",
        "CREATE TABLE _timescaledb_internal.bgw_job_stat_history (id int)",
    ] {
        assert!(all.stand_in.contains(&s.to_string()), "{s}");
    }
    assert!(!all.stand_in.iter().any(|s| s.contains("SUPERUSER")));
    assert_eq!(
        expect(&all, "read _timescaledb_internal.bgw_job_stat_history"),
        Expect::Refused
    );
    assert!(all
        .notes
        .iter()
        .any(|n| n.contains("cannot load the TimescaleDB extension")));
    let listed = ts(Scope::Listed);
    assert!(!listed
        .probes
        .iter()
        .any(|x| x.label.contains("_timescaledb")));
}

/// With a provider the real-server tests have a fixture for, the script runs as that
/// provider's administrator's stand-in (not a superuser), made as the fixture makes it.
#[test]
fn a_hosted_provider_runs_as_its_administrator() {
    let rds = |owners: &str| {
        Intent::new(Db::Postgres, Preset::ReadOnly)
            .with(Field::Host, "app.c9akciq32.eu-west-1.rds.amazonaws.com")
            .with(Field::Database, "appdb")
            .with(Field::Schemas, "sales")
            .with(Field::Owners, owners)
    };
    let p = plan(&rds("")).unwrap();
    assert_eq!(p.as_runner, "SET SESSION AUTHORIZATION \"rds_master\"");
    assert!(p
        .stand_in
        .contains(&"CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB".to_string()));
    assert!(p
        .stand_in
        .contains(&"GRANT rds_superuser TO rds_master".to_string()));
    assert!(p
        .stand_in
        .contains(&"ALTER DATABASE \"appdb\" OWNER TO \"rds_master\"".to_string()));
    // No owners: the administrator made the tables.
    assert!(p
        .stand_in
        .contains(&"CREATE SCHEMA \"sales\" AUTHORIZATION \"rds_master\"".to_string()));
    let other = plan(&rds("app_owner")).unwrap();
    assert!(other
        .stand_in
        .contains(&"CREATE SCHEMA \"sales\" AUTHORIZATION \"app_owner\"".to_string()));
}

/// Supabase: the script runs as `postgres`'s stand-in (sb_postgres), beside the platform's
/// schemas as Supabase makes them, which "all schemas" must leave out.
#[test]
fn supabase_runs_as_its_administrator_with_the_platform_schemas() {
    let sb = |scope: Scope| {
        let mut i = Intent::new(Db::Postgres, Preset::Original)
            .with(Field::Host, "db.abcdefghijklmnop.supabase.co")
            .with(Field::Database, "appdb")
            .with(Field::Schemas, "sales")
            .with(Field::Owners, "app_owner");
        i.scope = scope;
        plan(&i).unwrap()
    };
    let all = sb(Scope::All);
    assert_eq!(all.as_runner, "SET SESSION AUTHORIZATION \"sb_postgres\"");
    for s in [
        "CREATE ROLE supabase_admin SUPERUSER NOLOGIN",
        "CREATE ROLE sb_postgres LOGIN CREATEROLE CREATEDB REPLICATION BYPASSRLS",
        "ALTER DATABASE \"appdb\" OWNER TO \"sb_postgres\"",
        "CREATE SCHEMA auth AUTHORIZATION supabase_auth_admin",
        "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY",
        "GRANT ALL ON storage.objects TO sb_postgres WITH GRANT OPTION",
        "CREATE SCHEMA vault AUTHORIZATION supabase_admin",
    ] {
        assert!(all.stand_in.contains(&s.to_string()), "{s}");
    }
    // "All schemas" leaves the platform's schemas out: their tables stay closed.
    for t in ["auth.users", "storage.objects", "vault.secrets"] {
        assert_eq!(expect(&all, &format!("read {t}")), Expect::Refused);
    }
    assert!(all.notes.iter().any(|n| n.contains("runs as sb_postgres")));
    // Listed schemas name what is reached; the platform probes belong to "all".
    let listed = sb(Scope::Listed);
    assert_eq!(listed.as_runner, all.as_runner);
    assert!(!listed.probes.iter().any(|x| x.label == "read auth.users"));
}
