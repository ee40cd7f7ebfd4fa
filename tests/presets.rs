//! The presets beyond the original applet: what each one grants, as whole scripts and
//! fragments; what they refuse.

use grantsmith::core::plan::privs::{Privileges, TablePriv};
use grantsmith::core::preset::{generate_preset, Preset, PresetForm};

fn form(p: Preset) -> PresetForm {
    PresetForm {
        host: "db.example.com".into(),
        database: "mydb".into(),
        ..PresetForm::new(p)
    }
}

#[test]
fn read_write_connector_matches_the_guide() {
    let out = generate_preset(&form(Preset::ConnectorReadWrite));
    assert_eq!(
        out.sql.as_deref(),
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
    let sql = generate_preset(&PresetForm {
        ssl: true,
        ..form(Preset::ConnectorReadOnly)
    });
    let text = sql.sql.unwrap();
    assert!(text.contains("GRANT USAGE ON SCHEMA \"public\" TO \"dagflux\";\nGRANT SELECT ON ALL TABLES IN SCHEMA \"public\" TO \"dagflux\";\nALTER DEFAULT PRIVILEGES IN SCHEMA \"public\"\n  GRANT SELECT ON TABLES TO \"dagflux\";"));
    for absent in ["INSERT", "UPDATE", "DELETE", "CREATE ON", "SEQUENCES"] {
        assert!(!text.contains(absent), "{absent}");
    }
    assert!(sql.conn.unwrap().ends_with("/mydb?sslmode=require"));
}

#[test]
fn metadata_sync_lists_schemas_or_filters_by_regex() {
    let out = generate_preset(&PresetForm {
        schemas: "public,\nyour_schema".into(),
        ..form(Preset::MetadataSync)
    });
    let sql = out.sql.unwrap();
    assert!(sql.contains("-- Schema your_schema\nGRANT USAGE ON SCHEMA \"your_schema\" TO \"dagster_connection\";\nGRANT SELECT ON ALL TABLES IN SCHEMA \"your_schema\" TO \"dagster_connection\";\nGRANT SELECT ON ALL SEQUENCES IN SCHEMA \"your_schema\" TO \"dagster_connection\";"));
    assert_eq!(
        out.summary.as_deref(),
        Some("Connection name: postgres_production\nHostname: db.example.com\nPort: 5432\nUsername: dagster_connection\nPassword environment variable: POSTGRES_CONNECTION_PASSWORD")
    );
    let out = generate_preset(&PresetForm {
        all_schemas: true,
        include: "^(sales|hr)_".into(),
        exclude: "_tmp$|'x".into(),
        ..form(Preset::MetadataSync)
    });
    let sql = out.sql.unwrap();
    assert!(sql.contains("AND n.nspname ~ '^(sales|hr)_'\n       AND n.nspname !~ '_tmp$|''x'"));
    assert!(sql.contains(
        "EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, target_role);"
    ));
    let bad = generate_preset(&PresetForm {
        all_schemas: true,
        include: "^(sales".into(),
        ..form(Preset::MetadataSync)
    });
    assert_eq!(
        bad.errors.schemas.as_deref(),
        Some("Include filter has unbalanced brackets")
    );
    assert!(bad.sql.is_none());
}

#[test]
fn custom_grants_exactly_what_is_chosen() {
    let custom = Privileges {
        tables: vec![TablePriv::Select, TablePriv::Trigger],
        functions: true,
        ..Privileges::connector_read_only()
    };
    let out = generate_preset(&PresetForm {
        custom,
        owners: "app_owner".into(),
        ..form(Preset::Custom)
    });
    let sql = out.sql.unwrap();
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
    let out = generate_preset(&PresetForm {
        database: " ".into(),
        ..form(Preset::ConnectorReadWrite)
    });
    assert_eq!(
        out.errors.database.as_deref(),
        Some("Enter the database name")
    );
    assert!(out.sql.is_none());
    let out = generate_preset(&PresetForm {
        role: "pg_x".into(),
        schemas: "pg_catalog".into(),
        ..form(Preset::ConnectorReadOnly)
    });
    assert!(out.errors.role.is_some() && out.errors.schemas.is_some());
    let out = generate_preset(&PresetForm {
        role: "a$$b".into(),
        ..form(Preset::ConnectorReadOnly)
    });
    assert!(out.sql.unwrap().starts_with(
        "-- Create the login role for the read-only connector user (safe to run again)\nDO $gs$\n"
    ));
    for p in [
        Preset::Original,
        Preset::MetadataSync,
        Preset::ConnectorReadWrite,
        Preset::ConnectorReadOnly,
        Preset::Custom,
    ] {
        assert_eq!(Preset::from_key(p.as_str()), p);
    }
}

#[test]
fn presets_take_a_password_too() {
    let out = generate_preset(&PresetForm {
        password: "pw/1".into(),
        salt: *b"0123456789abcdef",
        ..form(Preset::ConnectorReadOnly)
    });
    let v = grantsmith::core::scram::verifier("pw/1", b"0123456789abcdef", 4096).unwrap();
    assert!(out.sql.unwrap().contains(&format!(
        "CREATE ROLE \"dagflux\" WITH LOGIN PASSWORD '{v}';"
    )));
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dagflux:pw%2F1@db.example.com:5432/mydb")
    );
}
