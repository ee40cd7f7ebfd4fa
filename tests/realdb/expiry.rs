//! Issue 32, expiry: a password past its `VALID UNTIL` is refused at sign-in and one
//! before it signs in; verify checks the date; a re-run without a date takes the expiry
//! away (the role ends as the form says), and verify then passes for "never".

use grantsmith::core::{Field, Preset};

use super::careful_dba::{form, scripts, setup_sql};
use super::fixture::{self, OWNER, OWNER_PW};
use super::server::Server;

fn verify_fails(s: &Server, db: &str, verify: &str) -> Vec<String> {
    let rows = s
        .psql(OWNER, OWNER_PW, db, verify)
        .unwrap_or_else(|e| panic!("{}: verify: {e}", s.version));
    rows.lines()
        .filter(|l| l.contains("FAIL"))
        .map(str::to_string)
        .collect()
}

/// The three states of one role: expired, valid, never expiring.
pub fn run(s: &Server) {
    let db = "dba_expiry";
    fixture::database(s, db);
    let role = "expiring_ro";
    let base = form(Preset::ReadOnly, db, role);
    // A date long past: the role exists, its password no longer signs in.
    let past = scripts(&base.clone().with(Field::ValidUntil, "2001-01-01"));
    s.psql_clean(OWNER, OWNER_PW, db, &setup_sql(&past))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    let refused = s.psql(role, "new-pw", db, "SELECT 1;");
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.contains("password authentication failed")),
        "{}: an expired password signed in: {refused:?}",
        s.version
    );
    assert!(verify_fails(s, db, past.verify.as_deref().unwrap()).is_empty());
    // A date ahead: it signs in, and verify of the past date now fails on that row.
    let ahead = scripts(&base.clone().with(Field::ValidUntil, "2099-12-31"));
    s.psql_clean(OWNER, OWNER_PW, db, &setup_sql(&ahead))
        .unwrap_or_else(|e| panic!("{}: re-run: {e}", s.version));
    s.psql(role, "new-pw", db, "SELECT 1;")
        .unwrap_or_else(|e| panic!("{}: a valid password refused: {e}", s.version));
    let wrong = verify_fails(s, db, past.verify.as_deref().unwrap());
    assert!(
        wrong.len() == 1 && wrong[0].contains("password valid until"),
        "{}: {wrong:?}",
        s.version
    );
    // No date: the expiry is taken away, and verify says "never" passes.
    let never = scripts(&base);
    s.psql_clean(OWNER, OWNER_PW, db, &setup_sql(&never))
        .unwrap_or_else(|e| panic!("{}: re-run: {e}", s.version));
    let until = s.su(
        db,
        &format!(
            "SELECT coalesce(rolvaliduntil::text, 'none') FROM pg_roles WHERE rolname = '{role}';"
        ),
    );
    assert_eq!(until.trim(), "infinity", "{}", s.version);
    assert!(verify_fails(s, db, never.verify.as_deref().unwrap()).is_empty());
    s.psql_clean(OWNER, OWNER_PW, db, never.uninstall.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{}: uninstall: {e}", s.version));
}
