//! The presets beyond the original applet: what each one grants, as whole scripts and
//! fragments; what they refuse.

use grantsmith::core::privileges::{Privileges, TablePriv};
use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

fn form(a: Preset) -> Intent {
    Intent::new(Db::Postgres, a)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "mydb")
}

#[test]
fn read_write_connector_matches_the_guide() {
    let out = generate(&form(Preset::ReadWrite));
    assert_eq!(
        out.setup.as_deref(),
        Some(include_str!("golden/connector_rw.sql"))
    );
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dagflux:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/mydb")
    );
    assert_eq!(out.summary, None);
}

#[test]
fn read_only_connector_keeps_just_select() {
    let sql = generate(&{
        let mut i = form(Preset::ReadOnly);
        i.tls = true;
        i
    });
    let text = sql.setup.unwrap();
    assert!(text.contains("FOREACH s IN ARRAY ARRAY['public'] LOOP\n    IF has_schema_privilege(s, 'USAGE WITH GRANT OPTION') THEN\n      EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, target_role);"));
    assert!(text.contains("-- Schema public\nGRANT SELECT ON ALL TABLES IN SCHEMA \"public\" TO \"dagflux\";\nALTER DEFAULT PRIVILEGES IN SCHEMA \"public\"\n  GRANT SELECT ON TABLES TO \"dagflux\";"));
    // What it grants (the take-back block names other privileges to revoke them).
    let grants: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("GRANT ") || l.contains("format('GRANT "))
        .collect();
    assert!(grants.len() >= 3, "{grants:?}");
    for absent in ["INSERT", "UPDATE", "DELETE", "CREATE ON", "SEQUENCES"] {
        assert!(!grants.iter().any(|l| l.contains(absent)), "{absent}");
    }
    assert!(text.contains("-- Take back what the user holds here beyond this preset"));
    assert!(sql.conn.unwrap().ends_with("/mydb?sslmode=require"));
}

#[test]
fn metadata_sync_lists_schemas_or_filters_by_regex() {
    let out = generate(&form(Preset::Metadata).with(Field::Schemas, "public,\nyour_schema"));
    let sql = out.setup.unwrap();
    assert!(sql.contains("FOREACH s IN ARRAY ARRAY['public', 'your_schema'] LOOP"));
    assert!(sql.contains("-- Schema your_schema\nGRANT SELECT ON ALL TABLES IN SCHEMA \"your_schema\" TO \"dagster_connection\";\nGRANT SELECT ON ALL SEQUENCES IN SCHEMA \"your_schema\" TO \"dagster_connection\";"));
    assert_eq!(
        out.summary.as_deref(),
        Some("Connection name: postgres_production\nHostname: db.example.com\nPort: 5432\nUsername: dagster_connection\nPassword environment variable: POSTGRES_CONNECTION_PASSWORD")
    );
    let out = generate(&{
        let mut i = form(Preset::Metadata)
            .with(Field::Include, "^(sales|hr)_")
            .with(Field::Exclude, "_tmp$|'x");
        i.scope = if true { Scope::All } else { Scope::Listed };
        i
    });
    let sql = out.setup.unwrap();
    assert!(sql.contains("AND n.nspname ~ '^(sales|hr)_'\n       AND n.nspname !~ '_tmp$|''x'"));
    assert!(sql.contains(
        "EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, target_role);"
    ));
    let bad = generate(&{
        let mut i = form(Preset::Metadata).with(Field::Include, "^(sales");
        i.scope = if true { Scope::All } else { Scope::Listed };
        i
    });
    assert_eq!(
        bad.error(Field::Include),
        Some("Include filter has unbalanced brackets")
    );
    assert!(bad.setup.is_none());
}

#[test]
fn custom_grants_exactly_what_is_chosen() {
    let custom = Privileges {
        tables: vec![TablePriv::Select, TablePriv::Trigger],
        functions: true,
        ..Privileges::connector_read_only()
    };
    let out = generate(&{
        let mut i = form(Preset::Custom).with(Field::Owners, "app_owner");
        i.custom = custom;
        i
    });
    let sql = out.setup.unwrap();
    assert!(sql.contains(
        "GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA \"public\" TO \"integration_user\";"
    ));
    assert!(sql
        .contains("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA \"public\" TO \"integration_user\";"));
    assert!(sql.contains("ALTER DEFAULT PRIVILEGES FOR ROLE \"app_owner\" IN SCHEMA \"public\"\n  GRANT EXECUTE ON FUNCTIONS TO \"integration_user\";"));
    let verify = out.verify.unwrap();
    assert!(
        verify.contains("d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = 'app_owner')")
    );
    assert!(out
        .uninstall
        .unwrap()
        .contains("REASSIGN OWNED BY %I TO %I', target_role, 'app_owner');"));
}

#[test]
fn presets_refuse_what_the_original_refuses_and_need_a_database() {
    let out = generate(&form(Preset::ReadWrite).with(Field::Database, " "));
    assert_eq!(out.error(Field::Database), Some("Enter the database name"));
    assert!(out.setup.is_none());
    let out = generate(
        &form(Preset::ReadOnly)
            .with(Field::Role, "pg_x")
            .with(Field::Schemas, "pg_catalog"),
    );
    assert!(out.error(Field::Role).is_some() && out.error(Field::Schemas).is_some());
    let out = generate(&form(Preset::ReadOnly).with(Field::Role, "a$$b"));
    let setup = out.setup.unwrap();
    assert!(grantsmith::core::backend::postgres::guard::statements(&setup).unwrap().starts_with(
        "-- Create the login role for the read-only connector user (safe to run again)\nDO $gs$\n"
    ));
    for p in [
        Preset::Original,
        Preset::Metadata,
        Preset::ReadWrite,
        Preset::ReadOnly,
        Preset::Custom,
    ] {
        assert_eq!(Preset::from_key(p.as_str()), Some(p));
    }
}

#[test]
fn presets_take_a_password_too() {
    let out = generate(&{
        let mut i = form(Preset::ReadOnly).with(Field::Password, "pw/1");
        i.salt = *b"0123456789abcdef";
        i
    });
    let v = grantsmith::core::scram::verifier("pw/1", b"0123456789abcdef", 4096).unwrap();
    assert!(out.setup.unwrap().contains(&format!(
        "CREATE ROLE \"dagflux\" WITH LOGIN PASSWORD '{v}';"
    )));
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dagflux:pw%2F1@db.example.com:5432/mydb")
    );
}
