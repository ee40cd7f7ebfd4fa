//! Issue 32, the expiry in verify and the drift check on real MariaDB: verify's last row
//! checks it, and fails on NEVER, another interval or a password expired by hand; the
//! inspect query prints it and the drift check reports a changed or removed one, with a
//! fix that makes it clean again; without a date, the server's policy (its
//! `default_password_lifetime` too) is what both expect.

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Intent};

use super::{verify_rows, Maria};

const ACCOUNT: &str = "'expiring'@'%'";

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
pub fn checks(m: &Maria, dated: &Intent, plain: &Intent) {
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
    policy(m, plain);
    expired_by_hand(m, dated);
    past_date(m, dated);
    m.root_ok(&setup(dated));
}

/// A form whose date has passed: the fix stops with the reason, the expiry unchanged.
fn past_date(m: &Maria, dated: &Intent) {
    let past = dated
        .clone()
        .with(grantsmith::core::Field::ValidUntil, "2001-01-01");
    let (_, r) = inspect(m, &past);
    assert!(r.drift(), "{:?}", r.rows);
    let o = m.root(&r.fix_sql());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("the expiry date 2001-01-01 is not ahead"),
        "{err}"
    );
    assert!(verify_expiry(m, dated).ends_with("\tok"));
}

/// A server policy of 90 days: a setup without a date follows it, inspect prints the day
/// it gives (marked `default`), verify says so and passes, and the check is clean.
fn policy(m: &Maria, plain: &Intent) {
    m.root_ok(&setup(plain));
    // root's own entry has no last change (mariadb-install-db writes none): kept from
    // expiring while the policy is on.
    m.root_ok("ALTER USER root@localhost PASSWORD EXPIRE NEVER; SET GLOBAL default_password_lifetime = 90;");
    let day = m
        .root_ok("SELECT UTC_DATE() + INTERVAL 90 DAY")
        .trim()
        .to_string();
    let row = verify_expiry(m, plain);
    let (out, r) = inspect(m, plain);
    m.root_ok("SET GLOBAL default_password_lifetime = 0;");
    assert!(
        row.starts_with(&format!(
            "the server's policy, default_password_lifetime = 90: expires {day} "
        )) && row.ends_with("\tok"),
        "{row}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("expires\t{day} ")) && l.ends_with("\tdefault")),
        "{out}"
    );
    assert!(!r.drift(), "{:?}", r.rows);
}

/// A password expired by hand: verify's row fails, the check lists it for a person (no
/// statement), and the setup, which sets the password again, ends it.
fn expired_by_hand(m: &Maria, dated: &Intent) {
    m.root_ok(&setup(dated));
    m.root_ok(&format!("ALTER USER {ACCOUNT} PASSWORD EXPIRE"));
    let row = verify_expiry(m, dated);
    assert!(
        row.starts_with("expired by hand (PASSWORD EXPIRE)") && row.ends_with("\tFAIL"),
        "{row}"
    );
    let (out, r) = inspect(m, dated);
    assert!(
        out.lines().any(|l| l == "expires\texpired\taccount"),
        "{out}"
    );
    let rows: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.status != Status::Present)
        .collect();
    assert!(
        rows.len() == 1
            && rows[0].what.starts_with("password expired by hand")
            && rows[0].fix.is_none(),
        "{rows:?}"
    );
    assert!(
        r.fix_sql().contains("Not changed by this script"),
        "{}",
        r.fix_sql()
    );
    m.root_ok(&setup(dated));
    assert!(verify_expiry(m, dated).ends_with("\tok"));
    assert!(!inspect(m, dated).1.drift());
}
