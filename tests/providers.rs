//! Hosted providers told from the host: on Supabase, its platform schemas (`vault`,
//! `storage`, `auth`, …) are never granted on. Other hosts keep the original's output
//! (the goldens and the parity oracle pin that).

use grantsmith::core::{generate, Access, Db, Field, Intent, Scope};

const SUPABASE: &str = "db.abcdefghijklmnop.supabase.co";

#[test]
fn the_sweep_verify_uninstall_and_rls_leave_supabase_schemas_out() {
    let mut i = Intent::default().with(Field::Host, SUPABASE);
    i.rls = true;
    let out = generate(&i);
    let plain = generate(&{
        let mut p = i.clone().with(Field::Host, "db.example.com");
        p.rls = true;
        p
    });
    let line = "AND nspname <> ALL (ARRAY['auth', 'storage', 'vault', 'realtime', '_realtime', '_analytics', 'supabase_functions', 'supabase_migrations', 'graphql', 'graphql_public', 'pgbouncer', 'extensions', 'net', 'cron', 'pgtle'])";
    let setup = out.setup.unwrap();
    assert!(
        setup.contains(&format!(
            "      {line}\n      AND nspname NOT LIKE 'pgsodium%'\n"
        )),
        "{setup}"
    );
    let rls = format!("    {}", line.replace("nspname", "schemaname"));
    assert!(setup.contains(&rls), "RLS block");
    assert!(out
        .verify
        .unwrap()
        .contains(&line.replace("AND nspname", "AND n.nspname")));
    assert!(out.uninstall.unwrap().contains(line));
    // The same form on another host: none of it.
    assert!(!plain.setup.unwrap().contains("supabase_functions"));
}

#[test]
fn a_listed_platform_schema_is_refused_next_to_the_field() {
    let mut i = Intent::default()
        .with(Field::Host, "aws-0-eu-west-1.pooler.supabase.com")
        .with(Field::Schemas, "public, vault");
    i.scope = Scope::Listed;
    let out = generate(&i);
    assert_eq!(
        out.error(Field::Schemas),
        Some("Schema \"vault\" belongs to Supabase: its platform schemas are never granted on")
    );
    assert!(out.setup.is_none());
    let rw = Intent::new(Db::Postgres, Access::ReadWrite)
        .with(Field::Host, SUPABASE)
        .with(Field::Database, "postgres")
        .with(Field::Schemas, "storage");
    assert!(generate(&rw).error(Field::Schemas).is_some());
    // On another host the same name is an ordinary schema.
    assert!(generate(&rw.with(Field::Host, "db.example.com"))
        .setup
        .is_some());
}

#[test]
fn metadata_filters_leave_supabase_schemas_out() {
    let mut i = Intent::new(Db::Postgres, Access::Metadata)
        .with(Field::Host, SUPABASE)
        .with(Field::Database, "postgres");
    i.scope = Scope::All;
    let out = generate(&i);
    for sql in [
        out.setup.unwrap(),
        out.verify.unwrap(),
        out.uninstall.unwrap(),
    ] {
        assert!(
            sql.contains("AND n.nspname <> ALL (ARRAY['auth', 'storage', 'vault'"),
            "{sql}"
        );
    }
}
