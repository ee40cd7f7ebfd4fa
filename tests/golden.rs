//! Golden tests: whole SQL strings and connection strings, written by hand from the
//! original applet's code (`seeds/000_…`), for the inputs the original handles correctly.

use grantsmith::core::backend::postgres::guard::statements;
use grantsmith::core::new_schema_form::{schema_grant, SchemaForm};
use grantsmith::core::{generate, Field, Intent, Scope};

fn form(host: &str) -> Intent {
    Intent::default().with(Field::Host, host)
}

#[test]
fn defaults_match_the_original_byte_for_byte() {
    let out = generate(&form("db.example.com"));
    assert_eq!(
        out.setup.as_deref().and_then(statements),
        Some(include_str!("golden/default.sql"))
    );
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres")
    );
    assert_eq!(out.hint, "");
    assert_eq!(out.policy_name, None);
}

#[test]
fn listed_schemas_several_owners_rls_and_quotes() {
    let out = generate(&{
        let mut i = Intent::default()
            .with(Field::Host, " db.example.com ")
            .with(Field::Role, "  Ops \"Team\" ")
            .with(Field::Database, "Prod'DB")
            .with(Field::Schemas, " sales , ,Mixed Case\n\nweird\"q'x,  ")
            .with(Field::Owners, "postgres,\n app_owner ,");
        i.scope = Scope::Listed;
        i.rls = true;
        i
    });
    // The original's script but for its default privileges, which stay in the listed
    // schemas here (README, Differences: "Listed scope means listed").
    assert_eq!(
        out.setup.as_deref().and_then(statements),
        Some(include_str!("golden/listed_rls.sql"))
    );
    assert_eq!(
        out.policy_name.as_deref(),
        Some("dreamlit_ops_team__select_policy")
    );
}

#[test]
fn rls_off_has_no_policy_block_and_all_scope_ignores_the_list() {
    let whole = generate(&form("db.example.com")).setup.unwrap();
    let base = statements(&whole).unwrap();
    let f = form("db.example.com").with(Field::Schemas, "a,b");
    assert_eq!(
        generate(&f).setup.unwrap(),
        whole,
        "list unused in All scope"
    );
    let with_rls = generate(&{
        let mut i = form("db.example.com");
        i.rls = true;
        i
    })
    .setup
    .unwrap();
    let with_rls = statements(&with_rls).unwrap();
    assert!(with_rls.starts_with(base));
    let tail = &with_rls[base.len()..];
    assert!(tail.starts_with(
        "\n\n-- Add permissive SELECT policies (effective when RLS is enabled)\nDO $$\n"
    ));
    assert!(tail.contains("    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')\n    AND schemaname NOT LIKE 'pg_toast%'\n    AND schemaname NOT LIKE 'pg_temp_%' AND rowsecurity = true\n"));
}

#[test]
fn empty_fields_fall_back_to_the_defaults() {
    let f = {
        let mut i = Intent::default()
            .with(Field::Host, "db.example.com")
            .with(Field::Port, "  ")
            .with(Field::Role, " ")
            .with(Field::Database, "")
            .with(Field::Schemas, " , \n ")
            .with(Field::Owners, "\n,");
        i.scope = Scope::Listed;
        i.rls = false;
        i
    };
    let out = generate(&f);
    let sql = out.setup.unwrap();
    assert!(sql.contains(
        "-- Grants for schema public\nGRANT USAGE ON SCHEMA \"public\" TO \"dreamlit_app\";"
    ));
    assert!(sql.contains("WHERE nspname = ANY (ARRAY['public'])"));
    assert!(
        sql.contains("GRANT CONNECT, CREATE, TEMP ON DATABASE \"postgres\" TO \"dreamlit_app\";")
    );
    // Listed scope: the default privileges stay in the listed schemas (README,
    // Differences), not the original's global ones.
    assert!(sql.contains(
        "-- Ensure future objects created by the owner roles in the listed schemas are accessible\n"
    ));
    assert!(sql.contains("FOREACH owner_role IN ARRAY ARRAY['postgres'] LOOP"));
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dreamlit_app:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/postgres")
    );
}

#[test]
fn upper_case_and_non_ascii_names_are_kept_exactly() {
    let out = generate(
        &form("db.example.com")
            .with(Field::Role, "Grün_App")
            .with(Field::Database, "Données")
            .with(Field::Owners, "Owner,德德"),
    );
    let sql = out.setup.unwrap();
    assert!(sql.contains("CREATE ROLE \"Grün_App\" WITH LOGIN"));
    assert!(sql.contains("rolname = 'Grün_App'"));
    assert!(sql.contains("ON DATABASE \"Données\" TO \"Grün_App\";"));
    assert!(sql.contains("-- Ensure future schemas/objects created by 德德 are accessible \n"));
    assert!(sql.contains("owner_role text := NULLIF('德德', '');"));
    assert!(sql.contains("-- Grant permissions on existing schemas (run as Owner)\n"));
    // The connection string percent-encodes user and database (a difference: the
    // original showed them raw and copied only the user encoded).
    assert_eq!(
        out.conn.as_deref(),
        Some(
            "postgresql://Gr%C3%BCn_App:[[REPLACE_WITH_PASSWORD]]@db.example.com:5432/Donn%C3%A9es"
        )
    );
}

#[test]
fn ip_hosts_and_ports() {
    let conn = |host: &str, port: &str| generate(&form(host).with(Field::Port, port)).conn;
    let p = "[[REPLACE_WITH_PASSWORD]]";
    assert_eq!(
        conn("10.0.0.5", "6543"),
        Some(format!(
            "postgresql://dreamlit_app:{p}@10.0.0.5:6543/postgres"
        ))
    );
    assert_eq!(
        conn("::1", ""),
        Some(format!("postgresql://dreamlit_app:{p}@[::1]:5432/postgres"))
    );
    assert_eq!(
        conn("[fe80::1]", " 5433 "),
        Some(format!(
            "postgresql://dreamlit_app:{p}@[fe80::1]:5433/postgres"
        ))
    );
    assert_eq!(
        conn("2001:db8::ff00:42:8329", "1"),
        Some(format!(
            "postgresql://dreamlit_app:{p}@[2001:db8::ff00:42:8329]:1/postgres"
        ))
    );
    assert_eq!(
        conn("LOCALHOST", "65535"),
        Some(format!(
            "postgresql://dreamlit_app:{p}@LOCALHOST:65535/postgres"
        ))
    );
    for bad in ["0", "65536", "54 32", "5432a", "-1", "+5432", "٥٤٣٢"] {
        let out = generate(&form("db.example.com").with(Field::Port, bad));
        assert_eq!(
            out.error(Field::Port),
            Some("Port must be a whole number from 1 to 65535"),
            "{bad}"
        );
        assert!(out.setup.is_none() && out.conn.is_none(), "{bad}");
    }
}

#[test]
fn host_messages_are_the_originals() {
    let cases: &[(&str, &str)] = &[
        ("db example.com", "Host cannot contain spaces"),
        ("db\u{a0}x.com", "Host cannot contain spaces"),
        (
            "https://db.example.com",
            "Enter just the hostname without http:// or https://",
        ),
        (
            "HTTP://db.example.com",
            "Enter just the hostname without http:// or https://",
        ),
        (
            "db.example.com:5432",
            "Move the :port part into the Port field",
        ),
        ("[::1]:5432", "Move the :port part into the Port field"),
        (
            "db.example.com/mydb",
            "Enter just the hostname without any path",
        ),
        ("db_example.com", "Invalid hostname format"),
        ("-db.example.com", "Invalid hostname format"),
        ("db..example.com", "Invalid hostname format"),
        ("::ffff:1.2.3.4", "Invalid hostname format"),
        ("[::1", "Invalid hostname format"),
        ("db", "Use a full hostname like db.example.com"),
    ];
    for (host, msg) in cases {
        let out = generate(&form(host));
        assert_eq!(out.error(Field::Host), Some(*msg), "{host}");
        assert_eq!(out.hint, *msg, "{host}");
        assert!(out.setup.is_none(), "{host}");
    }
    for ok in [
        "db.example.com",
        "localhost",
        "127.0.0.1",
        "255.255.255.255",
        "01.2.3.4",
        "999.1.1.1",
        "::1",
        "[::1]",
        "a-b.c",
    ] {
        assert_eq!(generate(&form(ok)).error(Field::Host), None, "{ok}");
    }
    let empty = generate(&form("   "));
    assert_eq!(empty.error(Field::Host), None);
    assert_eq!(empty.hint, "Enter a host to generate");
    assert!(empty.setup.is_none());
}

#[test]
fn refused_names_get_a_message_and_no_output() {
    let long = "x".repeat(64);
    let cases: Vec<(Intent, &str)> = vec![
        (form("db.example.com").with(Field::Role, "pg_app"), "Role names starting with \"pg_\" are reserved by PostgreSQL"),
        (form("db.example.com").with(Field::Role, "public"), "\"public\" is a reserved role name in PostgreSQL"),
        (form("db.example.com").with(Field::Role, "current_user"), "\"current_user\" is a reserved role name in PostgreSQL"),
        (form("db.example.com").with(Field::Role, long.clone()), "Too long: 64 bytes, but PostgreSQL keeps 63, so this would silently become \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""),
        (form("db.example.com").with(Field::Role, "a\0b"), "Cannot contain a NUL character"),
    ];
    for (f, msg) in cases {
        let out = generate(&f);
        assert_eq!(out.error(Field::Role), Some(msg));
        assert_eq!(out.hint, msg);
        assert!(out.setup.is_none() && out.conn.is_none());
    }
    let out = generate(&form("db.example.com").with(Field::Database, "德".repeat(22)));
    assert_eq!(
        out.error(Field::Database),
        Some(
            format!(
                "Too long: 66 bytes, but PostgreSQL keeps 63, so this would silently become \"{}\"",
                "德".repeat(21)
            )
            .as_str()
        )
    );
    let out = generate(&{
        let mut i = form("db.example.com").with(Field::Schemas, format!("ok,{long}"));
        i.scope = Scope::Listed;
        i
    });
    assert!(out
        .error(Field::Schemas)
        .unwrap()
        .starts_with("Schema \"xxxxxxxxxxxxxxxxxxxxxxxx…\": Too long: 64 bytes"));
    let out = generate(&form("db.example.com").with(Field::Owners, "postgres, none"));
    assert_eq!(
        out.error(Field::Owners),
        Some("Role \"none\": \"none\" is a reserved role name in PostgreSQL")
    );
    // Existing pg_ roles may own tables; 63 bytes exactly is fine.
    let out = generate(
        &form("db.example.com")
            .with(Field::Owners, "pg_database_owner")
            .with(Field::Role, "r".repeat(63)),
    );
    assert!(out.setup.is_some());
}

#[test]
fn dollar_sequences_never_close_a_do_body_early() {
    for role in ["a$$b", "$x$", "'; drop role x; --", "$gs$ and $$"] {
        let out = generate(&{
            let mut i = form("db.example.com").with(Field::Role, role);
            i.rls = true;
            i
        });
        let sql = out.setup.unwrap();
        let mut rest = sql.as_str();
        let mut blocks = 0;
        while let Some(i) = rest.find("\nDO $") {
            let open = &rest[i + 4..];
            let tag = &open[..open[1..].find('$').unwrap() + 2];
            let body_and_more = &open[tag.len()..];
            let close = format!("{tag} LANGUAGE plpgsql;");
            let end = body_and_more.find(close.as_str()).unwrap();
            // The first occurrence of the tag is the intended close.
            assert_eq!(
                body_and_more.find(tag),
                Some(end),
                "{role}: {tag} inside body"
            );
            if !role.contains("$$") {
                assert_eq!(tag, "$$");
            }
            blocks += 1;
            rest = &body_and_more[end..];
        }
        // The checks before the original's three blocks, the RLS block, and the
        // take-back of other presets' grants and of TRIGGER after them.
        assert_eq!(blocks, 7, "{role}");
    }
}

#[test]
fn control_characters_cannot_leave_a_comment() {
    let out = generate(&{
        let mut i = form("db.example.com")
            .with(
                Field::Schemas,
                "x\rGRANT ALL ON DATABASE postgres TO PUBLIC; --",
            )
            .with(Field::Owners, "o\u{b}\u{c}\r");
        i.scope = Scope::Listed;
        i
    });
    let sql = out.setup.unwrap();
    assert!(
        sql.contains("-- Grants for schema x\\u{d}GRANT ALL ON DATABASE postgres TO PUBLIC; --\n")
    );
    // A CR inside a quoted identifier is part of the name; inside a comment it would
    // end the comment.
    for line in sql.split('\n').filter(|l| l.trim_start().starts_with("--")) {
        assert!(!line.contains('\r'), "raw CR in {line:?}");
    }
}

#[test]
fn new_schema_applet() {
    let out = schema_grant(&SchemaForm::default());
    assert_eq!(
        out.sql.as_deref(),
        Some(include_str!("golden/new_schema_default.sql"))
    );
    let out = schema_grant(&SchemaForm {
        schema: "  ".into(),
        role: "".into(),
        owner: " ".into(),
        privileges: None,
    });
    assert_eq!(
        out.sql.as_deref(),
        Some(include_str!("golden/new_schema_default.sql"))
    );
    let out = schema_grant(&SchemaForm {
        schema: "Sales \"EU\"".into(),
        role: "app'x".into(),
        owner: "Own\"er".into(),
        privileges: None,
    });
    let sql = out.sql.unwrap();
    assert!(sql.starts_with("-- Run as the role that owns/creates tables in this schema (usually \"Own\"\"er\")\nGRANT USAGE ON SCHEMA \"Sales \"\"EU\"\"\" TO \"app'x\";\n"));
    assert!(sql.ends_with("ALTER DEFAULT PRIVILEGES FOR ROLE \"Own\"\"er\" IN SCHEMA \"Sales \"\"EU\"\"\"\n  GRANT EXECUTE ON FUNCTIONS TO \"app'x\";"));
    let out = schema_grant(&SchemaForm {
        owner: "o\rDROP".into(),
        privileges: None,
        ..SchemaForm::default()
    });
    assert!(out.sql.unwrap().starts_with(
        "-- Run as the role that owns/creates tables in this schema (usually \"o\\u{d}DROP\")\n"
    ));
    let out = schema_grant(&SchemaForm {
        role: "pg_bad".into(),
        ..SchemaForm::default()
    });
    assert!(out.sql.is_none());
    assert!(out.role.is_some());
}

#[test]
fn verify_and_uninstall_follow_the_setup() {
    let out = generate(&{
        let mut i = form("db.example.com")
            .with(Field::Role, "a$$b")
            .with(Field::Owners, "o1, o2")
            .with(Field::Schemas, "s'1");
        i.scope = Scope::Listed;
        i.rls = true;
        i
    });
    let verify = out.verify.unwrap();
    assert!(verify.contains("WHERE rolname = 'a$$b'"));
    assert!(verify.contains("AND n.nspname = ANY (ARRAY['s''1'])"));
    assert!(verify.contains("format('%I ', s.nspname) || 'for objects created by ' || 'o1'"));
    assert!(verify.contains("format('%I ', s.nspname) || 'for objects created by ' || 'o2'"));
    assert!(verify.contains("'RLS policy ' || 'dreamlit_a_b_select_policy'"));
    let uninstall = out.uninstall.unwrap();
    // `$$` in the role: the DO body gets another tag.
    assert!(uninstall.contains("DO $gs$\n"));
    assert!(uninstall.ends_with("END\n$gs$ LANGUAGE plpgsql;"));
    assert!(uninstall
        .contains("WHERE r.rolname = ANY (ARRAY['o1', 'o2']) AND n.nspname = ANY (ARRAY['s''1'])"));
    assert!(uninstall.contains(
        "FOR ROLE %I IN SCHEMA %I REVOKE SELECT, TRIGGER ON TABLES FROM %I', schema_record.owner_role, schema_record.nspname, target_role);"
    ));
    assert!(uninstall.contains("DROP POLICY %I ON %I.%I', 'dreamlit_a_b_select_policy'"));
    let plain = generate(&form("db.example.com"));
    assert!(!plain.uninstall.unwrap().contains("DROP POLICY"));
    assert!(!plain.verify.unwrap().contains("RLS policy"));
}

#[test]
fn a_password_becomes_a_scram_verifier_or_a_literal_and_goes_into_the_uri() {
    let f = {
        let mut i = form("db.example.com").with(Field::Password, "p@ss w'rd/+");
        i.salt = *b"0123456789abcdef";
        i
    };
    let out = generate(&f);
    let sql = out.setup.unwrap();
    let v = grantsmith::core::scram::verifier("p@ss w'rd/+", b"0123456789abcdef", 4096).unwrap();
    assert!(sql.contains(&format!(
        "CREATE ROLE \"dreamlit_app\" WITH LOGIN PASSWORD '{v}' INHERIT;"
    )));
    assert!(!sql.contains("p@ss"));
    assert_eq!(
        out.conn.as_deref(),
        Some("postgresql://dreamlit_app:p%40ss%20w%27rd%2F%2B@db.example.com:5432/postgres")
    );
    let plain = generate(&{
        let mut i = f.clone();
        i.scram = false;
        i
    })
    .setup
    .unwrap();
    assert!(plain.contains("WITH LOGIN PASSWORD 'p@ss w''rd/+' INHERIT;"));
    for hashed in [
        "md5".to_string() + &"a".repeat(32),
        "SCRAM-SHA-256$4096:x$y:z".to_string(),
    ] {
        let out = generate(&{
            let mut i = f.clone().with(Field::Password, hashed);
            i.scram = false;
            i
        });
        assert!(out
            .error(Field::Password)
            .unwrap()
            .starts_with("This looks like a password hash"));
        assert!(out.setup.is_none());
    }
    let out = generate(&f.clone().with(Field::Password, "pässword"));
    assert!(out
        .error(Field::Password)
        .unwrap()
        .starts_with("A SCRAM verifier is computed here only for ASCII"));
    // Plain text may be anything but NUL.
    assert!(generate(&{
        let mut i = f.with(Field::Password, "pässword");
        i.scram = false;
        i
    })
    .setup
    .is_some());
}

#[test]
fn a_host_of_only_javascript_white_space_is_missing() {
    // U+FEFF is white space to JavaScript's trim (and so to the original), not to Rust's.
    let out = generate(&form("\u{feff} \u{a0}"));
    assert_eq!(out.hint, "Enter a host to generate");
    assert!(out.setup.is_none());
}

#[test]
fn listed_scope_grows_with_what_was_typed_not_its_product() {
    // Every owner's default privileges in every listed schema: one block looping over
    // both (a block per owner naming every schema made 554 KB for 200 × 200 names, and
    // the page's 9,000 × 9,000 would not fit in memory). Twice the names, at most about
    // twice the text, for every script.
    let sizes = |n: usize| {
        let names = |p: &str| {
            (0..n)
                .map(|k| format!("{p}{k}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let out = generate(&{
            let mut i = form("db.example.com")
                .with(Field::Schemas, names("s"))
                .with(Field::Owners, names("o"));
            i.scope = Scope::Listed;
            i.rls = true;
            i
        });
        [out.setup, out.verify, out.uninstall].map(|t| t.unwrap().len())
    };
    let (small, large) = (sizes(100), sizes(200));
    for (what, (a, b)) in ["setup", "verify", "uninstall"]
        .iter()
        .zip(small.iter().zip(large))
    {
        assert!(
            b * 10 < a * 21,
            "{what}: {a} bytes for 100 names, {b} for 200"
        );
    }
}

/// A 70,000-character name is refused by its database's own limit, which the message
/// names (it was refused as over this page's 65,536-byte field limit); lists keep that
/// limit.
#[test]
fn a_huge_name_meets_its_databases_limit() {
    let huge = "a".repeat(70_000);
    for (db, limit) in [
        (grantsmith::core::Db::Postgres, "PostgreSQL keeps 63"),
        (grantsmith::core::Db::MySql, "MySQL allows 32"),
        (grantsmith::core::Db::SqlServer, "SQL Server allows 128"),
        (grantsmith::core::Db::Redshift, "Redshift allows 127"),
    ] {
        let i = grantsmith::core::Intent::new(db, grantsmith::core::Preset::ReadOnly)
            .with(grantsmith::core::Field::Host, "db.example.com")
            .with(grantsmith::core::Field::Database, "d")
            .with(grantsmith::core::Field::Schemas, "s")
            .with(grantsmith::core::Field::Role, huge.as_str());
        let out = generate(&i);
        let m = out.error(grantsmith::core::Field::Role).unwrap_or_default();
        assert!(m.contains(limit), "{db:?}: {m}");
    }
    let i = grantsmith::core::Intent::default()
        .with(grantsmith::core::Field::Host, "db.example.com")
        .with(grantsmith::core::Field::Owners, huge.as_str());
    let m = generate(&i);
    assert!(m
        .error(grantsmith::core::Field::Owners)
        .unwrap_or_default()
        .contains("65536"));
}
