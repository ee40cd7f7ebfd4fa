//! The comparison, from pastes written here as psql (or mysql -N -B -r) would print them:
//! rows, order, statements, hostile names, refused pastes.

use super::esc;
use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset};

fn intent() -> Intent {
    Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Role, "app")
        .with(Field::Schemas, "public")
        .with(Field::Owners, "owner_role")
}

/// The scope fingerprint the inspect query prints for `i` (after `current_user`).
fn tag(i: &Intent) -> String {
    let q = generate(i).inspect.unwrap();
    let at = q.find("current_user, '").unwrap() + "current_user, '".len();
    q[at..at + 8].to_string()
}

/// What a clean read-only setup shows on `public` with one table, plus `more`.
fn paste(i: &Intent, more: &[&[&str]]) -> String {
    let mut facts: Vec<Vec<String>> = [
        &["database", "shop", "CONNECT", ""][..],
        &["schema", "public", "USAGE", ""],
        &["table", "public", "orders", "SELECT", ""],
        &["default", "owner_role", "public", "r", "SELECT", ""],
        &["object", "schema", "public", "", ""],
        &["object", "table", "public", "orders", ""],
    ]
    .iter()
    .map(|f| f.iter().map(|x| x.to_string()).collect())
    .collect();
    facts.extend(
        more.iter()
            .map(|f| f.iter().map(|x| x.to_string()).collect()),
    );
    let mut s = format!(
        "grantsmith-inspect\t2\tapp\tshop\texists\towner_role\t{}\n",
        tag(i)
    );
    for f in &facts {
        s += &f.iter().map(|x| esc(x)).collect::<Vec<_>>().join("\t");
        s.push('\n');
    }
    s + &format!("grantsmith-inspect-end\t{}\n", facts.len())
}

fn report(i: &Intent, paste: &str) -> Report {
    check_paste(i, paste).unwrap().unwrap()
}

#[test]
fn exactly_the_setup_is_no_drift() {
    let i = intent();
    let r = report(&i, &paste(&i, &[]));
    assert!(!r.drift(), "{r:?}");
    assert_eq!(r.rows.len(), 4);
    assert!(r.fix_sql().starts_with("-- No drift: \"app\" has exactly"));
}

#[test]
fn temporary_schemas_are_left_out_but_a_look_alike_is_not() {
    let i = intent();
    let temp: &[&[&str]] = &[
        &["schema", "pg_temp_3", "USAGE", ""],
        &["schema", "pg_toast_temp_3", "USAGE", "grantable"],
        &["table", "pg_temp_3", "scratch", "DELETE", ""],
        &["owns", "table", "pg_temp_3", "scratch"],
        &["default", "owner_role", "pg_temp_3", "r", "INSERT", ""],
    ];
    let r = report(&i, &paste(&i, temp));
    assert!(!r.drift(), "{r:?}");
    // Only the prefixes PostgreSQL gives its temporary schemas are left out.
    let r = report(&i, &paste(&i, &[&["schema", "pg_tempo", "USAGE", ""]]));
    assert!(r.drift(), "{r:?}");
}

#[test]
fn each_drift_has_its_row_and_its_statement() {
    let i = intent();
    let p = paste(
        &i,
        &[
            &["attr", "SUPERUSER"],
            &["member", "pg_write_all_data", "direct", ""],
            &["member", "pg_read_server_files", "inherited", ""],
            &["table", "public", "orders", "INSERT", ""],
            &["object", "table", "public", "late", ""],
            &["column", "public", "orders", "note", "UPDATE", ""],
            &[
                "function",
                "public",
                "answer(integer)",
                "EXECUTE",
                "grantable",
            ],
            &["owns", "table", "public", "mine"],
        ],
    )
    .replace(
        "schema\tpublic\tUSAGE\t\n",
        "schema\tpublic\tUSAGE\tgrantable\n",
    );
    let r = report(&i, &p);
    let fix = r.fix_sql();
    for statement in [
        "ALTER ROLE \"app\" NOSUPERUSER;",
        "REVOKE \"pg_write_all_data\" FROM \"app\";",
        "REVOKE INSERT ON TABLE \"public\".\"orders\" FROM \"app\";",
        "REVOKE UPDATE (\"note\") ON TABLE \"public\".\"orders\" FROM \"app\";",
        "REVOKE GRANT OPTION FOR USAGE ON SCHEMA \"public\" FROM \"app\";",
        "GRANT SELECT ON TABLE \"public\".\"late\" TO \"app\";",
        "= 'answer(integer)'",
    ] {
        assert!(fix.contains(statement), "{statement}\n{fix}");
    }
    assert!(fix.starts_with("-- What \"app\" has that differs"));
    assert!(fix.contains("BEGIN;\n") && fix.contains("COMMIT;\n"));
    // Ownership is for a person to decide: listed, not changed.
    assert!(fix.contains("--   owns table \"public\".\"mine\""));
    // Dangerous extras first, then other extras, then missing, then present.
    let order: Vec<(Status, bool)> = r.rows.iter().map(|x| (x.status, x.danger)).collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|(s, d)| (*s, !*d));
    assert_eq!(order, sorted);
    assert!(r.rows[0].danger && r.rows[0].status == Status::Extra);
    let missing = r.rows.iter().find(|x| x.status == Status::Missing).unwrap();
    assert_eq!(missing.what, "SELECT on table \"public\".\"late\"");
}

#[test]
fn hostile_names_reach_the_fix_only_quoted() {
    let i = intent();
    let evil = "t\"; DROP ROLE admin; --";
    let p = paste(
        &i,
        &[
            &["table", "public", evil, "TRUNCATE", ""],
            &[
                "table",
                "public",
                "orders",
                "SELECT; DROP DATABASE shop",
                "",
            ],
            &[
                "function",
                "public",
                "f') ; DROP ROLE x; --(",
                "EXECUTE",
                "",
            ],
            &["attr", "SUPERUSER; DROP ROLE x"],
            &["schema", "we\nird", "CREATE", ""],
        ],
    );
    let r = report(&i, &p);
    let fix = r.fix_sql();
    assert!(
        fix.contains(
            "REVOKE TRUNCATE ON TABLE \"public\".\"t\"\"; DROP ROLE admin; --\" FROM \"app\";"
        ),
        "{fix}"
    );
    assert!(fix.contains("= 'f'') ; DROP ROLE x; --('"), "{fix}");
    // Words PostgreSQL does not have are never written as SQL: a person decides.
    assert!(
        !fix.lines()
            .any(|l| !l.starts_with("--") && l.contains("DROP DATABASE")),
        "{fix}"
    );
    assert!(
        !fix.lines()
            .any(|l| !l.starts_with("--") && l.contains("SUPERUSER; DROP")),
        "{fix}"
    );
    // A new line in a name stays inside its quotes and never ends a comment.
    assert!(
        fix.contains("REVOKE CREATE ON SCHEMA \"we\nird\" FROM \"app\";"),
        "{fix}"
    );
    assert!(fix
        .lines()
        .filter(|l| l.starts_with("--"))
        .all(|l| !l.contains("ird\" ") || l.contains("\\u{a}")));
}

#[test]
fn a_paste_for_another_scope_or_database_is_refused() {
    let i = intent();
    let p = paste(&i, &[]);
    let other = i.clone().with(Field::Schemas, "public, sales");
    let e = check_paste(&other, &p).unwrap().unwrap_err();
    assert!(e.contains("made for other schemas"), "{e}");
    let e = check_paste(&i, &p.replace("\tshop\t", "\tstaging\t"))
        .unwrap()
        .unwrap_err();
    assert!(e.contains("from the database staging"), "{e}");
    let missing = p.replace("\texists\t", "\tmissing\t");
    let r = report(&i, &missing);
    assert!(r.drift() && r.fix_sql().contains("run the setup script"));
}

#[test]
fn postgresql_and_mysql_compare_the_others_do_not() {
    let my = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Schemas, "shop");
    let e = check_paste(&my, "x").unwrap().unwrap_err();
    assert!(e.contains("not the inspect query's output"), "{e}");
    // A PostgreSQL paste is not taken for MySQL's.
    let pg = paste(&intent(), &[]).replace("owner_role\t", "root@localhost\t");
    let e = check_paste(&my, &pg.replace("\tapp\t", "\tdagflux\t"))
        .unwrap()
        .unwrap_err();
    assert!(e.contains("PostgreSQL inspect query's output"), "{e}");
    let ss = Intent::new(Db::SqlServer, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, "shop")
        .with(Field::Schemas, "dbo");
    assert!(generate(&ss).ready(), "{:?}", generate(&ss).errors);
    // SQL Server writes an inspect query in the same format; nothing compares it yet.
    assert!(check_paste(&ss, "x").is_none());
    assert!(generate(&ss)
        .inspect
        .unwrap()
        .contains("sys.database_permissions"));
}

#[test]
fn mysql_rows_and_statements_quote_every_name() {
    let my = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Role, "app")
        .with(Field::Schemas, "shop, my_app");
    let facts: &[&[&str]] = &[
        &["global", "FILE", ""],
        &["schema", "shop", "SELECT", "grantable"],
        &["schema", "shop", "SHOW VIEW", ""],
        &["schema", "my\\_app", "SELECT", ""],
        &["table", "shop", "t`; DROP USER root; --", "INSERT", ""],
        &["table", "shop", "t", "SELECT; DROP DATABASE shop", ""],
        &["routine", "shop", "p", "PROCEDURE", "EXECUTE", ""],
    ];
    let mut p = "grantsmith-inspect\t2\tapp\t%\texists\troot@localhost\tmysql\n".to_string();
    for f in facts {
        p += &f.iter().map(|x| esc(x)).collect::<Vec<_>>().join("\t");
        p.push('\n');
    }
    p += &format!("grantsmith-inspect-end\t{}\n", facts.len());
    let r = check_paste(&my, &p).unwrap().unwrap();
    let fix = r.fix_sql();
    for s in [
        "REVOKE FILE ON *.* FROM 'app'@'%';",
        "REVOKE GRANT OPTION ON `shop`.* FROM 'app'@'%';",
        "REVOKE INSERT ON `shop`.`t``; DROP USER root; --` FROM 'app'@'%';",
        "REVOKE EXECUTE ON PROCEDURE `shop`.`p` FROM 'app'@'%';",
        "GRANT SHOW VIEW ON `my\\_app`.* TO 'app'@'%';",
    ] {
        assert!(fix.contains(s), "{s}\n{fix}");
    }
    assert!(
        !fix.lines()
            .any(|l| !l.starts_with("--") && l.contains("DROP DATABASE")),
        "{fix}"
    );
    assert!(
        !fix.contains("BEGIN;"),
        "MySQL's GRANT and REVOKE commit on their own"
    );
    assert_eq!(
        r.rows
            .iter()
            .filter(|x| x.status == Status::Present)
            .count(),
        3
    );
    // Escaped tabs (mysql -B without -r): told how to run it.
    let e = check_paste(&my, &p.replace('\t', "\\t"))
        .unwrap()
        .unwrap_err();
    assert!(e.contains("mysql -N -B -r"), "{e}");
    // Another account's output.
    let e = check_paste(&my, &p.replacen("\t%\t", "\tlocalhost\t", 1))
        .unwrap()
        .unwrap_err();
    assert!(e.contains("not 'app'@'%'"), "{e}");
}

#[test]
fn with_no_owner_listed_any_owner_s_default_privileges_count() {
    // The setup ran as "admin"; the query ran as "postgres".
    let i = intent().with(Field::Owners, "");
    let p = paste(&i, &[]).replace("default\towner_role", "default\tadmin");
    let p = p.replace("\towner_role\t", "\tpostgres\t");
    let r = report(&i, &p);
    assert!(!r.drift(), "{:?}", r.rows);
    // None at all: missing, and granted for the role running the fix.
    let none = p.replace("default\tadmin\tpublic\tr\tSELECT\t\n", "");
    let none = none.replace("end\t6", "end\t5");
    let r = report(&i, &none);
    assert!(r.fix_sql().contains(
        "ALTER DEFAULT PRIVILEGES FOR ROLE \"postgres\" IN SCHEMA \"public\" GRANT SELECT ON TABLES TO \"app\";"
    ), "{}", r.fix_sql());
}

/// A product's builder (an embed's profile) checks a paste as the plain one does: its
/// renderer used to drop the comparison, so the check returned nothing.
#[test]
fn a_product_builder_checks_the_paste_too() {
    let mut i = intent();
    i.brand = Some(grantsmith::core::brand::Brand::new("Dagflux").unwrap());
    let r = report(
        &i,
        &paste(&i, &[&["table", "public", "orders", "DELETE", ""]]),
    );
    assert!(r.drift(), "{r:?}");
    assert!(r
        .rows
        .iter()
        .any(|row| row.status == Status::Extra && row.what.contains("DELETE")));
}
