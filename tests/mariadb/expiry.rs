//! Issue 32, expiry on real MariaDB: a date sets `PASSWORD EXPIRE INTERVAL` to the days
//! left (counted when the script runs), which verify and the drift check follow
//! (`expiry_checks.rs`). Once those days have passed (the password's change moved back
//! in `mysql.global_priv`) the password is refused; a date already past stops the script
//! before the expiry; a re-run without a date goes back to the server's policy.

use grantsmith::core::{generate, Field, Preset};

use super::{create_dbs, expiry_checks::checks, form, Maria};

fn show(m: &Maria) -> String {
    m.root_ok("SHOW CREATE USER 'expiring'@'%'")
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
