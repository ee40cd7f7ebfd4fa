//! What a careful DBA tries next, on real PostgreSQL: an existing role typed as the user,
//! the script run in the wrong database, a statement that fails half-way. Each of these
//! took over a role, granted in the wrong place or left a half-made login role before
//! the scripts checked first and ran as one transaction
//! (`src/core/backend/original/guard.rs`).

use grantsmith::core::{generate, Db, Field, Intent, Output, Preset, Scope};

use super::fixture::{self, OWNER, OWNER_PW};
use super::server::{Server, SU_PASSWORD};

/// Every PostgreSQL preset that writes its own setup (custom as a read-only choice).
const PRESETS: [Preset; 4] = [
    Preset::Original,
    Preset::Metadata,
    Preset::ReadWrite,
    Preset::ReadOnly,
];

pub(super) fn form(preset: Preset, db: &str, role: &str) -> Intent {
    let mut i = Intent::new(Db::Postgres, preset)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, role)
        .with(Field::Owners, OWNER);
    i.scope = Scope::Listed;
    i
}

pub(super) fn scripts(f: &Intent) -> Output {
    let out = generate(f);
    assert!(out.setup.is_some(), "refused: {:?}", out.errors);
    out
}

pub(super) fn setup_sql(out: &Output) -> String {
    out.setup
        .as_deref()
        .unwrap()
        .replace("[[REPLACE_WITH_PASSWORD]]", "'new-pw'")
}

fn role_exists(s: &Server, role: &str) -> bool {
    s.psql_vars(
        "postgres",
        SU_PASSWORD,
        "postgres",
        "SELECT count(*) FROM pg_roles WHERE rolname = :'r';",
        &[("r", role)],
    )
    .unwrap()
    .trim()
        == "1"
}

/// Runs `sql` as the owner role: with no WARNING but for the original's sweeps, which
/// warn on pgcrypto's functions (a trusted extension gives them to the bootstrap
/// superuser, so the owner cannot grant or revoke on them): not this test's subject.
fn run_as_owner(s: &Server, preset: Preset, db: &str, sql: &str) -> Result<String, String> {
    if preset == Preset::Original {
        s.psql(OWNER, OWNER_PW, db, sql)
    } else {
        s.psql_clean(OWNER, OWNER_PW, db, sql)
    }
}

/// Runs every scenario on one server.
pub fn run(s: &Server) {
    existing_role_is_never_taken_over(s);
    wrong_database_changes_nothing(s);
    a_failing_statement_leaves_nothing_half_made(s);
    super::scope::run(s);
    println!("PostgreSQL {}: careful DBA scenarios passed", s.version);
}

/// Finding 1: user `etl2` already exists and owns schema `shop2` with rows. Every
/// preset's setup stops before changing it (its password still works, its privileges are
/// the same), uninstall stops too and `shop2` keeps its rows; the page refuses names it
/// can tell are not the integration's own.
fn existing_role_is_never_taken_over(s: &Server) {
    let db = "dba_take";
    fixture::database(s, db);
    s.su(
        db,
        "CREATE ROLE etl2 LOGIN PASSWORD 'etl2-secret';
         CREATE SCHEMA shop2 AUTHORIZATION etl2;",
    );
    s.psql(
        "etl2",
        "etl2-secret",
        db,
        "CREATE TABLE shop2.items (id int); INSERT INTO shop2.items VALUES (1), (2), (3);",
    )
    .unwrap();
    let before = fixture::privileges(s, db, "etl2");
    for preset in PRESETS {
        let out = scripts(&form(preset, db, "etl2"));
        for (what, sql) in [
            ("setup", setup_sql(&out)),
            ("uninstall", out.uninstall.clone().unwrap()),
        ] {
            for runner in [(OWNER, OWNER_PW), ("postgres", SU_PASSWORD)] {
                let err = s
                    .psql(runner.0, runner.1, db, &sql)
                    .expect_err(&format!("{} {preset:?} {what}: ran on etl2", s.version));
                assert!(
                    err.contains(
                        "Role etl2 already exists and was not made by a Grantsmith setup script"
                    ),
                    "{} {preset:?} {what}: {err}",
                    s.version
                );
                // As pasted into psql, which goes on after an error: still nothing.
                let said = s.psql_pasted(runner.0, runner.1, db, &sql);
                assert!(said.contains("ROLLBACK") || what == "uninstall", "{said}");
            }
        }
        assert_eq!(
            s.psql(
                "etl2",
                "etl2-secret",
                db,
                "SELECT count(*) FROM shop2.items;"
            )
            .unwrap_or_else(|e| panic!("{} {preset:?}: etl2 locked out: {e}", s.version))
            .trim(),
            "3",
            "{} {preset:?}",
            s.version
        );
        assert_eq!(
            fixture::privileges(s, db, "etl2"),
            before,
            "{} {preset:?}: etl2's privileges changed",
            s.version
        );
    }
    // The page: the owner role, the bootstrap superuser and providers' administrators.
    for (role, owners) in [
        (OWNER, OWNER),
        ("postgres", OWNER),
        ("neondb_owner", OWNER),
        ("app", "app, other"),
    ] {
        for preset in PRESETS {
            let out = generate(&form(preset, db, role).with(Field::Owners, owners));
            assert!(
                out.setup.is_none() && out.error(Field::Role).is_some(),
                "{preset:?} {role}: {:?}",
                out.errors
            );
        }
    }
}

/// Finding 2: a script for database `dba_app` run while connected to `postgres` (psql's
/// default) stops before it changes anything, and verify run there says so in a FAIL row.
fn wrong_database_changes_nothing(s: &Server) {
    let db = "dba_app";
    fixture::database(s, db);
    for preset in PRESETS {
        let role = format!("wrongdb_{}", preset.as_str().replace('-', "_"));
        let out = scripts(&form(preset, db, &role));
        let setup = setup_sql(&out);
        let err = s.psql(OWNER, OWNER_PW, "postgres", &setup).unwrap_err();
        assert!(
            err.contains(
                "This script is for database dba_app, but it is running in database postgres"
            ),
            "{} {preset:?}: {err}",
            s.version
        );
        let said = s.psql_pasted(OWNER, OWNER_PW, "postgres", &setup);
        assert!(
            said.contains("ROLLBACK"),
            "{} {preset:?}: {said}",
            s.version
        );
        assert!(
            !role_exists(s, &role),
            "{} {preset:?}: role made",
            s.version
        );
        run_as_owner(s, preset, db, &setup)
            .unwrap_or_else(|e| panic!("{} {preset:?}: setup in {db}: {e}", s.version));
        let verify = out.verify.clone().unwrap();
        let here = s.su(db, &verify);
        assert!(!here.contains("|FAIL"), "{} {preset:?}: {here}", s.version);
        let there = s.su("postgres", &verify);
        assert!(
            there.contains("run in the database it is for|dba_app|FAIL"),
            "{} {preset:?}: verify in postgres:\n{there}",
            s.version
        );
        let uninstall = out.uninstall.clone().unwrap();
        assert!(s.psql(OWNER, OWNER_PW, "postgres", &uninstall).is_err());
        assert!(role_exists(s, &role), "{} {preset:?}", s.version);
        run_as_owner(s, preset, db, &uninstall)
            .unwrap_or_else(|e| panic!("{} {preset:?}: uninstall: {e}", s.version));
        assert!(!role_exists(s, &role), "{} {preset:?}", s.version);
    }
}

/// Finding 6: a misspelt owner (failing at the last statement) and a listed schema the
/// running role may not grant on leave no login role and no grant behind, whether psql
/// stops at the error or goes on.
fn a_failing_statement_leaves_nothing_half_made(s: &Server) {
    let db = "dba_half";
    fixture::database(s, db);
    let cases = [
        (Preset::ReadWrite, "public", "app_ownr", "half_owner"),
        (Preset::ReadOnly, "public, private", OWNER, "half_schema"),
        (Preset::Metadata, "public, private", OWNER, "half_meta"),
    ];
    for (preset, schemas, owners, role) in cases {
        let out = scripts(
            &form(preset, db, role)
                .with(Field::Schemas, schemas)
                .with(Field::Owners, owners),
        );
        let setup = setup_sql(&out);
        assert!(
            s.psql(OWNER, OWNER_PW, db, &setup).is_err(),
            "{} {role}: setup succeeded",
            s.version
        );
        let said = s.psql_pasted(OWNER, OWNER_PW, db, &setup);
        assert!(said.contains("ROLLBACK"), "{} {role}: {said}", s.version);
        assert!(!role_exists(s, role), "{} {role}: half-made", s.version);
        assert_eq!(fixture::privileges(s, db, role), "", "{} {role}", s.version);
    }
}
