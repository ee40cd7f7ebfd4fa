//! Issue 32, expiry: a password past its `VALID UNTIL` is refused at sign-in and one
//! before it signs in; verify checks the date; a re-run without a date takes the expiry
//! away (the role ends as the form says), and verify then passes for "never". The drift
//! check: inspect shows the expiry, a changed or removed one is drift, and the fix
//! script puts the setup's back.

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Field, Intent, Preset};

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

/// The inspect query's output for `i`'s user, and the check's report.
fn inspect(s: &Server, db: &str, i: &Intent) -> (String, Report) {
    let q = generate(i)
        .inspect
        .expect("PostgreSQL has an inspect query");
    let out = s
        .psql(OWNER, OWNER_PW, db, &q)
        .unwrap_or_else(|e| panic!("{}: inspect: {e}", s.version));
    match check_paste(i, &out) {
        Some(Ok(r)) => (out, r),
        other => panic!("{}: check: {other:?}\n{out}", s.version),
    }
}

/// `change` run by the superuser is drift the check reports with `word`; the fix script
/// (run as the setup's role) puts the expiry back, and the check is clean again.
fn drifts_and_fixes(s: &Server, db: &str, i: &Intent, change: &str, word: &str) {
    s.su(db, change);
    let (_, report) = inspect(s, db, i);
    let rows: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status != Status::Present)
        .collect();
    assert!(
        rows.len() == 1 && rows[0].what.contains(word),
        "{}: {change}: {rows:?}",
        s.version
    );
    s.psql_clean(OWNER, OWNER_PW, db, &report.fix_sql())
        .unwrap_or_else(|e| panic!("{}: fix: {e}\n{}", s.version, report.fix_sql()));
    let (_, after) = inspect(s, db, i);
    assert!(
        !after.drift(),
        "{}: after the fix: {:?}",
        s.version,
        after.rows
    );
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
    // Inspect shows the expiry (in UTC); the check finds it as the setup made it.
    let ahead_form = base.clone().with(Field::ValidUntil, "2099-12-31");
    let (out, report) = inspect(s, db, &ahead_form);
    assert!(
        out.lines().any(|l| l == "expires\t2099-12-31 00:00:00"),
        "{}: {out}",
        s.version
    );
    assert!(!report.drift(), "{}: {:?}", s.version, report.rows);
    assert!(report
        .rows
        .iter()
        .any(|r| r.what == "password valid until 2099-12-31 00:00:00 UTC"));
    // Changed, then removed: drift each time, and the fix sets the setup's date again.
    let r = format!("\"{role}\"");
    drifts_and_fixes(
        s,
        db,
        &ahead_form,
        &format!("ALTER ROLE {r} VALID UNTIL '2030-06-01 12:00:00+00';"),
        "password valid until 2030-06-01 12:00:00 UTC, not 2099-12-31 00:00:00 UTC",
    );
    drifts_and_fixes(
        s,
        db,
        &ahead_form,
        &format!("ALTER ROLE {r} VALID UNTIL 'infinity';"),
        "password valid until 2099-12-31 00:00:00 UTC (it never expires now)",
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
    // No expiry in the form: an empty expires line (never), and one added later is drift.
    let (out, report) = inspect(s, db, &base);
    assert!(
        out.lines().any(|l| l == "expires\t") && !report.drift(),
        "{}: {out}",
        s.version
    );
    drifts_and_fixes(
        s,
        db,
        &base,
        &format!("ALTER ROLE {r} VALID UNTIL '2031-01-01';"),
        "(the setup sets no expiry)",
    );
    s.psql_clean(OWNER, OWNER_PW, db, never.uninstall.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{}: uninstall: {e}", s.version));
}
