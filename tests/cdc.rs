//! The change-data-capture preset without a server: its form, its refusals, what each
//! provider's script gives (REPLICATION, the slot, the publication), the notes above
//! Generate, links and the CLI's keys, and hostile names only ever quoted.

use grantsmith::core::provider::{Pick, Provider};
use grantsmith::core::share::{from_fragment, to_fragment};
use grantsmith::core::{check, generate, Db, Field, Intent, Output, Preset, Switch};

#[path = "common/hostile.rs"]
mod hostile;

fn cdc(tables: &str) -> Intent {
    Intent::new(Db::Postgres, Preset::Cdc)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "app")
        .with(Field::Tables, tables)
}

fn setup(i: &Intent) -> String {
    let out = generate(i);
    assert!(out.ready(), "{:?}", out.errors);
    out.setup.unwrap()
}

#[test]
fn offered_where_the_database_has_it() {
    assert!(grantsmith::core::backend::Backend::presets(Db::Postgres).contains(&Preset::Cdc));
    assert_eq!(Preset::from_key("cdc"), Some(Preset::Cdc));
    // MySQL's and SQL Server's: tests/cdc_dialects.rs.
    assert_eq!(
        Intent::new(Db::Snowflake, Preset::Cdc).preset,
        Preset::ReadOnly
    );
    let i = Intent::new(Db::Postgres, Preset::Cdc);
    assert_eq!(i.get(Field::Role), "cdc_reader");
    assert!(
        Switch::ALL.iter().all(|s| !i.switch(*s)),
        "every option starts off"
    );
}

#[test]
fn refusals_name_the_field() {
    let out = check(&cdc(""));
    assert_eq!(
        out.error(Field::Tables),
        Some("List the tables to publish, as schema.table")
    );
    let out = check(&cdc("orders"));
    assert!(out.error(Field::Tables).unwrap().contains("schema.table"));
    assert!(check(&cdc("pg_catalog.pg_class"))
        .error(Field::Tables)
        .is_some());
    assert!(check(&cdc("\"open.t"))
        .error(Field::Tables)
        .unwrap()
        .contains("not closed"));
    let sb = cdc("auth.users").with(Field::Host, "db.abcdefghijklmnop.supabase.co");
    assert!(check(&sb)
        .error(Field::Tables)
        .unwrap()
        .contains("Supabase"));
    assert!(check(&cdc("public.t").with(Field::Role, "postgres"))
        .error(Field::Role)
        .is_some());
    assert!(check(&cdc("public.t").with(Field::Database, ""))
        .error(Field::Database)
        .is_some());
}

#[test]
fn the_script_in_order() {
    let mut i = cdc("public.orders, \"Sales\".\"Line items\", \"public\".orders");
    i.set_switch(Switch::CreateSlot, true);
    let s = setup(&i);
    let at = |needle: &str| {
        s.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing:\n{s}"))
    };
    let order = [
        "BEGIN;",
        "-- Checks first",
        "CREATE ROLE \"cdc_reader\" WITH LOGIN",
        "ALTER ROLE \"cdc_reader\" WITH REPLICATION;",
        "GRANT USAGE ON SCHEMA \"public\", \"Sales\" TO \"cdc_reader\";",
        "GRANT SELECT ON TABLE \"public\".\"orders\", \"Sales\".\"Line items\" TO \"cdc_reader\";",
        "CREATE PUBLICATION \"cdc_reader_pub\" FOR TABLE \"public\".\"orders\", \"Sales\".\"Line items\";",
        "COMMIT;",
        "pg_create_logical_replication_slot('cdc_reader_slot', 'pgoutput')",
    ];
    let places: Vec<usize> = order.iter().map(|n| at(n)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    // Without the option, no slot; without the fix, no ALTER TABLE (only the check).
    let plain = setup(&cdc("public.orders"));
    assert!(!plain.contains("pg_create_logical_replication_slot"));
    assert!(!plain.contains("REPLICA IDENTITY FULL'"));
    assert!(
        plain.contains("once published, the application''s UPDATE and DELETE on them would fail")
    );
    let mut fix = cdc("public.orders");
    fix.set_switch(Switch::ReplicaIdentityFull, true);
    assert!(setup(&fix).contains("EXECUTE format('ALTER TABLE %I.%I REPLICA IDENTITY FULL'"));
}

#[test]
fn whole_schemas() {
    let mut i = cdc("");
    i.set_switch(Switch::WholeSchemas, true);
    i.set(Field::Schemas, "public, sales");
    let s = setup(&i);
    assert!(s.contains(
        "CREATE PUBLICATION \"cdc_reader_pub\" FOR TABLES IN SCHEMA \"public\", \"sales\";"
    ));
    assert!(s.contains("needs PostgreSQL 15 or later and a superuser"));
    assert!(s.contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"sales\" TO \"cdc_reader\";"));
    assert!(s.contains("ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %I GRANT SELECT ON TABLES"));
}

fn on(p: Provider) -> Intent {
    let mut i = cdc("public.orders");
    i.set_provider(Pick::from_key(p.as_str()).unwrap());
    i.set(Field::Password, "Str0ng!Passw0rd-42");
    i
}

#[test]
fn replication_the_way_each_provider_allows() {
    for p in [Provider::CloudSql, Provider::Azure, Provider::Aiven] {
        assert!(
            setup(&on(p)).contains("\nALTER ROLE \"cdc_reader\" WITH REPLICATION;"),
            "{p:?}"
        );
    }
    let rds = setup(&on(Provider::Rds));
    assert!(rds.contains("GRANT rds_replication TO \"cdc_reader\";"));
    assert!(!rds.contains("WITH REPLICATION;"));
    for p in [Provider::Neon, Provider::Supabase] {
        let s = setup(&on(p));
        assert!(s.contains("may not give REPLICATION here"), "{p:?}");
        assert!(
            !s.contains("\nALTER ROLE \"cdc_reader\" WITH REPLICATION;"),
            "{p:?}"
        );
    }
    // Only self-hosted checks the runner first (providers' administrators are patched).
    assert!(setup(&cdc("public.t")).contains("may not give REPLICATION'"));
    assert!(!setup(&on(Provider::CloudSql)).contains("may not give REPLICATION'"));
}

#[test]
fn notes_before_generate() {
    let notes = |i: &Intent| check(i).notes;
    let n = notes(&on(Provider::Neon).with(Field::Tables, ""));
    assert!(
        n[0].contains("a role made with SQL may not get REPLICATION"),
        "{n:?}"
    );
    assert!(notes(&on(Provider::Supabase))[0].contains("supabase/supabase#20724"));
    assert!(notes(&on(Provider::Rds))
        .iter()
        .any(|n| n.contains("rds.logical_replication = 1")));
    assert!(notes(&on(Provider::CloudSql))
        .iter()
        .any(|n| n.contains("cloudsql.logical_decoding = on")));
    assert!(notes(&on(Provider::Azure))
        .iter()
        .any(|n| n.contains("server parameter wal_level = logical")));
    assert!(notes(&cdc("public.t"))
        .iter()
        .any(|n| n.contains("max_slot_wal_keep_size")));
    let pooled = cdc("public.t").with(Field::Host, "ep-a-1-pooler.us-east-2.aws.neon.tech");
    assert!(notes(&pooled)
        .iter()
        .any(|n| n.contains("do not pass through a connection pooler")));
    assert!(!notes(&cdc("public.t")).iter().any(|n| n.contains("pooler")));
    // Other presets have none.
    assert!(check(&Intent::new(Db::Postgres, Preset::ReadOnly))
        .notes
        .is_empty());
}

#[test]
fn verify_and_uninstall_name_the_same_things() {
    let out: Output = generate(&cdc("public.orders"));
    let (v, u) = (out.verify.unwrap(), out.uninstall.unwrap());
    for row in [
        "wal_level is logical",
        "a WAL sender free",
        "REPLICATION (the user''s own attribute",
        "replica identity",
        "replication slot, plugin pgoutput",
        "pg_wal_lsn_diff",
    ] {
        assert!(v.contains(row), "{row}");
    }
    assert!(generate(&on(Provider::Rds))
        .verify
        .unwrap()
        .contains("'member of rds_replication'"));
    assert!(u.contains("is in use by PID %"));
    assert!(u.contains("DROP PUBLICATION \"cdc_reader_pub\";"));
    assert!(u.find("DROP ROLE").unwrap() < u.find("pg_drop_replication_slot").unwrap());
    let summary = out.summary.unwrap();
    assert!(summary.contains("Publication: cdc_reader_pub\nReplication slot: cdc_reader_slot"));
    assert_eq!(
        out.conn.unwrap(),
        "postgresql://cdc_reader:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/app"
    );
}

#[test]
fn links_keep_the_options() {
    let mut i = cdc("public.orders");
    i.set_switch(Switch::CreateSlot, true);
    let f = to_fragment(&i);
    assert!(
        f.contains("preset=cdc")
            && f.contains("create-slot=1")
            && f.contains("tables=public.orders"),
        "{f}"
    );
    let back = from_fragment(&f);
    assert!(back.switch(Switch::CreateSlot) && !back.switch(Switch::WholeSchemas));
    assert_eq!(back.get(Field::Tables), "public.orders");
}

/// Hostile names go through the quote types: each appears only quoted (doubled quotes),
/// and the slot name stays `[a-z0-9_]`.
#[test]
fn hostile_names_only_quoted() {
    for (n, piece) in hostile::NASTY.iter().enumerate() {
        let name = format!("u{piece}{n}");
        let table = format!(
            "\"s{}\".\"t{}\"",
            piece.replace('"', "\"\""),
            piece.replace('"', "\"\"")
        );
        let mut i = cdc(&table).with(Field::Role, name.as_str());
        i.set_switch(Switch::CreateSlot, true);
        let out = generate(&i);
        assert!(out.ready(), "{name}: {:?}", out.errors);
        let all = [
            out.setup.unwrap(),
            out.verify.unwrap(),
            out.uninstall.unwrap(),
        ]
        .concat();
        let ident = format!("\"{}\"", name.replace('"', "\"\""));
        assert!(all.contains(&ident), "{name}");
        if piece.contains('\'') {
            assert!(
                !all.contains(&format!("'{name}'")),
                "{name} unquoted in a literal"
            );
        }
        let slot = grantsmith::core::backend::postgres::cdc::names::slot(&name).to_string();
        assert!(slot[1..slot.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
    }
}

/// The CLI says the notes on stderr with the setup, which stays the page's on stdout.
#[test]
fn cli_notes_on_stderr() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_grantsmith"))
        .args([
            "setup",
            "--preset",
            "cdc",
            "--host",
            "ep-a-1.us-east-2.aws.neon.tech",
        ])
        .args([
            "--database",
            "app",
            "--tables",
            "public.orders",
            "--create-slot",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let (out, err) = (
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    );
    assert!(
        err.contains("grantsmith: note: Neon: a role made with SQL may not get REPLICATION"),
        "{err}"
    );
    assert!(out.contains("pg_create_logical_replication_slot") && !out.contains("note:"));
}
