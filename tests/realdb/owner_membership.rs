//! The setup's owner check (`guard.rs`, `owner_checks`): a hosted provider's
//! administrator (here the RDS fixture's `rds_master`, CREATEROLE, not a superuser) that
//! types a table owner it may not change default privileges for is stopped before any
//! change, with a message naming the owner and itself and a HINT whose GRANT, run as
//! itself, is the fix. It used to fail midway with PostgreSQL's bare "permission denied
//! to change default privileges" (16+; "must be member of role" on 14 and 15).
//!
//! Uninstall makes the same check: once the administrator is no longer a member, it
//! stops before it revokes anything, and after the HINT's GRANT it drops the user.
//!
//! The owner is made by the administrator itself, as on RDS: on 14 and 15 that makes it
//! no member; on 16+ a member with ADMIN OPTION only (INHERIT and SET FALSE), which
//! `ALTER DEFAULT PRIVILEGES FOR ROLE` does not accept either.

use grantsmith::core::quote::pg::Ident;
use grantsmith::core::{generate, Db, Field, Intent, Output, Preset, Scope};

use super::server::Server;

const RUNNER: &str = "rds_master";
const RUNNER_PW: &str = "runner-secret";
const DB: &str = "rds_app";
const HOST: &str = "app.c9akciq32.eu-west-1.rds.amazonaws.com";
/// Quotes, a space and capitals: every place the owner is written must quote it.
const OWNER: &str = "App \"Own\"er's";

/// The forms that write default privileges for the owner: the original (all schemas and
/// listed) and a preset with future objects (listed, one `FOR ROLE` statement).
fn forms() -> Vec<Intent> {
    let mut original_all = Intent::default().with(Field::Owners, OWNER);
    original_all.scope = Scope::All;
    let mut original_listed = Intent::default()
        .with(Field::Owners, OWNER)
        .with(Field::Schemas, "sales");
    original_listed.scope = Scope::Listed;
    let mut read_only = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Owners, OWNER)
        .with(Field::Schemas, "sales");
    read_only.scope = Scope::Listed;
    [original_all, original_listed, read_only]
        .into_iter()
        .enumerate()
        .map(|(n, f)| {
            f.with(Field::Host, HOST)
                .with(Field::Database, DB)
                .with(Field::Role, format!("gs_owner_check_{n}"))
                .with(Field::Password, "a-long-role-password-1")
        })
        .collect()
}

/// Runs after `providers::run`, which made the RDS fixture (`rds_app`, schema `sales`).
pub fn run(s: &Server) {
    let owner = Ident::new(OWNER).unwrap();
    s.psql(
        RUNNER,
        RUNNER_PW,
        DB,
        &format!("CREATE ROLE {owner} NOLOGIN;"),
    )
    .unwrap();
    let grant = if s.major() >= 16 {
        format!("GRANT {owner} TO rds_master WITH INHERIT TRUE;")
    } else {
        format!("GRANT {owner} TO rds_master;")
    };
    for (n, f) in forms().into_iter().enumerate() {
        let ctx = format!("{} {:?} #{n}", s.version, f.preset);
        let out = generate(&f);
        assert_stopped(s, out.setup.as_deref().unwrap(), &owner, &grant, &ctx);
        let made = s.su(
            DB,
            &format!("SELECT count(*) FROM pg_roles WHERE rolname = 'gs_owner_check_{n}';"),
        );
        assert_eq!(made.trim(), "0", "{ctx}: nothing was changed");
    }
    // The HINT's fix, run as the administrator: then every form sets up clean.
    s.psql(RUNNER, RUNNER_PW, DB, &grant).unwrap();
    let defaults_sql = format!(
        "SELECT count(*) FROM pg_default_acl d JOIN pg_roles r ON r.oid = d.defaclrole WHERE r.rolname = {};",
        owner.literal()
    );
    for (n, f) in forms().into_iter().enumerate() {
        let ctx = format!("{} {:?} #{n} as a member", s.version, f.preset);
        let out = generate(&f);
        s.psql_clean(RUNNER, RUNNER_PW, DB, out.setup.as_deref().unwrap())
            .unwrap_or_else(|e| panic!("{ctx}: setup: {e}"));
        assert_set_up(s, &out, &ctx);
    }
    let defaults = s.su(DB, &defaults_sql);
    assert_ne!(defaults.trim(), "0", "the owner's default privileges");
    uninstall(s, &owner, &grant, &defaults_sql, defaults.trim());
    s.psql(RUNNER, RUNNER_PW, DB, &format!("DROP ROLE {owner};"))
        .unwrap();
}

/// `sql`, run as the administrator, stops with the owner check's message, naming the
/// owner and the administrator, and its HINT, whose fix is `grant`.
fn assert_stopped(s: &Server, sql: &str, owner: &Ident, grant: &str, ctx: &str) {
    let err = s.psql(RUNNER, RUNNER_PW, DB, sql).expect_err(ctx);
    assert!(
        err.contains(&format!(
            "ERROR:  Role {RUNNER} may not set default privileges for table owner {OWNER}: nothing was changed"
        )),
        "{ctx}: {err}"
    );
    assert!(
        err.contains(&format!(
            "HINT:  Grant it the owner role, then run the script again: {grant} or run it as {owner}."
        )),
        "{ctx}: {err}"
    );
}

/// Verify, as the administrator, finds every grant of `out`'s setup in place.
fn assert_set_up(s: &Server, out: &Output, ctx: &str) {
    let verify = s
        .psql(RUNNER, RUNNER_PW, DB, out.verify.as_deref().unwrap())
        .unwrap();
    assert!(!verify.contains("FAIL"), "{ctx}: {verify}");
}

/// The uninstall's owner check (`guard.rs`, `uninstall_checks`): once the administrator
/// is no longer a member of the owner (it revokes its own grant), every form's uninstall
/// stops with the setup's message and HINT and leaves the user, its grants and the
/// owner's default privileges (`defaults` rows) as they were; after the HINT's GRANT it
/// drops the user.
fn uninstall(s: &Server, owner: &Ident, grant: &str, defaults_sql: &str, defaults: &str) {
    s.psql(
        RUNNER,
        RUNNER_PW,
        DB,
        &format!("REVOKE {owner} FROM {RUNNER};"),
    )
    .unwrap();
    // What ALTER DEFAULT PRIVILEGES FOR ROLE needs (see `owner_checks`) is gone.
    let need = if s.major() >= 16 { "USAGE" } else { "MEMBER" };
    let held = s.su(
        DB,
        &format!(
            "SELECT pg_has_role('{RUNNER}', {}, '{need}');",
            owner.literal()
        ),
    );
    assert_eq!(held.trim(), "f", "{}: the revoke took", s.version);
    for (n, f) in forms().into_iter().enumerate() {
        let ctx = format!("{} {:?} #{n} uninstall, no member", s.version, f.preset);
        let out = generate(&f);
        assert_stopped(s, out.uninstall.as_deref().unwrap(), owner, grant, &ctx);
        assert_set_up(s, &out, &ctx);
    }
    assert_eq!(
        s.su(DB, defaults_sql).trim(),
        defaults,
        "{}: the owner's default privileges stay",
        s.version
    );
    s.psql(RUNNER, RUNNER_PW, DB, grant).unwrap();
    for (n, f) in forms().into_iter().enumerate() {
        let ctx = format!("{} {:?} #{n} uninstall, member again", s.version, f.preset);
        let out = generate(&f);
        s.psql_clean(RUNNER, RUNNER_PW, DB, out.uninstall.as_deref().unwrap())
            .unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let left = s.su(
            DB,
            &format!("SELECT count(*) FROM pg_roles WHERE rolname = 'gs_owner_check_{n}';"),
        );
        assert_eq!(left.trim(), "0", "{ctx}: the user is gone");
    }
    assert_eq!(
        s.su(DB, defaults_sql).trim(),
        "0",
        "{}: no default privileges left for the owner",
        s.version
    );
}
