//! Issue 32, rotation without downtime on real MariaDB (alternating users): step 1,
//! written from the form with the new password typed, makes `etl_2` with exactly
//! `etl`'s grants; during the overlap both sign in, their `SHOW GRANTS` are equal but
//! for the name and the drift check of either is clean; step 2 drops `etl` only, and
//! both steps run twice. The next rotation goes back from `etl_2` to `etl`. The pair
//! carries the form's expiry date: verify and the drift check are clean for either.

use grantsmith::core::backend::mysql::Account;
use grantsmith::core::{check_paste, generate, render, Field, Intent, Part, Preset};

use super::{create_dbs, form, grants, verify_rows, Maria};

/// Signs in as `user` and reads the table; whether it worked.
fn signs_in(m: &Maria, user: &str, pw: &str) -> bool {
    m.login(user, pw, "crm", "SELECT count(*) FROM `crm`.t")
        .status
        .success()
}

/// The drift check of `f` against the server: clean, the expiry's row present; and
/// every row of verify ok, the expiry's last.
fn clean(m: &Maria, f: &Intent) {
    let out = m.root_ok(&generate(f).inspect.unwrap());
    let r = check_paste(f, &out).unwrap().unwrap();
    assert!(!r.drift(), "{} drifted: {:?}", f.get(Field::Role), r.rows);
    assert!(
        r.rows
            .iter()
            .any(|x| x.what.contains("password expires 2099-12-31 ")),
        "{:?}",
        r.rows
    );
    let rows = verify_rows(m, generate(f).verify.as_deref().unwrap());
    assert!(rows.iter().all(|r| r.ends_with("\tok")), "{rows:?}");
    assert!(
        rows.last()
            .unwrap()
            .contains("password expires on 2099-12-31"),
        "{rows:?}"
    );
}

/// The whole scenario on one server.
pub fn run(m: &Maria) {
    create_dbs(m, &["crm"]);
    // No room for `_2` in MySQL's 32 characters: no rotation is offered.
    let long = form(Preset::ReadOnly, &"a".repeat(31), "%", "crm", "pw", m.port);
    assert_eq!(render(&long, Part::Rotate), None);
    let old = form(Preset::ReadWrite, "etl", "%", "crm", "old-pw", m.port)
        .with(Field::ValidUntil, "2099-12-31");
    m.root_ok(generate(&old).setup.as_deref().unwrap());
    // Step 1 is written from the same form with the new password typed.
    let new_pw = old.clone().with(Field::Password, "new-pw");
    let step1 = render(&new_pw, Part::Rotate).expect("a MySQL rotation");
    assert!(step1.contains("RETAIN CURRENT PASSWORD"), "{step1}");
    for _ in 0..2 {
        m.root_ok(&step1);
    }
    assert!(signs_in(m, "etl", "old-pw") && signs_in(m, "etl_2", "new-pw"));
    let rename = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|l| l.replace("`etl_2`@", "`etl`@"))
            .map(|l| l.split(" IDENTIFIED BY").next().unwrap().to_string())
            .collect()
    };
    let (a, b) = (
        grants(m, &Account::new("etl", "%")),
        grants(m, &Account::new("etl_2", "%")),
    );
    assert!(!a.is_empty());
    assert_eq!(rename(a), rename(b), "the pair's grants differ");
    let twin = form(Preset::ReadWrite, "etl_2", "%", "crm", "new-pw", m.port)
        .with(Field::ValidUntil, "2099-12-31");
    clean(m, &old);
    clean(m, &twin);
    // Step 2 once the integration uses etl_2: etl is gone, etl_2 untouched.
    let step2 = render(&new_pw, Part::Retire).unwrap();
    for _ in 0..2 {
        m.root_ok(&step2);
    }
    assert!(!signs_in(m, "etl", "old-pw") && signs_in(m, "etl_2", "new-pw"));
    assert!(grants(m, &Account::new("etl", "%")).is_empty());
    clean(m, &twin);
    // The next rotation goes back to etl, from etl_2's form.
    let back = render(
        &twin.clone().with(Field::Password, "third-pw"),
        Part::Rotate,
    )
    .unwrap();
    m.root_ok(&back);
    assert!(signs_in(m, "etl", "third-pw") && signs_in(m, "etl_2", "new-pw"));
    m.root_ok(&render(&twin, Part::Retire).unwrap());
    m.root_ok(generate(&old).uninstall.as_deref().unwrap());
    assert!(!signs_in(m, "etl", "third-pw") && !signs_in(m, "etl_2", "new-pw"));
}
