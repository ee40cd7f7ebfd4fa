//! Verify and uninstall executed for real: verify's rows pass, then fail on a revoked
//! privilege; uninstall leaves no role behind, also when a listed table owner is missing.

use grantsmith::core::{generate, Intent};

use super::fixture::{self, OWNER, OWNER_PW};
use super::scenarios::{form, script};
use super::server::Server;

pub(super) fn verify_rows(s: &Server, db: &str, f: &Intent) -> Vec<String> {
    let q = generate(f).verify.unwrap();
    s.su(db, &q).lines().map(str::to_string).collect()
}

/// Verify: every row passes after setup; revoking one grant fails exactly that row.
/// Uninstall: the role and every privilege, default privilege and policy mentioning it
/// are gone, the owner's objects are untouched, and a second run is a no-op.
pub fn verify_and_uninstall(s: &Server) {
    let (db, role, pw) = ("app_vu", "gs_verify", "pw-vu");
    fixture::database(s, db);
    let f = {
        let mut i = form(role, db, OWNER);
        i.rls = true;
        i
    };
    s.psql(OWNER, OWNER_PW, db, &script(&f, pw))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    let rows = verify_rows(s, db, &f);
    assert!(rows.len() > 20, "{}: {rows:?}", s.version);
    let failing: Vec<&String> = rows.iter().filter(|r| !r.ends_with("|pass")).collect();
    assert!(
        failing.is_empty(),
        "{}: failing after setup: {failing:?}",
        s.version
    );
    for needle in [
        "role exists and can log in|gs_verify|pass",
        "table TRIGGER|sales.deals|pass",
        "RLS policy dreamlit_gs_verify_select_policy|public.secured|pass",
        "default privilege tables SELECT|for objects created by owner_role|pass",
    ] {
        assert!(
            rows.iter().any(|r| r == needle),
            "{}: no row {needle:?} in {rows:?}",
            s.version
        );
    }
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        "REVOKE TRIGGER ON sales.deals FROM gs_verify;",
    )
    .unwrap();
    let after: Vec<String> = verify_rows(s, db, &f)
        .into_iter()
        .filter(|r| !r.ends_with("|pass"))
        .collect();
    assert_eq!(
        after,
        vec!["table TRIGGER|sales.deals|FAIL".to_string()],
        "{}",
        s.version
    );

    // The role made something of its own, as an integration does.
    s.psql(
        role,
        pw,
        db,
        "CREATE SCHEMA gs_own; CREATE TABLE gs_own.log (x int);",
    )
    .unwrap();
    let owner_objects = "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'owner_role';";
    let before = s.su(db, owner_objects);
    let uninstall = generate(&f).uninstall.unwrap();
    for run in 1..=2 {
        s.psql(OWNER, OWNER_PW, db, &uninstall)
            .unwrap_or_else(|e| panic!("{}: uninstall run {run} as the owner: {e}", s.version));
    }
    assert_eq!(
        s.su(
            "postgres",
            "SELECT count(*) FROM pg_roles WHERE rolname = 'gs_verify';"
        )
        .trim(),
        "0",
        "{}",
        s.version
    );
    let traces = s.su(
        db,
        "SELECT count(*) FROM pg_policies WHERE policyname LIKE 'dreamlit_gs_verify%'
         UNION ALL SELECT count(*) FROM pg_default_acl WHERE defaclacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_class WHERE relacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_namespace WHERE nspacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_database WHERE datacl::text LIKE '%gs_verify%';",
    );
    assert_eq!(traces, "0\n0\n0\n0\n0\n", "{}: traces left", s.version);
    // The owner's objects are all there, plus what the role made (now the owner's).
    let after = s.su(db, owner_objects);
    assert_eq!(
        after.trim().parse::<i64>().unwrap(),
        before.trim().parse::<i64>().unwrap() + 1,
        "{}",
        s.version
    );
    assert_eq!(
        s.su(db, "SELECT count(*) FROM public.orders;").trim(),
        "2",
        "{}",
        s.version
    );
    // Verify after uninstall: every row about the role fails, no error (it still runs
    // in the right database).
    let rows = verify_rows(s, db, &f);
    assert!(
        rows.iter()
            .all(|r| r.ends_with("|FAIL") || r == "run in the database it is for|app_vu|pass"),
        "{}: {rows:?}",
        s.version
    );
}

/// A table owner role that does not exist (the CLI on a Neon-like server used to keep
/// `postgres`): setup goes on with a NOTICE, and so does uninstall, handing what the
/// role made to the role running it instead of stopping at `REASSIGN OWNED … TO` a
/// missing role and leaving the role behind.
pub fn uninstall_with_missing_owner(s: &Server) {
    let (db, role, pw) = ("app_ghost", "gs_ghost", "pw-ghost");
    fixture::database(s, db);
    let f = form(role, db, "ghost_owner");
    // As the superuser: with no owner role to filter by, the original's sweep run by a
    // non-superuser warns on pgcrypto's functions (README, "Found by running the SQL").
    s.su(db, &script(&f, pw));
    s.psql(
        role,
        pw,
        db,
        "CREATE SCHEMA gs_ghost_own; CREATE TABLE gs_ghost_own.t (x int);",
    )
    .unwrap();
    let uninstall = generate(&f).uninstall.unwrap();
    for _ in 1..=2 {
        s.su(db, &uninstall);
    }
    assert_eq!(
        s.su(
            "postgres",
            "SELECT count(*) FROM pg_roles WHERE rolname = 'gs_ghost';"
        )
        .trim(),
        "0",
        "{}: the role is left behind",
        s.version
    );
    assert_eq!(
        s.su(db, "SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relname = 't' AND c.relnamespace = 'gs_ghost_own'::regnamespace;").trim(),
        "postgres",
        "{}: what the role made goes to the role that ran uninstall",
        s.version
    );
}
