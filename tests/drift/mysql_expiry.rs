//! The MySQL / MariaDB expiry line (`expires`, the moment in UTC or empty for never,
//! then `account` or `default`), from pastes written here as `mysql -N -B -r` prints
//! them: each state against a setup with and without a date, the fix each row carries,
//! and a paste from the older query (no line) not judged. What the statements do on a
//! server is tested on real MariaDB (tests/mariadb/expiry.rs).

use super::esc;
use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset};

/// A read-only setup of `app`@`%` on `shop`, expiring on `date` (empty: no date).
fn form(user: &str, date: &str) -> Intent {
    Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Role, user)
        .with(Field::Schemas, "shop")
        .with(Field::ValidUntil, date)
}

/// A clean paste of `user`'s grants, with the `expires` line `expires` if any.
fn paste(user: &str, expires: Option<(&str, &str)>) -> String {
    let mut facts: Vec<Vec<&str>> = vec![
        vec!["schema", "shop", "SELECT", ""],
        vec!["schema", "shop", "SHOW VIEW", ""],
    ];
    if let Some((until, who)) = expires {
        facts.push(vec!["expires", until, who]);
    }
    let mut p = format!(
        "grantsmith-inspect\t2\t{}\t%\texists\troot@localhost\tmysql\n",
        esc(user)
    );
    for f in &facts {
        p += &f.iter().map(|x| esc(x)).collect::<Vec<_>>().join("\t");
        p.push('\n');
    }
    p + &format!("grantsmith-inspect-end\t{}\n", facts.len())
}

fn report(i: &Intent, p: &str) -> Report {
    check_paste(i, p).expect("MySQL compares").expect(p)
}

/// The rows about the password.
fn expiry_rows(r: &Report) -> Vec<(Status, String, Option<String>)> {
    r.rows
        .iter()
        .filter(|x| x.what.contains("password"))
        .map(|x| (x.status, x.what.clone(), x.fix.clone()))
        .collect()
}

#[test]
fn a_date_is_present_on_that_day_or_the_day_before() {
    let f = form("app", "2099-12-31");
    for until in ["2099-12-31 09:12:45", "2099-12-30 23:59:59"] {
        let r = report(&f, &paste("app", Some((until, "account"))));
        assert!(!r.drift(), "{until}: {:?}", r.rows);
        let rows = expiry_rows(&r);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, Status::Present);
        assert!(rows[0].1.contains(until), "{rows:?}");
    }
}

#[test]
fn a_changed_or_removed_date_is_drift_with_the_setups_statement() {
    let f = form("app", "2099-12-31");
    let cases = [
        (
            ("2030-06-01 10:00:00", "account"),
            Status::Extra,
            "password expires 2030-06-01 10:00:00 UTC, not on 2099-12-31 UTC as the setup sets",
        ),
        (
            ("2099-12-29 23:59:59", "account"),
            Status::Extra,
            "not on 2099-12-31",
        ),
        (
            ("", "account"),
            Status::Missing,
            "password expires on 2099-12-31 UTC (it never expires now: PASSWORD EXPIRE NEVER)",
        ),
        (
            ("", "default"),
            Status::Missing,
            "(the account follows the server's policy now: never expires)",
        ),
        (
            ("2027-03-03 08:00:00", "default"),
            Status::Missing,
            "server's policy now: expires 2027-03-03 08:00:00 UTC)",
        ),
    ];
    for (line, status, what) in cases {
        let r = report(&f, &paste("app", Some(line)));
        assert!(r.drift(), "{line:?}");
        let rows = expiry_rows(&r);
        assert_eq!(rows.len(), 1, "{line:?}: {rows:?}");
        assert_eq!(rows[0].0, status, "{line:?}");
        assert!(rows[0].1.contains(what), "{line:?}: {}", rows[0].1);
        // The fix: the setup's ALTER USER, its days counted from the password's last
        // change (read where each server keeps it), stopped when the date is not ahead.
        let fix = r.fix_sql();
        for s in [
            "SET @grantsmith_days = DATEDIFF('2099-12-31', DATE(TIMESTAMPADD(SECOND, @grantsmith_pw_changed, '1970-01-01 00:00:00')));",
            "CONCAT('ALTER USER ''app''@''%'' PASSWORD EXPIRE INTERVAL ', @grantsmith_days, ' DAY')",
            "FROM mysql.global_priv WHERE User = ''app'' AND Host = ''%''",
            "password_lifetime FROM mysql.user WHERE User = ''app'' AND Host = ''%''",
            "DATEDIFF('2099-12-31', UTC_DATE()) > 0",
        ] {
            assert!(fix.contains(s), "{line:?}: {s}\n{fix}");
        }
    }
}

#[test]
fn without_a_date_the_servers_policy_is_clean_and_an_own_setting_is_drift() {
    let f = form("app", "");
    for line in [("", "default"), ("2027-03-03 08:00:00", "default")] {
        let r = report(&f, &paste("app", Some(line)));
        assert!(!r.drift(), "{line:?}: {:?}", r.rows);
        // As PostgreSQL's: no row when neither the setup nor the account sets one.
        assert!(expiry_rows(&r).is_empty(), "{:?}", r.rows);
    }
    for (line, what) in [
        (
            ("2030-06-01 10:00:00", "account"),
            "password expires 2030-06-01 10:00:00 UTC, set on the account",
        ),
        (
            ("", "account"),
            "password never expires, set on the account",
        ),
    ] {
        let r = report(&f, &paste("app", Some(line)));
        let rows = expiry_rows(&r);
        assert!(rows.len() == 1 && rows[0].0 == Status::Extra, "{rows:?}");
        assert!(rows[0].1.starts_with(what), "{}", rows[0].1);
        assert_eq!(
            rows[0].2.as_deref(),
            Some("ALTER USER 'app'@'%' PASSWORD EXPIRE DEFAULT;")
        );
    }
}

#[test]
fn a_paste_without_the_line_is_not_judged() {
    for date in ["2099-12-31", ""] {
        let r = report(&form("app", date), &paste("app", None));
        assert!(!r.drift(), "{date}: {:?}", r.rows);
        assert!(expiry_rows(&r).is_empty());
    }
}

#[test]
fn the_inspect_query_prints_the_line_and_hostile_names_stay_quoted() {
    let user = "o'ne\\il`x";
    let f = form(user, "2099-12-31");
    let q = generate(&f).inspect.unwrap();
    assert!(q.contains("CONVERT('expires' USING utf8mb4)"), "{q}");
    assert!(q.contains("IF(@grantsmith_pw_days IS NULL, 'default', 'account')"));
    // The account's name, inside the prepared statement's text: quoted twice.
    assert!(
        q.contains("WHERE User = ''o''''ne\\\\\\\\il`x'' AND Host = ''%''"),
        "{q}"
    );
    let r = report(&f, &paste(user, Some(("", "account"))));
    let fix = r.fix_sql();
    assert!(
        fix.contains("CONCAT('ALTER USER ''o''''ne\\\\\\\\il`x''@''%'' PASSWORD EXPIRE INTERVAL '"),
        "{fix}"
    );
    // Verify has the row, read the same way.
    let v = generate(&f).verify.unwrap();
    assert!(v.contains("'password expires on 2099-12-31 (UTC)'"), "{v}");
    assert!(v.contains("PREPARE grantsmith_expiry_read"), "{v}");
}

#[test]
fn a_password_expired_by_hand_is_listed_for_a_person() {
    for date in ["2099-12-31", ""] {
        let r = report(
            &form("app", date),
            &paste("app", Some(("expired", "account"))),
        );
        let rows = expiry_rows(&r);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].0, Status::Extra);
        assert!(
            rows[0].1.starts_with("password expired by hand"),
            "{}",
            rows[0].1
        );
        // No statement: only a new password ends it, which the setup sets.
        assert_eq!(rows[0].2, None);
        let fix = r.fix_sql();
        assert!(fix.contains("Not changed by this script"), "{fix}");
        assert!(!fix.contains("ALTER USER"), "{fix}");
    }
}
