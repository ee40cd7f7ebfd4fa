//! The dry run's plan (issue 33) for the table owners: the owner roles the stand-in
//! makes, the name `postgres` freed in PGlite so it can be one, and an owner other than
//! the provider's administrator granted to it, as a working setup needs.

use grantsmith::core::backend::postgres::dry_run::plan;
use grantsmith::core::{Db, Field, Intent, Preset, Scope};

/// RDS's and Cloud SQL's administrator is often named `postgres` and owns the tables:
/// the runner frees that name in PGlite (its bootstrap superuser renamed, the session
/// signed in as another), so the stand-in makes `postgres` a plain owner role and the
/// script still runs as the administrator's stand-in.
#[test]
fn postgres_is_an_owner_like_any_other() {
    let i = Intent::new(Db::Postgres, Preset::Original)
        .with(Field::Host, "app.c9akciq32.eu-west-1.rds.amazonaws.com")
        .with(Field::Database, "appdb")
        .with(Field::Schemas, "sales, public")
        .with(Field::Owners, "postgres");
    let p = plan(&i).unwrap();
    assert_eq!(p.superuser, "dry_run_superuser");
    assert_eq!(
        p.make_superuser,
        "CREATE ROLE dry_run_superuser SUPERUSER LOGIN"
    );
    assert_eq!(
        p.free_postgres,
        "ALTER ROLE postgres RENAME TO pglite_bootstrap"
    );
    assert_eq!(p.as_runner, "SET SESSION AUTHORIZATION \"rds_master\"");
    assert_eq!(
        p.as_superuser,
        "SET SESSION AUTHORIZATION \"dry_run_superuser\""
    );
    let made = |s: &str| p.stand_in.iter().position(|x| x == s);
    let role = made("CREATE ROLE \"postgres\" NOLOGIN").expect("postgres made");
    // The master user sets postgres's default privileges: it is granted the role.
    assert!(made("GRANT \"postgres\" TO \"rds_master\"").is_some_and(|g| g > role));
    assert!(made("CREATE SCHEMA \"sales\" AUTHORIZATION \"postgres\"").is_some());
    assert!(made("GRANT USAGE, CREATE ON SCHEMA \"public\" TO \"postgres\"").is_some());
    assert!(made("ALTER TABLE \"sales\".\"dry_run_table\" OWNER TO \"postgres\"").is_some());
    assert_eq!(
        p.later.first().map(String::as_str),
        Some("SET SESSION AUTHORIZATION \"postgres\"")
    );
    assert!(p.notes.iter().any(|n| n.starts_with("Owners postgres: ")));
    // Without a provider the superuser runs the script, and postgres is still made.
    let own = plan(&i.clone().with(Field::Host, "db.example.com")).unwrap();
    assert_eq!(
        own.as_runner,
        "SET SESSION AUTHORIZATION \"dry_run_superuser\""
    );
    assert!(own
        .stand_in
        .contains(&"CREATE ROLE \"postgres\" NOLOGIN".to_string()));
}

/// An owner that is not the provider's administrator: the script sets its default
/// privileges, which from PostgreSQL 16 the administrator may do only with the owner's
/// privileges, so the stand-in grants them (as a working setup needs), the notes say the
/// reader's administrator needs the same, and the setup's first check names the owner.
/// Without future objects nothing is granted: the dry run shows what the script alone
/// can do.
#[test]
fn an_owner_other_than_the_administrator_is_granted_to_it() {
    let rds = |preset: Preset, owners: &str| {
        let mut i = Intent::new(Db::Postgres, preset)
            .with(Field::Host, "app.c9akciq32.eu-west-1.rds.amazonaws.com")
            .with(Field::Database, "appdb")
            .with(Field::Schemas, "sales")
            .with(Field::Owners, owners);
        i.scope = Scope::Listed;
        i
    };
    let p = plan(&rds(Preset::Original, "app_owner, it's \"x\"")).unwrap();
    for (n, o) in ["\"app_owner\"", "\"it's \"\"x\"\"\""].iter().enumerate() {
        let made = p
            .stand_in
            .iter()
            .position(|s| *s == format!("CREATE ROLE {o} NOLOGIN"))
            .unwrap_or_else(|| panic!("owner #{n} made: {:?}", p.stand_in));
        assert_eq!(p.stand_in[made + 1], format!("GRANT {o} TO \"rds_master\""));
    }
    // The setup's first statements: BEGIN, then the checks naming both owners.
    let checks = &p.setup[1];
    assert!(
        checks.contains("rolname = ANY (ARRAY['app_owner', 'it''s \"x\"'])")
            && checks.contains("may not set default privileges for table owner"),
        "{checks}"
    );
    let note = p
        .notes
        .iter()
        .find(|n| {
            n.starts_with("Owners app_owner, it's \"x\": the stand-in grants each to rds_master,")
        })
        .unwrap_or_else(|| panic!("{:?}", p.notes));
    assert!(note.contains("the script's first check stops"), "{note}");
    // The administrator's own tables: nothing to grant, no note.
    let own = plan(&rds(Preset::Original, "rds_master")).unwrap();
    assert!(!own
        .stand_in
        .iter()
        .any(|s| s.starts_with("GRANT \"rds_master\"")));
    assert!(!own.notes.iter().any(|n| n.starts_with("Owners ")));
    // No future objects: no default privileges, so no membership and no check.
    let mut custom = rds(Preset::Custom, "app_owner");
    custom.custom.future = false;
    let c = plan(&custom).unwrap();
    assert!(!c
        .stand_in
        .iter()
        .any(|s| s.starts_with("GRANT \"app_owner\"")));
    assert!(!c.setup.iter().any(|s| s.contains("pg_has_role")));
    assert!(!c.notes.iter().any(|n| n.starts_with("Owners ")));
}
