//! Neon auto-defaults: the original's behaviour on a host change, and the fix that a
//! value the user typed (or emptied) is never overwritten. The transition lives in the
//! intent, so the page, a link and the CLI get it alike.

use grantsmith::core::host::is_neon_host;
use grantsmith::core::{generate, Db, Field, Intent, Preset};

const NEON: &str = "ep-cool-darkness-123456.us-east-2.aws.neon.tech";

fn pair(i: &Intent) -> (&str, &str) {
    (i.get(Field::Owners), i.get(Field::Database))
}

#[test]
fn neon_host_detection_is_the_originals() {
    assert!(is_neon_host(" EP-X.US-EAST-2.AWS.NEON.TECH "));
    assert!(is_neon_host(
        "ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech"
    ));
    assert!(!is_neon_host("db.example.com"));
    assert!(!is_neon_host("neon.tec"));
}

#[test]
fn defaults_switch_to_neon_and_back() {
    let mut i = Intent::default().with(Field::Host, NEON);
    assert_eq!(pair(&i), ("neondb_owner", "neondb"));
    i.set(Field::Host, "db.example.com");
    assert_eq!(pair(&i), ("postgres", "postgres"));
    assert_eq!(i.neon, Default::default());
}

#[test]
fn only_default_or_empty_values_switch() {
    let i = Intent::default()
        .with(Field::Owners, " POSTGRES ")
        .with(Field::Database, "shop")
        .with(Field::Host, NEON);
    assert_eq!(pair(&i), ("neondb_owner", "shop"));
    let i = Intent::default()
        .with(Field::Owners, "")
        .with(Field::Database, "")
        .with(Field::Host, NEON);
    assert_eq!(pair(&i), ("neondb_owner", "neondb"));
}

#[test]
fn what_the_user_types_on_a_neon_host_is_kept() {
    let mut i = Intent::default().with(Field::Host, NEON);
    i.set(Field::Owners, "");
    i.set(Field::Database, "postgres");
    // Further typing in the host (still Neon) changes nothing.
    i.set(
        Field::Host,
        "ep-cool-darkness-123456.us-east-2.aws.neon.techx",
    );
    assert_eq!(pair(&i), ("", "postgres"));
    // Leaving Neon leaves user values alone.
    i.set(Field::Host, "db.example.com");
    assert_eq!(pair(&i), ("", "postgres"));
}

#[test]
fn auto_values_edited_to_something_else_stay() {
    let mut i = Intent::default().with(Field::Host, NEON);
    i.set(Field::Database, "neondb2");
    i.set(Field::Host, "db.example.com");
    assert_eq!(pair(&i), ("postgres", "neondb2"));
}

#[test]
fn the_generated_script_uses_neons_owner_and_database() {
    let out = generate(&Intent::default().with(Field::Host, NEON));
    assert!(out.conn.unwrap().ends_with("/neondb"));
    let uninstall = out.uninstall.unwrap();
    assert!(uninstall.contains("parent_role text := 'neondb_owner';"));
}

#[test]
fn presets_keep_their_own_defaults_on_a_neon_host() {
    let i = Intent::new(Db::Postgres, Preset::ReadWrite).with(Field::Host, NEON);
    assert_eq!(pair(&i), ("", ""));
}

/// A Neon host with the database typed back to `postgres`: the share link says so, and
/// reopens as typed (it used to leave the database out, and the host brought `neondb`
/// back).
#[test]
fn a_share_link_keeps_postgres_on_a_neon_host() {
    use grantsmith::core::share::{from_fragment, to_fragment};
    let i = Intent::default()
        .with(Field::Host, "ep-cool-123.us-east-2.aws.neon.tech")
        .with(Field::Database, "postgres");
    let link = to_fragment(&i);
    assert!(link.contains("database=postgres"), "{link}");
    let back = from_fragment(&link);
    assert_eq!(back.get(Field::Database), "postgres", "{link}");
    assert_eq!(generate(&back).conn, generate(&i).conn);
    // Left at Neon's own defaults, the link stays as short as before.
    let plain = Intent::default().with(Field::Host, "ep-cool-123.us-east-2.aws.neon.tech");
    assert!(
        !to_fragment(&plain).contains("database="),
        "{}",
        to_fragment(&plain)
    );
}
