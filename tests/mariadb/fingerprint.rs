//! The list's fingerprint on real MariaDB. Before it, an account dropped by hand stayed
//! in `grantsmith.accounts`, and an application's account made later under that name
//! was taken for the script's own: a re-run of setup gave it a new password (the
//! application locked out) and the preset's grants. Now an account counts as listed only
//! while SHA-256 of its password hash is the one its setup recorded; a list from before
//! the fingerprint keeps working and is given the column.

use grantsmith::core::backend::Backend;
use grantsmith::core::{generate, Db, Preset};

use super::takeover::{adoption, existing_app, listed, refused_with, untouched};
use super::{create_dbs, form, Maria};

const CHANGED: &str = "exists but its password is not the one a Grantsmith setup script set";

/// A server with the database `shop`, and `preset`'s setup and uninstall scripts for
/// `app`@`%` with `password`.
fn shop_scripts(preset: Preset, password: &str) -> (Maria, String, String) {
    let m = Maria::start();
    create_dbs(&m, &["shop"]);
    let out = generate(&form(preset, "app", "%", "shop", password, m.port));
    (m, out.setup.unwrap(), out.uninstall.unwrap())
}

#[test]
fn an_account_dropped_by_hand_and_made_again_is_not_taken_over() {
    let m = Maria::start();
    for &preset in Backend::presets(Db::MySql) {
        let out = generate(&form(preset, "app", "%", "shop", "grantsmith-pw", m.port));
        let (setup, uninstall) = (out.setup.unwrap(), out.uninstall.unwrap());
        let label = format!("{preset:?}");
        create_dbs(&m, &["shop"]);
        m.root_ok(&setup);
        assert_eq!(listed(&m, "app"), "1", "{label}");
        // The DBA drops the user by hand, not with its uninstall script; later the
        // application gets an account of the same name, with its own password.
        m.root_ok("DROP USER 'app'@'%'; DROP DATABASE `shop`;");
        let before = existing_app(&m);
        assert_eq!(listed(&m, "app"), "1", "{label}: the list still names it");
        refused_with(&m, &setup, CHANGED, &format!("{label}: setup"));
        untouched(&m, &before, &format!("{label}: setup"));
        refused_with(&m, &uninstall, CHANGED, &format!("{label}: uninstall"));
        untouched(&m, &before, &format!("{label}: uninstall"));
        m.root_ok("DROP USER 'app'@'%'; DROP DATABASE `shop`; DELETE FROM grantsmith.accounts;");
    }
}

/// A password changed by hand makes the account another's until the DBA lists it again
/// as the script's comment says; then setup and uninstall run, each twice.
#[test]
fn a_password_changed_by_hand_is_refused_until_listed_again() {
    let (m, setup, uninstall) = shop_scripts(Preset::ReadWrite, "form-pw");
    m.root_ok(&setup);
    m.root_ok("ALTER USER 'app'@'%' IDENTIFIED BY 'by-hand'; GRANT ALL ON `shop`.* TO 'app'@'%';");
    refused_with(&m, &setup, CHANGED, "setup");
    let o = m.login("app", "by-hand", "shop", "DROP TABLE `shop`.t");
    assert!(
        o.status.success(),
        "the refused setup changed the account: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    refused_with(&m, &uninstall, CHANGED, "uninstall");
    m.root_ok(&adoption(&setup));
    for run in 1..=2 {
        m.root_ok(&setup);
        let o = m.login("app", "form-pw", "shop", "SELECT 1");
        assert!(o.status.success(), "setup run {run}: the form's password");
    }
    for _ in 1..=2 {
        m.root_ok(&uninstall);
    }
    assert_eq!(listed(&m, "app"), "0");
}

/// A list an earlier setup script made has no fingerprint column: its rows are trusted
/// as they were, the setup adds the column and records the fingerprint, and from then on
/// a password changed by hand is refused.
#[test]
fn a_list_from_before_the_fingerprint_is_upgraded() {
    let (m, setup, _) = shop_scripts(Preset::ReadOnly, "new-pw");
    m.root_ok(
        "CREATE DATABASE grantsmith;
         CREATE TABLE grantsmith.accounts (user VARCHAR(80) NOT NULL, host VARCHAR(255) NOT NULL, PRIMARY KEY (user, host)) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
         CREATE USER 'app'@'%' IDENTIFIED BY 'old-pw';
         INSERT INTO grantsmith.accounts VALUES ('app', '%');",
    );
    m.root_ok(&setup);
    let auth = m.root_ok("SELECT auth FROM grantsmith.accounts WHERE user = 'app'");
    assert_eq!(auth.trim().len(), 64, "no fingerprint recorded: {auth}");
    let expected = m.root_ok(
        "SELECT SHA2(authentication_string, 256) FROM mysql.user WHERE User = 'app' AND Host = '%'",
    );
    assert_eq!(auth, expected);
    m.root_ok(&setup);
    m.root_ok("SET PASSWORD FOR 'app'@'%' = PASSWORD('by-hand')");
    refused_with(&m, &setup, CHANGED, "after the upgrade");
}

/// A hostile integration user changes its own password (any account may): its setup's
/// re-run and its uninstall stop, changing nothing, until the DBA lists it again; then
/// uninstall drops it. The refusal is the price of never resetting an account the script
/// cannot tell is its own.
#[test]
fn an_integration_user_changing_its_own_password_is_refused_until_listed_again() {
    let (m, setup, uninstall) = shop_scripts(Preset::ReadOnly, "form-pw");
    m.root_ok(&setup);
    let o = m.login(
        "app",
        "form-pw",
        "shop",
        "SET PASSWORD = PASSWORD('its-own')",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    refused_with(&m, &setup, CHANGED, "setup");
    refused_with(&m, &uninstall, CHANGED, "uninstall");
    let o = m.login("app", "its-own", "shop", "SELECT count(*) FROM `shop`.t");
    assert!(o.status.success(), "a refused script changed the account");
    m.root_ok(&adoption(&setup));
    m.root_ok(&uninstall);
    let left = m.root_ok("SELECT count(*) FROM mysql.user WHERE User = 'app'");
    assert_eq!(left.trim(), "0", "uninstall after listing it again");
}
