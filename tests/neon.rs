//! Neon auto-defaults: the original's behaviour on a host change, and the fix that a
//! value the user typed (or emptied) is never overwritten.

use grantsmith::core::host::is_neon_host;
use grantsmith::core::neon::NeonFields;

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
    let mut f = NeonFields::default();
    assert!(f.host_changed(false, true));
    assert_eq!(
        (f.owners.as_str(), f.database.as_str()),
        ("neondb_owner", "neondb")
    );
    assert!(f.host_changed(true, false));
    assert_eq!(
        (f.owners.as_str(), f.database.as_str()),
        ("postgres", "postgres")
    );
    assert!(!f.owners_auto && !f.database_auto);
}

#[test]
fn only_default_or_empty_values_switch() {
    let mut f = NeonFields {
        owners: " POSTGRES ".into(),
        database: "shop".into(),
        ..NeonFields::default()
    };
    f.host_changed(false, true);
    assert_eq!(f.owners, "neondb_owner");
    assert_eq!(f.database, "shop");
    let mut f = NeonFields {
        owners: "".into(),
        database: "".into(),
        ..NeonFields::default()
    };
    f.host_changed(false, true);
    assert_eq!(
        (f.owners.as_str(), f.database.as_str()),
        ("neondb_owner", "neondb")
    );
}

#[test]
fn what_the_user_types_on_a_neon_host_is_kept() {
    let mut f = NeonFields::default();
    f.host_changed(false, true);
    f.edit_owners(String::new());
    f.edit_database("postgres".into());
    // Further typing in the host (still Neon) changes nothing.
    assert!(!f.host_changed(true, true));
    assert_eq!((f.owners.as_str(), f.database.as_str()), ("", "postgres"));
    // Leaving Neon leaves user values alone.
    f.host_changed(true, false);
    assert_eq!((f.owners.as_str(), f.database.as_str()), ("", "postgres"));
}

#[test]
fn auto_values_edited_to_something_else_stay() {
    let mut f = NeonFields::default();
    f.host_changed(false, true);
    f.edit_database("neondb2".into());
    f.host_changed(true, false);
    assert_eq!(
        (f.owners.as_str(), f.database.as_str()),
        ("postgres", "neondb2")
    );
}
