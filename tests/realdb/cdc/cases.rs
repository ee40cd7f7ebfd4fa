//! The change-data-capture scenarios: who runs the setup, which variant, and what the
//! new user can then do.

use grantsmith::core::provider::Provider;
use grantsmith::core::{generate, Field, Switch};
use std::process::Command;

use super::super::server::Server;
use super::{intent, recvlogical, set_up, stream, tables, tear_down, PW, RUNNER_PW};

/// The superuser: every variant, twice; replication as the new user; uninstall twice.
pub(super) fn as_superuser(s: &Server) {
    let su = ("postgres", super::super::server::SU_PASSWORD);
    tables(s, "cdc_app", "postgres");
    for (role, slot_by_script) in [("cdc_reader", true), ("Cdc \"Tool\" 1", false)] {
        let mut i = intent("cdc_app", role, "app.orders", None);
        i.set_switch(Switch::CreateSlot, slot_by_script);
        set_up(s, su, "cdc_app", &i, &[]);
        stream(s, "cdc_app", &i, !slot_by_script);
        set_up(s, su, "cdc_app", &i, &[]);
        tear_down(s, su, "cdc_app", &i);
    }
    // A table without a replica identity: setup stops and names it; verify names it.
    let i = intent("cdc_app", "cdc_nopk", "app.orders, app.nopk", None);
    let err = s
        .psql(su.0, su.1, "cdc_app", generate(&i).setup.as_ref().unwrap())
        .unwrap_err();
    assert!(
        err.contains("No primary key or replica identity on app.nopk"),
        "{err}"
    );
    let rows = s
        .psql(su.0, su.1, "cdc_app", generate(&i).verify.as_ref().unwrap())
        .unwrap();
    assert!(rows.contains("replica identity (primary key or FULL: else UPDATE and DELETE fail once published)|app.nopk|FAIL"), "{rows}");
    // …and the warning is real: published by hand, the application's UPDATE is refused.
    let refused = s.psql(su.0, su.1, "cdc_app",
        "CREATE PUBLICATION by_hand FOR TABLE app.nopk; INSERT INTO app.nopk VALUES ('a'); UPDATE app.nopk SET x = 'b';")
        .unwrap_err();
    assert!(
        refused.contains("does not have a replica identity and publishes updates"),
        "{refused}"
    );
    s.su("cdc_app", "DROP PUBLICATION by_hand;");
    // With the fix asked for, it is set, and the same UPDATE goes through.
    let mut fix = i.clone();
    fix.set_switch(Switch::ReplicaIdentityFull, true);
    set_up(s, su, "cdc_app", &fix, &[]);
    s.su("cdc_app", "UPDATE app.nopk SET x = 'c';");
    tear_down(s, su, "cdc_app", &fix);
    if s.major() >= 15 {
        let mut whole = intent("cdc_app", "cdc_whole", "", None).with(Field::Schemas, "app");
        whole.set_switch(Switch::WholeSchemas, true);
        whole.set_switch(Switch::ReplicaIdentityFull, true);
        whole.set_switch(Switch::CreateSlot, true);
        set_up(s, su, "cdc_app", &whole, &[]);
        super::drift::whole_schemas(s, su, &whole);
        tear_down(s, su, "cdc_app", &whole);
    }
    held_slot(s, su);
    super::drift::drift(s, su);
}

/// A slot in use is not dropped: uninstall stops and names the PID holding it; once the
/// tool is gone, it goes.
fn held_slot(s: &Server, su: (&str, &str)) {
    let mut held = intent("cdc_app", "cdc_held", "app.orders", None);
    held.set_switch(Switch::CreateSlot, true);
    set_up(s, su, "cdc_app", &held, &[]);
    let mut tool = Command::new("/usr/bin/pg_recvlogical")
        .args([
            "-h",
            &s.socket_dir().display().to_string(),
            "-p",
            &s.port.to_string(),
        ])
        .args([
            "-U",
            "cdc_held",
            "-d",
            "cdc_app",
            "-S",
            "cdc_held_slot",
            "--start",
            "-P",
            "pgoutput",
        ])
        .args([
            "-o",
            "proto_version=1",
            "-o",
            "publication_names=cdc_held_pub",
            "-f",
            "/dev/null",
        ])
        .env("PGPASSWORD", PW)
        .spawn()
        .unwrap();
    let active =
        "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'cdc_held_slot' AND active";
    let wait = |want: &str| {
        for _ in 0..100 {
            if s.su("cdc_app", active).trim() == want {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!(
            "PostgreSQL {}: the slot never became active = {want}",
            s.version
        );
    };
    wait("1");
    let err = s
        .psql(su.0, su.1, "cdc_app", &generate(&held).uninstall.unwrap())
        .unwrap_err();
    assert!(
        err.contains("Replication slot cdc_held_slot is in use by PID"),
        "{err}"
    );
    let _ = tool.kill();
    let _ = tool.wait();
    wait("0");
    tear_down(s, su, "cdc_app", &held);
}

/// Amazon RDS as its fixture: GRANT rds_replication, no slot made (a vanilla server
/// does not let that role make slots), setup, verify and uninstall clean.
pub(super) fn as_rds(s: &Server) {
    s.su(
        "postgres",
        "CREATE ROLE rds_superuser NOLOGIN; CREATE ROLE rds_replication NOLOGIN;
        GRANT rds_replication TO rds_superuser WITH ADMIN OPTION;
        CREATE ROLE rds_cdc_master LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';
        GRANT rds_superuser TO rds_cdc_master;",
    );
    tables(s, "rds_cdc", "rds_cdc_master");
    let i = intent("rds_cdc", "cdc_reader", "app.orders", Some(Provider::Rds));
    let runner = ("rds_cdc_master", RUNNER_PW);
    set_up(s, runner, "rds_cdc", &i, &[]);
    tear_down(s, runner, "rds_cdc", &i);
}

/// An administrator with CREATEROLE and REPLICATION (Azure's and Cloud SQL's, after
/// their documented `ALTER ROLE <admin> WITH REPLICATION`): on 16 and later it may give
/// REPLICATION; the script makes the slot; the new user streams.
pub(super) fn as_admin_with_replication(s: &Server, provider: Provider) {
    let (runner, db) = ("cdc_admin", format!("cdc_{}", provider.as_str()));
    s.su(
        "postgres",
        &format!(
            "DROP ROLE IF EXISTS {runner};
        CREATE ROLE {runner} LOGIN CREATEROLE CREATEDB REPLICATION PASSWORD 'runner-secret';"
        ),
    );
    tables(s, &db, runner);
    let mut i = intent(&db, "cdc_reader", "app.orders", Some(provider));
    i.set_switch(Switch::CreateSlot, true);
    set_up(s, (runner, RUNNER_PW), &db, &i, &[]);
    stream(s, &db, &i, false);
    tear_down(s, (runner, RUNNER_PW), &db, &i);
    s.su(
        "postgres",
        &format!("DROP DATABASE {db}; DROP ROLE {runner};"),
    );
}

/// Neon's owner where SQL may not give REPLICATION (no REPLICATION of its own): the
/// script makes the user and says so (a NOTICE); verify fails exactly the REPLICATION
/// row; the user cannot start replication.
pub(super) fn where_sql_cannot_give_replication(s: &Server) {
    s.su(
        "postgres",
        "CREATE ROLE neon_cdc_owner LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';",
    );
    tables(s, "neon_cdc", "neon_cdc_owner");
    let i = intent("neon_cdc", "cdc_reader", "app.orders", Some(Provider::Neon));
    let runner = ("neon_cdc_owner", RUNNER_PW);
    let (_, notice) = s
        .psql_full(
            runner.0,
            runner.1,
            "neon_cdc",
            generate(&i).setup.as_ref().unwrap(),
            &[],
        )
        .unwrap();
    assert!(notice.contains("may not give REPLICATION here"), "{notice}");
    set_up(
        s,
        runner,
        "neon_cdc",
        &i,
        &["REPLICATION (the user's own attribute"],
    );
    let err = recvlogical(
        s,
        "cdc_reader",
        "neon_cdc",
        &["-S", "x_slot", "--create-slot", "-P", "pgoutput"],
    )
    .unwrap_err();
    assert!(
        err.contains("must be superuser or replication role")
            || err.contains("REPLICATION attribute"),
        "{err}"
    );
    tear_down(s, runner, "neon_cdc", &i);
}
