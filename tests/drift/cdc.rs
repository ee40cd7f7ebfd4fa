//! Change data capture's drift, from pastes written here as psql -At prints them: the
//! publication, what it names, the slot and REPLICATION against the preset's plan, with
//! hostile names in the user, the tables and the paste.

use super::esc;
use grantsmith::core::drift::{Report, Status};
use grantsmith::core::provider::Pick;
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset, Switch};

/// A user whose name holds a quote, a double quote, a semicolon and a comment opener.
const ROLE: &str = "cdc 'o\"neil; --";
/// The tables, one of them hostile: `"s'c;h"."t""b--l"`.
const TABLES: &str = "public.orders, \"s'c;h\".\"t\"\"b--l\"";

fn intent(slot: bool) -> Intent {
    let mut i = Intent::new(Db::Postgres, Preset::Cdc)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Role, ROLE)
        .with(Field::Tables, TABLES);
    i.set_switch(Switch::CreateSlot, slot);
    i
}

fn publication() -> String {
    grantsmith::core::backend::postgres::cdc::names::publication(ROLE)
        .raw()
        .to_string()
}

fn slot() -> String {
    let s = grantsmith::core::backend::postgres::cdc::names::slot(ROLE).to_string();
    s.trim_matches('\'').to_string()
}

/// The scope fingerprint the inspect query prints for `i`.
fn tag(i: &Intent) -> String {
    let q = generate(i).inspect.unwrap();
    let at = q.find("current_user, '").unwrap() + "current_user, '".len();
    q[at..at + 8].to_string()
}

/// The facts of a clean setup of [`intent`], `drop` left out and `more` added.
fn paste(i: &Intent, drop: &[&str], more: &[Vec<String>]) -> String {
    let (p, s) = (publication(), slot());
    let v = |f: &[&str]| f.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    let mut facts: Vec<Vec<String>> = vec![
        v(&["attr", "REPLICATION"]),
        v(&["database", "shop", "CONNECT", ""]),
        v(&["schema", "public", "USAGE", ""]),
        v(&["schema", "s'c;h", "USAGE", ""]),
        v(&["table", "public", "orders", "SELECT", ""]),
        v(&["table", "s'c;h", "t\"b--l", "SELECT", ""]),
        v(&["object", "schema", "public", "", "USAGE"]),
        v(&["object", "schema", "s'c;h", "", ""]),
        v(&["object", "table", "public", "orders", ""]),
        v(&["object", "table", "s'c;h", "t\"b--l", ""]),
        v(&[
            "publication",
            &p,
            "admin",
            "",
            "insert,update,delete,truncate",
        ]),
        v(&["published", &p, "public", "orders"]),
        v(&["published", &p, "s'c;h", "t\"b--l"]),
    ];
    if i.switch(Switch::CreateSlot) {
        facts.push(v(&[
            "slot", &s, "pgoutput", "shop", "", "", "reserved", "24 kB",
        ]));
    }
    facts.retain(|f| !drop.contains(&f.join("|").as_str()));
    facts.extend(more.iter().cloned());
    let mut out = format!(
        "grantsmith-inspect\t2\t{}\tshop\texists\tadmin\t{}\n",
        esc(ROLE),
        tag(i)
    );
    for f in &facts {
        out += &f.iter().map(|x| esc(x)).collect::<Vec<_>>().join("\t");
        out.push('\n');
    }
    out + &format!("grantsmith-inspect-end\t{}\n", facts.len())
}

fn report(i: &Intent, paste: &str) -> Report {
    check_paste(i, paste)
        .expect("the preset has a drift check")
        .unwrap_or_else(|e| panic!("{e}\n{paste}"))
}

fn row<'a>(r: &'a Report, status: Status, what: &str) -> &'a grantsmith::core::drift::Row {
    r.rows
        .iter()
        .find(|x| x.status == status && x.what.contains(what))
        .unwrap_or_else(|| panic!("no {status:?} row with {what}: {:#?}", r.rows))
}

#[test]
fn the_setup_as_made_is_no_drift() {
    for slot in [true, false] {
        let i = intent(slot);
        let r = report(&i, &paste(&i, &[], &[]));
        assert!(!r.drift(), "{:#?}", r.rows);
        row(&r, Status::Present, "role attribute REPLICATION");
        row(
            &r,
            Status::Present,
            "table \"s'c;h\".\"t\"\"b--l\" in publication",
        );
        assert_eq!(
            r.rows.iter().any(|x| x.what.contains("replication slot")),
            slot,
            "{:#?}",
            r.rows
        );
    }
}

#[test]
fn a_table_added_by_hand_a_dropped_slot_and_replication_are_drift_with_fixes() {
    let i = intent(true);
    let (p, s) = (publication(), slot());
    let hostile = vec![
        "published".to_string(),
        p.clone(),
        "x\"y".into(),
        "z;\n--".into(),
    ];
    let slot_fact = format!("slot|{s}|pgoutput|shop|||reserved|24 kB");
    let r = report(
        &i,
        &paste(
            &i,
            &[
                "attr|REPLICATION",
                &slot_fact,
                &format!("published|{p}|public|orders"),
            ],
            &[hostile],
        ),
    );
    assert!(r.drift());
    let q = "\"cdc 'o\"\"neil; --_pub\"";
    let extra = row(&r, Status::Extra, "in publication");
    assert_eq!(
        extra.fix.as_deref(),
        Some(format!("ALTER PUBLICATION {q} DROP TABLE \"x\"\"y\".\"z;\n--\";").as_str())
    );
    // The line break in the pasted name reaches the comment only escaped.
    assert!(!extra.what.contains('\n'), "{}", extra.what);
    let missing = row(&r, Status::Missing, "\"public\".\"orders\" in publication");
    assert_eq!(
        missing.fix.as_deref(),
        Some(format!("ALTER PUBLICATION {q} ADD TABLE \"public\".\"orders\";").as_str())
    );
    let repl = row(&r, Status::Missing, "role attribute REPLICATION");
    assert_eq!(
        repl.fix.as_deref(),
        Some("ALTER ROLE \"cdc 'o\"\"neil; --\" WITH REPLICATION;")
    );
    let made = row(&r, Status::Missing, "replication slot");
    assert!(made.after_commit);
    let create = format!("SELECT pg_create_logical_replication_slot('{s}', 'pgoutput');");
    assert_eq!(made.fix.as_deref(), Some(create.as_str()));
    // The slot comes after the COMMIT: PostgreSQL makes none in a transaction that wrote.
    let sql = r.fix_sql();
    let (commit, at) = (sql.find("COMMIT;").unwrap(), sql.find(&create).unwrap());
    assert!(commit < at && sql.find("BEGIN;").unwrap() < commit, "{sql}");
}

#[test]
fn a_missing_publication_is_made_again_and_an_invalidated_slot_too() {
    let i = intent(true);
    let (p, s) = (publication(), slot());
    let lost = ["slot", &s, "pgoutput", "shop", "", "", "lost", "0 bytes"].map(String::from);
    let r = report(
        &i,
        &paste(
            &i,
            &[
                &format!("publication|{p}|admin||insert,update,delete,truncate"),
                &format!("published|{p}|public|orders"),
                &format!("published|{p}|s'c;h|t\"b--l"),
                &format!("slot|{s}|pgoutput|shop|||reserved|24 kB"),
            ],
            &[lost.to_vec()],
        ),
    );
    let fix = row(&r, Status::Missing, "publication").fix.clone().unwrap();
    assert!(
        fix.starts_with(
            "CREATE PUBLICATION \"cdc 'o\"\"neil; --_pub\" FOR TABLE \"public\".\"orders\", \"s'c;h\".\"t\"\"b--l\";\nCOMMENT ON PUBLICATION"
        ),
        "{fix}"
    );
    let again = row(&r, Status::Missing, "invalidated");
    assert!(again.after_commit);
    assert!(again
        .fix
        .as_deref()
        .unwrap()
        .starts_with(&format!("SELECT pg_drop_replication_slot('{s}');")));
}

#[test]
fn another_connectors_slot_and_publish_narrowed_are_named() {
    let i = intent(true);
    let (p, s) = (publication(), slot());
    let other = [
        "slot", &s, "wal2json", "shop", "active", "4242", "reserved", "1 MB",
    ]
    .map(String::from);
    let r = report(
        &i,
        &paste(
            &i,
            &[
                &format!("slot|{s}|pgoutput|shop|||reserved|24 kB"),
                &format!("publication|{p}|admin||insert,update,delete,truncate"),
            ],
            &[
                other.to_vec(),
                ["publication", &p, "admin", "", "insert,update"]
                    .map(String::from)
                    .to_vec(),
            ],
        ),
    );
    let theirs = row(&r, Status::Extra, "another connector's");
    assert!(theirs.fix.is_none() && theirs.what.contains("active, PID 4242"));
    assert_eq!(
        row(&r, Status::Missing, "publishes insert, update, delete and truncate").fix.as_deref(),
        Some("ALTER PUBLICATION \"cdc 'o\"\"neil; --_pub\" SET (publish = 'insert, update, delete, truncate');")
    );
}

#[test]
fn on_rds_the_role_is_expected_and_granted_back() {
    let mut i = intent(false);
    i.set_provider(Pick::from_key("rds").unwrap());
    let member = ["member", "rds_replication", "direct", ""]
        .map(String::from)
        .to_vec();
    let clean = paste(&i, &["attr|REPLICATION"], &[member]);
    assert!(!report(&i, &clean).drift());
    let r = report(&i, &paste(&i, &["attr|REPLICATION"], &[]));
    assert_eq!(
        row(&r, Status::Missing, "rds_replication").fix.as_deref(),
        Some("GRANT \"rds_replication\" TO \"cdc 'o\"\"neil; --\";")
    );
}

#[test]
fn the_inspect_query_quotes_the_names_and_reads_schemas_on_every_version() {
    let q = generate(&intent(true)).inspect.unwrap();
    assert!(q.contains("p.pubname = 'cdc ''o\"neil; --_pub'"), "{q}");
    assert!(q.contains(&format!("x.slot_name = '{}'", slot())));
    assert!(q.contains("('s''c;h', 't\"b--l')"), "{q}");
    // pg_publication_namespace exists from 15 only: named as text, never as a relation.
    assert!(q.contains("to_regclass('pg_catalog.pg_publication_namespace')"));
    assert!(!q.contains("FROM pg_publication_namespace"));
}
