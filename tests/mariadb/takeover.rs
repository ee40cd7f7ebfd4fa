//! A careful DBA's finding on real MariaDB: the user field could name an account that
//! already exists, and setup then gave an application's `'app'@'%'` a new password (its
//! application locked out) and cut its ALL on `shop` to SELECT; uninstall dropped it. Now
//! the page refuses administrators' names, and setup and uninstall stop before any
//! change on an account no Grantsmith setup script made (one not in
//! `grantsmith.accounts`), yet still run again on their own.

use grantsmith::core::backend::Backend;
use grantsmith::core::{generate, Db, Field, Preset};

use super::{create_dbs, form, grants, Account, Maria};

const APP_PW: &str = "app-secret-1";

/// The application's account as the DBA had it: ALL on `shop`, and rows there.
pub(super) fn existing_app(m: &Maria) -> Vec<String> {
    create_dbs(m, &["shop"]);
    m.root_ok(&format!(
        "CREATE USER 'app'@'%' IDENTIFIED BY '{APP_PW}'; GRANT ALL ON `shop`.* TO 'app'@'%';"
    ));
    grants(m, &Account::new("app", "%"))
}

/// The application's account exactly as it was: its password signs in and reads its
/// rows, and `SHOW GRANTS` lists what it listed.
pub(super) fn untouched(m: &Maria, before: &[String], label: &str) {
    let o = m.login("app", APP_PW, "shop", "SELECT count(*) FROM `shop`.t");
    assert!(
        o.status.success(),
        "{label}: the application's password no longer signs in: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_ne!(String::from_utf8_lossy(&o.stdout).trim(), "0", "{label}");
    assert_eq!(grants(m, &Account::new("app", "%")), before, "{label}");
}

/// Runs `script` as root; it must fail with the refusal, in plain words.
fn refused(m: &Maria, script: &str, label: &str) {
    refused_with(
        m,
        script,
        "exists but was not made by a Grantsmith setup script",
        label,
    );
}

/// Runs `script` as root; it must fail, naming `'app'@'%'` and saying `why`.
pub(super) fn refused_with(m: &Maria, script: &str, why: &str, label: &str) {
    let o = m.root(script);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success(),
        "{label}: ran on another's account\n{script}"
    );
    assert!(err.contains(&format!("'app'@'%' {why}")), "{label}: {err}");
}

pub(super) fn listed(m: &Maria, user: &str) -> String {
    m.root_ok(&format!(
        "SELECT count(*) FROM grantsmith.accounts WHERE user = '{user}'"
    ))
    .trim()
    .to_string()
}

/// The statements the setup's comment gives to list an account as it is now.
pub(super) fn adopting(setup: &str) -> Vec<&str> {
    setup
        .lines()
        .skip_while(|l| !l.contains("list it and run this script again"))
        .skip(2)
        .take_while(|l| l.starts_with("--   "))
        .map(|l| &l["--   ".len()..])
        .collect()
}

/// What the setup's comment says to run to adopt an account: the statements that make
/// the list (CREATE DATABASE up to CREATE USER), then the comment's own.
pub(super) fn adoption(setup: &str) -> String {
    let make: Vec<&str> = setup
        .lines()
        .skip_while(|l| !l.starts_with("CREATE DATABASE"))
        .take_while(|l| !l.starts_with("CREATE USER"))
        .collect();
    assert!(make.len() >= 2, "no statements make the list:\n{setup}");
    format!("{}\n{}", make.join("\n"), adopting(setup).join("\n"))
}

#[test]
fn another_account_is_never_taken_over() {
    let m = Maria::start();
    let before = existing_app(&m);
    let presets = Backend::presets(Db::MySql);
    assert_eq!(presets, [Preset::ReadOnly, Preset::ReadWrite, Preset::Cdc]);
    // First without the list (no Grantsmith user yet), then with it (another made).
    for round in ["no list yet", "list exists"] {
        for &preset in presets {
            let out = generate(&form(preset, "app", "%", "shop", "new-pw", m.port));
            let label = format!("{preset:?}, {round}");
            refused(
                &m,
                out.setup.as_deref().unwrap(),
                &format!("{label}: setup"),
            );
            untouched(&m, &before, &format!("{label}: setup"));
            refused(
                &m,
                out.uninstall.as_deref().unwrap(),
                &format!("{label}: uninstall"),
            );
            untouched(&m, &before, &format!("{label}: uninstall"));
        }
        // Refused before any change: not even the list was made.
        let lists = m.root_ok(
            "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'grantsmith'",
        );
        if round == "no list yet" {
            assert_eq!(lists.trim(), "0", "a refused run made the list");
            let own = generate(&form(Preset::ReadOnly, "other", "%", "shop", "pw", m.port));
            m.root_ok(own.setup.as_deref().unwrap());
        }
    }
}

#[test]
fn the_page_refuses_administrators() {
    for name in [
        "root",
        "mysql.sys",
        "mysql.session",
        "mysql.infoschema",
        "mariadb.sys",
        "debian-sys-maint",
        "rdsadmin",
        "azure_superuser",
        "cloudsqladmin",
    ] {
        let out = generate(&form(Preset::ReadWrite, name, "%", "shop", "pw", 3306));
        let msg = out
            .error(Field::Role)
            .unwrap_or_else(|| panic!("{name} was taken"));
        assert!(msg.contains("administrator"), "{name}: {msg}");
        assert_eq!(out.setup, None, "{name}");
    }
    // The list's own database is refused too: a user with rights there could list
    // another's account as its own.
    let out = generate(&form(
        Preset::ReadWrite,
        "dagflux",
        "%",
        "Grantsmith",
        "pw",
        3306,
    ));
    assert!(
        out.error(Field::Schemas).is_some(),
        "the list's database was offered"
    );
}

#[test]
fn own_account_runs_again_and_uninstalls() {
    let m = Maria::start();
    create_dbs(&m, &["shop"]);
    for &preset in Backend::presets(Db::MySql) {
        let out = generate(&form(preset, "gs_own", "%", "shop", "pw-1", m.port));
        for run in 1..=2 {
            let o = m.root(out.setup.as_deref().unwrap());
            assert!(
                o.status.success(),
                "{preset:?}: setup run {run}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        assert_eq!(
            listed(&m, "gs_own"),
            "1",
            "{preset:?}: setup lists its user"
        );
        let o = m.login("gs_own", "pw-1", "shop", "SELECT count(*) FROM `shop`.t");
        assert!(o.status.success(), "{preset:?}");
        for run in 1..=2 {
            m.root_ok(out.uninstall.as_deref().unwrap());
            let left = m.root_ok("SELECT count(*) FROM mysql.user WHERE User = 'gs_own'");
            assert_eq!(left.trim(), "0", "{preset:?}: uninstall run {run}");
        }
        assert_eq!(
            listed(&m, "gs_own"),
            "0",
            "{preset:?}: uninstall unlists its user"
        );
    }
}

/// An account an earlier Grantsmith script made (they kept no list) is refused like any
/// other until the DBA lists it as the script's comment says; then setup takes it over.
#[test]
fn an_earlier_scripts_account_is_taken_over_once_listed() {
    let m = Maria::start();
    create_dbs(&m, &["shop"]);
    // What the setup scripts wrote before the list.
    m.root_ok(
        "CREATE USER IF NOT EXISTS 'dagflux'@'%' IDENTIFIED BY 'old-pw';
         GRANT SELECT, SHOW VIEW ON `shop`.* TO 'dagflux'@'%';",
    );
    let out = generate(&form(
        Preset::ReadWrite,
        "dagflux",
        "%",
        "shop",
        "new-pw",
        m.port,
    ));
    let setup = out.setup.unwrap();
    let o = m.root(&setup);
    assert!(!o.status.success(), "an unlisted account was taken over");
    // The comment above the check says how to list it.
    let how = adopting(&setup);
    assert!(
        how.iter()
            .any(|l| l.starts_with("INSERT INTO grantsmith.accounts")),
        "{setup}"
    );
    m.root_ok(&adoption(&setup));
    m.root_ok(&setup);
    let o = m.login(
        "dagflux",
        "new-pw",
        "shop",
        "INSERT INTO `shop`.t VALUES (5)",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    m.root_ok(out.uninstall.as_deref().unwrap());
    assert_eq!(listed(&m, "dagflux"), "0");
}
