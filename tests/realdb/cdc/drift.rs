//! Drift of a change-data-capture user on a real server: after the setup, a table
//! (with a hostile name) added to the publication by hand, the slot dropped and
//! `ALTER ROLE … NOREPLICATION`; verify names each, the inspect query's output read
//! back reports each with its fix, the fix script runs clean, and the check then finds
//! no drift (and verify passes).

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Intent, Switch};

use super::super::server::Server;
use super::{intent, set_up, tear_down};

/// Inspects as `runner` and compares.
pub(super) fn check(s: &Server, runner: (&str, &str), db: &str, i: &Intent) -> Report {
    let q = generate(i)
        .inspect
        .expect("the preset has an inspect query");
    let out = s
        .psql(runner.0, runner.1, db, &q)
        .unwrap_or_else(|e| panic!("PostgreSQL {}: inspect: {e}", s.version));
    match check_paste(i, &out) {
        Some(Ok(r)) => r,
        other => panic!("PostgreSQL {}: check: {other:?}\n{out}", s.version),
    }
}

/// The three drifts of the issue, reported, fixed and gone.
pub(super) fn drift(s: &Server, su: (&str, &str)) {
    let db = "cdc_app";
    let mut i = intent(db, "cdc_drift", "app.orders", None);
    i.set_switch(Switch::CreateSlot, true);
    set_up(s, su, db, &i, &[]);
    let clean = check(s, su, db, &i);
    assert!(
        !clean.drift(),
        "PostgreSQL {}: {:#?}",
        s.version,
        clean.rows
    );
    s.su(
        db,
        "CREATE TABLE app.\"odd 'na\"\"me;\" (k text PRIMARY KEY);
         ALTER PUBLICATION cdc_drift_pub ADD TABLE app.other_tbl, app.\"odd 'na\"\"me;\";
         SELECT pg_drop_replication_slot('cdc_drift_slot');
         ALTER ROLE cdc_drift NOREPLICATION;",
    );
    let rows = s
        .psql(su.0, su.1, db, generate(&i).verify.as_ref().unwrap())
        .unwrap();
    for row in [
        "no other table published|",
        "replication slot, plugin pgoutput|cdc_drift_slot: not made yet (the setup makes it)|FAIL",
        "REPLICATION (the user's own attribute, not a role's)|cdc_drift|FAIL",
    ] {
        assert!(
            rows.contains(row),
            "PostgreSQL {}: {row} not in {rows}",
            s.version
        );
    }
    assert_eq!(rows.matches("|FAIL").count(), 3, "{rows}");
    let r = check(s, su, db, &i);
    let not_present: Vec<String> = r
        .rows
        .iter()
        .filter(|x| x.status != Status::Present)
        .map(ToString::to_string)
        .collect();
    let want = [
        "extra: table \"app\".\"odd 'na\"\"me;\" in publication \"cdc_drift_pub\"",
        "extra: table \"app\".\"other_tbl\" in publication \"cdc_drift_pub\"",
        "missing: role attribute REPLICATION",
        "missing: replication slot \"cdc_drift_slot\"",
    ];
    assert_eq!(
        not_present.len(),
        want.len(),
        "PostgreSQL {}: {not_present:#?}",
        s.version
    );
    for w in want {
        assert!(
            not_present.iter().any(|x| x.starts_with(w)),
            "PostgreSQL {}: {w} not in {not_present:#?}",
            s.version
        );
    }
    // Why the slot follows the COMMIT: inside the transaction, after a write, it fails.
    let inside = s
        .psql(
            su.0,
            su.1,
            db,
            "BEGIN; ALTER ROLE cdc_drift WITH REPLICATION;
             SELECT pg_create_logical_replication_slot('cdc_drift_slot', 'pgoutput'); COMMIT;",
        )
        .unwrap_err();
    assert!(
        inside.contains(
            "cannot create logical replication slot in transaction that has performed writes"
        ),
        "PostgreSQL {}: {inside}",
        s.version
    );
    s.psql_clean(su.0, su.1, db, &r.fix_sql())
        .unwrap_or_else(|e| panic!("PostgreSQL {}: the fix: {e}\n{}", s.version, r.fix_sql()));
    let after = check(s, su, db, &i);
    assert!(
        !after.drift(),
        "PostgreSQL {}: {:#?}",
        s.version,
        after.rows
    );
    let rows = s
        .psql(su.0, su.1, db, generate(&i).verify.as_ref().unwrap())
        .unwrap();
    assert!(!rows.contains("|FAIL"), "PostgreSQL {}: {rows}", s.version);
    s.su(db, "DROP TABLE app.\"odd 'na\"\"me;\";");
    tear_down(s, su, db, &i);
}

/// Whole schemas (15+, `pg_publication_namespace`): the schema taken out of the
/// publication and a table of another schema put in are reported, fixed and gone.
pub(super) fn whole_schemas(s: &Server, su: (&str, &str), i: &Intent) {
    let db = "cdc_app";
    let clean = check(s, su, db, i);
    assert!(
        !clean.drift(),
        "PostgreSQL {}: {:#?}",
        s.version,
        clean.rows
    );
    assert!(
        clean
            .rows
            .iter()
            .any(|r| r.what == "schema \"app\" in publication \"cdc_whole_pub\""),
        "PostgreSQL {}: {:#?}",
        s.version,
        clean.rows
    );
    s.su(
        db,
        "CREATE SCHEMA side; CREATE TABLE side.t (k int PRIMARY KEY);
         ALTER PUBLICATION cdc_whole_pub DROP TABLES IN SCHEMA app;
         ALTER PUBLICATION cdc_whole_pub ADD TABLE side.t;",
    );
    let r = check(s, su, db, i);
    let fixes: Vec<&str> = r.rows.iter().filter_map(|r| r.fix.as_deref()).collect();
    assert_eq!(
        fixes,
        [
            "ALTER PUBLICATION \"cdc_whole_pub\" DROP TABLE \"side\".\"t\";",
            "ALTER PUBLICATION \"cdc_whole_pub\" ADD TABLES IN SCHEMA \"app\";",
        ],
        "PostgreSQL {}: {:#?}",
        s.version,
        r.rows
    );
    s.psql_clean(su.0, su.1, db, &r.fix_sql())
        .unwrap_or_else(|e| panic!("PostgreSQL {}: the fix: {e}", s.version));
    let after = check(s, su, db, i);
    assert!(
        !after.drift(),
        "PostgreSQL {}: {:#?}",
        s.version,
        after.rows
    );
    s.su(db, "DROP SCHEMA side CASCADE;");
}
