//! An embed profile for an invented product, run for real: its PostgreSQL script grants
//! exactly the profile's privileges, and its name reaches the original's RLS policies.

use grantsmith::core::profile::Profile;
use grantsmith::core::{generate, Db, Field};

use super::fixture::{self, OWNER, OWNER_PW};
use super::scenarios::script;
use super::server::Server;

/// The pairs an embed's attributes give.
fn read(pairs: &[(&str, &str)]) -> Profile {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Profile::read(&pairs).unwrap_or_else(|e| panic!("profile refused: {e:?}"))
}

/// "Acme 100% Sync": read/write on two listed schemas, PostgreSQL and Snowflake only,
/// the schemas fixed; then the original's form under the same product, with RLS.
pub fn run(s: &Server) {
    let db = "p_profile";
    fixture::database(s, db);
    let profile = read(&[
        ("product", "Acme 100% Sync"),
        ("databases", "postgresql,snowflake"),
        ("preset", "connector-rw"),
        ("schemas", "public, sales"),
        ("fixed", "schemas"),
        ("role", "acme_sync"),
    ]);
    let i = profile
        .start(Db::Postgres)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db);
    let sql = script(&i, "pw-acme");
    assert!(
        sql.starts_with("-- For Acme 100% Sync. Written by Grantsmith.\n"),
        "{sql}"
    );
    for run in 1..=2 {
        // As the presets' scenario: before 15 the GRANT on `public` (not the owner's)
        // warns, so errors only are checked.
        s.psql(OWNER, OWNER_PW, db, &sql)
            .unwrap_or_else(|e| panic!("{}: profile setup run {run}: {e}\n{sql}", s.version));
    }
    let privs = grantsmith::core::backend::postgres::presets::privileges(&i);
    let expected = fixture::expected_plan_on(s, db, &["public", "sales"], &privs, OWNER);
    assert_eq!(
        fixture::privileges(s, db, "acme_sync"),
        expected,
        "{}: the profile's privileges, exactly",
        s.version
    );

    // The original applet's form for the same product: its policies carry its prefix,
    // and RAISE's format string keeps the product's `%` as text.
    let db = "p_profile_rls";
    fixture::database(s, db);
    let original = read(&[("product", "Acme 100% Sync"), ("role", "acme_app")]);
    let mut o = original
        .start(Db::Postgres)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Owners, OWNER)
        // Emptied: the profile's user name is what an empty field stands for.
        .with(Field::Role, "");
    o.rls = true;
    let sql = script(&o, "pw-acme");
    // The original's EXECUTE sweep warns on pgcrypto's functions, which the owner does
    // not own (as in the unbranded scenarios): errors only are checked here.
    s.psql(OWNER, OWNER_PW, db, &sql)
        .unwrap_or_else(|e| panic!("{}: branded original: {e}\n{sql}", s.version));
    let name = generate(&o).policy_name.unwrap();
    assert_eq!(name, "acme_100_sync_acme_app_select_policy");
    let policies = s.su(
        db,
        "SELECT policyname || ' ' || tablename FROM pg_policies ORDER BY 1;",
    );
    assert_eq!(policies, format!("{name} secured\n"), "{}", s.version);
}
