//! The drift check on real MariaDB: set up a read-only account on two databases (one
//! named with `_`, a wildcard in database grants), drift it in seeded random ways, run
//! the inspect query with the mariadb client (`-N -B -r`), compare, run the fix as root,
//! inspect again: no drift left, and another account's grants untouched. The expiry too:
//! an interval set by hand is one of the drifts, and a form with a date gets the setup's
//! ALTER USER for the hostile account, which leaves no drift.

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Preset};

use super::rng::Rng;
use super::{create_dbs, form, Maria};

/// The kinds of drift, as root runs them, and the start of the row each must give.
const DRIFTS: [(&str, &str); 8] = [
    (
        "REVOKE SELECT ON `shop`.* FROM ACCOUNT;",
        "missing: SELECT on database `shop`",
    ),
    (
        "GRANT FILE, PROCESS ON *.* TO ACCOUNT;",
        "extra (dangerous): FILE on every database",
    ),
    (
        "GRANT DROP ON `my\\_app`.* TO ACCOUNT;",
        "extra (dangerous): DROP on database `my\\_app`",
    ),
    (
        "GRANT INSERT ON `shop`.t TO ACCOUNT;",
        "extra (dangerous): INSERT on table `shop`.`t`",
    ),
    (
        "GRANT UPDATE (id) ON `shop`.t TO ACCOUNT;",
        "extra (dangerous): UPDATE on column `id` of `shop`.`t`",
    ),
    (
        "GRANT EXECUTE ON PROCEDURE `shop`.p TO ACCOUNT;",
        "extra (dangerous): EXECUTE on procedure `shop`.`p`",
    ),
    (
        "GRANT SELECT ON `my\\_app`.* TO ACCOUNT WITH GRANT OPTION;",
        "extra (dangerous): GRANT OPTION on `my\\_app`.*",
    ),
    // The setup leaves the expiry to the server's policy (issue 32).
    (
        "ALTER USER ACCOUNT PASSWORD EXPIRE INTERVAL 5 DAY;",
        "extra: password expires ",
    ),
];

/// A report's rows as the fix script lists them (`extra (dangerous): …`).
fn lines(r: &Report) -> Vec<String> {
    r.rows.iter().map(ToString::to_string).collect()
}

fn check(m: &Maria, f: &grantsmith::core::Intent) -> Report {
    let q = generate(f).inspect.expect("MySQL has an inspect query");
    let out = m.root_ok(&q);
    match check_paste(f, &out) {
        Some(Ok(r)) => r,
        other => panic!("check: {other:?}\n{out}"),
    }
}

#[test]
fn drift_on_mariadb() {
    let m = Maria::start();
    create_dbs(&m, &["shop", "my_app"]);
    m.root_ok("CREATE PROCEDURE `shop`.p() SELECT 1; CREATE USER bystander@localhost; GRANT SELECT ON `shop`.* TO bystander@localhost;");
    let user = "dr'ift\\x";
    let f = form(
        Preset::ReadOnly,
        user,
        "10.0.%",
        "shop,my_app",
        "pw-1",
        m.port,
    );
    m.root_ok(generate(&f).setup.as_deref().unwrap());
    let clean = check(&m, &f);
    assert!(!clean.drift(), "{:?}", lines(&clean));
    assert_eq!(clean.rows.len(), 4, "{:?}", lines(&clean));
    let account = "'dr''ift\\\\x'@'10.0.%'";
    let bystander = || m.root_ok("SHOW GRANTS FOR bystander@localhost");
    let before = bystander();
    let seed = std::env::var("GS_DRIFT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    println!("MariaDB drift seed {seed} (GS_DRIFT_SEED replays it)");
    let mut rng = Rng(seed);
    for round in 0..3 {
        let picked: Vec<usize> = (0..DRIFTS.len()).filter(|_| rng.below(2) == 0).collect();
        let picked = if picked.is_empty() {
            vec![round]
        } else {
            picked
        };
        for n in &picked {
            m.root_ok(&DRIFTS[*n].0.replace("ACCOUNT", account));
        }
        let r = check(&m, &f);
        let seen = lines(&r);
        assert!(r.drift());
        for n in &picked {
            assert!(
                seen.iter().any(|l| l.starts_with(DRIFTS[*n].1)),
                "seed {seed} round {round}: {:?} not in {seen:#?}",
                DRIFTS[*n].1
            );
        }
        let first_safe = r
            .rows
            .iter()
            .position(|x| !(x.status == Status::Extra && x.danger))
            .unwrap_or(0);
        assert!(r.rows[first_safe..]
            .iter()
            .all(|x| !(x.status == Status::Extra && x.danger)));
        let fix = r.fix_sql();
        if std::env::var("GS_SHOW").is_ok() {
            println!("{fix}");
        }
        let o = m.root(&fix);
        assert!(
            o.status.success(),
            "seed {seed}: fix failed: {}\n{fix}",
            String::from_utf8_lossy(&o.stderr)
        );
        let after = check(&m, &f);
        assert!(
            !after.drift(),
            "seed {seed} round {round}: left after the fix: {:?}\n{fix}",
            lines(&after)
        );
        assert_eq!(bystander(), before, "the fix touched another account");
    }
    // With a date in the form, the account (on the server's policy) lacks it: the fix,
    // the setup's ALTER USER in a prepared statement, names the hostile account right.
    let dated = f
        .clone()
        .with(grantsmith::core::Field::ValidUntil, "2099-12-31");
    let r = check(&m, &dated);
    let drifted: Vec<String> = lines(&r)
        .into_iter()
        .filter(|l| !l.starts_with("present"))
        .collect();
    assert_eq!(
        drifted,
        ["missing: password expires on 2099-12-31 UTC (the account follows the server's policy now: never expires)"]
    );
    m.root_ok(&r.fix_sql());
    let after = check(&m, &dated);
    assert!(!after.drift(), "{:?}", lines(&after));
    assert!(lines(&after)
        .iter()
        .any(|l| l.starts_with("present: password expires 2099-12-31 ")));
    assert_eq!(bystander(), before, "the fix touched another account");
    // Another account's output is refused, never a wrong fix.
    let other = form(Preset::ReadOnly, user, "%", "shop,my_app", "pw-1", m.port);
    let out = m.root_ok(&generate(&f).inspect.unwrap());
    let e = check_paste(&other, &out).unwrap().unwrap_err();
    assert!(e.contains("not 'dr''ift\\\\x'@'%'"), "{e}");
}
