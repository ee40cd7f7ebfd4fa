//! Issue 32, expiry on real MariaDB: a date sets `PASSWORD EXPIRE INTERVAL` to the days
//! left (counted when the script runs); verify's last row checks it, and fails on NEVER
//! or another interval set by hand; the inspect query prints it and the drift check
//! reports a changed or removed one, with a fix that makes it clean again. Once those
//! days have passed (the password's change moved back in `mysql.global_priv`) the
//! password is refused; a date already past stops the script before the expiry; a
//! re-run without a date goes back to the server's policy, which verify and the drift
//! check then expect.

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Field, Intent, Preset};

use super::{create_dbs, form, verify_rows, Maria};

const ACCOUNT: &str = "'expiring'@'%'";

fn show(m: &Maria) -> String {
    m.root_ok("SHOW CREATE USER 'expiring'@'%'")
}

fn setup(f: &Intent) -> String {
    generate(f).setup.unwrap()
}

/// Verify's rows for `f`: all but the last must be `ok`; the last (the expiry) is
/// returned.
fn verify_expiry(m: &Maria, f: &Intent) -> String {
    let rows = verify_rows(m, generate(f).verify.as_deref().unwrap());
    let (last, rest) = rows.split_last().expect("verify printed nothing");
    assert!(rest.iter().all(|r| r.ends_with("\tok")), "{rows:?}");
    last.clone()
}

/// The inspect query's output for `f` and the check's report.
fn inspect(m: &Maria, f: &Intent) -> (String, Report) {
    let out = m.root_ok(&generate(f).inspect.unwrap());
    match check_paste(f, &out) {
        Some(Ok(r)) => (out, r),
        other => panic!("check: {other:?}\n{out}"),
    }
}

/// `change`, run as root, is the one drift row, which says `word`; its fix, run as
/// root, leaves no drift.
fn drifts_and_fixes(m: &Maria, f: &Intent, change: &str, status: Status, word: &str) {
    m.root_ok(change);
    let (out, r) = inspect(m, f);
    let rows: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.status != Status::Present)
        .collect();
    assert!(
        rows.len() == 1 && rows[0].status == status && rows[0].what.contains(word),
        "{change}: {rows:?}\n{out}"
    );
    m.root_ok(&r.fix_sql());
    let (out, after) = inspect(m, f);
    assert!(
        !after.drift(),
        "{change}: after the fix: {:?}\n{out}",
        after.rows
    );
}

/// Verify and the drift check of a setup with a date, then without.
fn checks(m: &Maria, dated: &Intent, plain: &Intent) {
    // After the setup: verify's row passes, inspect prints the day, no drift.
    let ok = verify_expiry(m, dated);
    assert!(
        ok.starts_with("expires 2099-12-31 ")
            && ok.ends_with("\tpassword expires on 2099-12-31 (UTC)\tok"),
        "{ok}"
    );
    let (out, r) = inspect(m, dated);
    assert!(
        out.lines()
            .any(|l| l.starts_with("expires\t2099-12-31 ") && l.ends_with("\taccount")),
        "{out}"
    );
    assert!(!r.drift(), "{:?}", r.rows);
    // By hand, NEVER or another interval: verify's row fails and says what it found.
    for (change, found) in [
        (
            "PASSWORD EXPIRE NEVER",
            "never expires (PASSWORD EXPIRE NEVER)\t",
        ),
        (
            "PASSWORD EXPIRE INTERVAL 30 DAY",
            " UTC (PASSWORD EXPIRE INTERVAL 30 DAY)\t",
        ),
        (
            "PASSWORD EXPIRE DEFAULT",
            "the server's policy, default_password_lifetime = 0: never expires\t",
        ),
    ] {
        m.root_ok(&format!("ALTER USER {ACCOUNT} {change}"));
        let row = verify_expiry(m, dated);
        assert!(
            row.contains(found) && row.ends_with("\tFAIL"),
            "{change}: {row}"
        );
    }
    m.root_ok(&setup(dated));
    assert!(verify_expiry(m, dated).ends_with("\tok"));
    // The drift check: another interval, then none; each fix puts the date back.
    drifts_and_fixes(
        m,
        dated,
        &format!("ALTER USER {ACCOUNT} PASSWORD EXPIRE INTERVAL 30 DAY"),
        Status::Extra,
        "not on 2099-12-31 UTC as the setup sets",
    );
    drifts_and_fixes(
        m,
        dated,
        &format!("ALTER USER {ACCOUNT} PASSWORD EXPIRE NEVER"),
        Status::Missing,
        "password expires on 2099-12-31 UTC (it never expires now",
    );
    assert!(verify_expiry(m, dated).ends_with("\tok"));
    // Without a date: the server's policy is what verify and the check expect.
    m.root_ok(&setup(plain));
    let row = verify_expiry(m, plain);
    assert!(
        row.ends_with("\tpassword expiry: the server's policy (PASSWORD EXPIRE DEFAULT)\tok"),
        "{row}"
    );
    let (out, r) = inspect(m, plain);
    assert!(out.lines().any(|l| l == "expires\t\tdefault"), "{out}");
    assert!(!r.drift(), "{:?}", r.rows);
    drifts_and_fixes(
        m,
        plain,
        &format!("ALTER USER {ACCOUNT} PASSWORD EXPIRE INTERVAL 10 DAY"),
        Status::Extra,
        "set on the account (the setup leaves the expiry to the server's policy)",
    );
    m.root_ok(&format!("ALTER USER {ACCOUNT} PASSWORD EXPIRE NEVER"));
    assert!(verify_expiry(m, plain).ends_with("\tFAIL"));
    m.root_ok(&setup(dated));
}

/// The whole scenario on one server.
pub fn run(m: &Maria) {
    create_dbs(m, &["shop"]);
    let f = form(
        Preset::ReadOnly,
        "expiring",
        "%",
        "shop",
        "pw-exp-1",
        m.port,
    );
    let dated = generate(&f.clone().with(Field::ValidUntil, "2099-12-31"));
    for _ in 0..2 {
        m.root_ok(dated.setup.as_deref().unwrap());
    }
    assert!(show(m).contains("PASSWORD EXPIRE INTERVAL"), "{}", show(m));
    checks(m, &f.clone().with(Field::ValidUntil, "2099-12-31"), &f);
    let ok = m.login("expiring", "pw-exp-1", "shop", "SELECT 1");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // The days run out: the password's change moved back past the interval.
    m.root_ok(
        "UPDATE mysql.global_priv SET Priv = JSON_SET(Priv, '$.password_last_changed', UNIX_TIMESTAMP() - 86400 * 40000) WHERE User = 'expiring'; FLUSH PRIVILEGES;",
    );
    // MariaDB lets an expired password in to change itself only (sandbox mode, unless
    // disconnect_on_expired_password): every other statement fails with error 1820.
    let expired = m.login("expiring", "pw-exp-1", "shop", "SELECT 1");
    let err = String::from_utf8_lossy(&expired.stderr);
    assert!(
        !expired.status.success() && (err.contains("expired") || err.contains("ERROR 1820")),
        "an expired password signed in: {}",
        String::from_utf8_lossy(&expired.stderr)
    );
    // A date already past: the script stops with the reason, before the expiry.
    let past = generate(&f.clone().with(Field::ValidUntil, "2001-01-01"));
    let o = m.root(past.setup.as_deref().unwrap());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("the expiry date 2001-01-01 has passed"));
    // No date: the server's policy again, and the password signs in.
    let plain = generate(&f);
    m.root_ok(plain.setup.as_deref().unwrap());
    assert!(!show(m).contains("PASSWORD EXPIRE"), "{}", show(m));
    let back = m.login("expiring", "pw-exp-1", "shop", "SELECT 1");
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    m.root_ok(plain.uninstall.as_deref().unwrap());
}
