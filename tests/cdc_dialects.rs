//! The change-data-capture preset on MySQL / MariaDB and SQL Server without a server:
//! its form, what each script grants (exactly the listed privileges, under the names the
//! MariaDB 10.5 option picks), the notes above Generate, links and the CLI's switch, and
//! hostile names never changing a statement under the option (the goldens and the
//! dialect tests in tests/dialects cover the option off). MySQL's scripts run on a real
//! MariaDB in tests/mariadb/cdc.rs; SQL Server's are parsed only.

use grantsmith::core::share::{from_fragment, to_fragment};
use grantsmith::core::{check, generate, Db, Field, Intent, Preset, Switch};
use sqlparser::dialect::MySqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

#[path = "common/hostile.rs"]
mod hostile;

fn mysql(dbs: &str, mariadb_105: bool) -> Intent {
    let mut i = Intent::new(Db::MySql, Preset::Cdc)
        .with(Field::Host, "db.example.com")
        .with(Field::Schemas, dbs)
        .with(Field::Password, "Str0ng-Passw0rd");
    i.set_switch(Switch::MariaDb105, mariadb_105);
    i
}

fn sqlserver(tables: &str) -> Intent {
    Intent::new(Db::SqlServer, Preset::Cdc)
        .with(Field::Host, "sql.example.com")
        .with(Field::Database, "Sales")
        .with(Field::Tables, tables)
        .with(Field::Password, "Str0ng-Passw0rd")
}

/// The statements of a script that grant something.
fn grants(sql: &str) -> Vec<&str> {
    sql.lines().filter(|l| l.starts_with("GRANT ")).collect()
}

#[test]
fn offered_for_mysql_and_sql_server() {
    for db in [Db::MySql, Db::SqlServer] {
        let i = Intent::new(db, Preset::Cdc);
        assert_eq!(i.preset, Preset::Cdc, "{db:?}");
        assert_eq!(i.get(Field::Role), "cdc_reader");
        assert!(!i.switch(Switch::MariaDb105), "the option starts off");
    }
    assert_eq!(
        Intent::new(Db::MySql, Preset::Cdc).spec().switches,
        &[Switch::MariaDb105]
    );
}

#[test]
fn mysql_grants_exactly_the_replication_privileges_and_select() {
    let out = generate(&mysql("shop, my_app", false));
    assert!(out.ready(), "{:?}", out.errors);
    let setup = out.setup.unwrap();
    assert_eq!(
        grants(&setup),
        [
            "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc_reader'@'%';",
            "GRANT SELECT ON `shop`.* TO 'cdc_reader'@'%';",
            "GRANT SELECT ON `my\\_app`.* TO 'cdc_reader'@'%';",
        ]
    );
    assert!(setup.contains("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'cdc_reader'@'%';"));
    assert!(setup.contains("exist only globally, ON *.*"), "why global");
    assert!(
        !setup.contains("VERSION()"),
        "no server check without the option"
    );
    let on = generate(&mysql("shop", true)).setup.unwrap();
    assert_eq!(
        grants(&on),
        [
            "GRANT REPLICATION REPLICA, BINLOG MONITOR ON *.* TO 'cdc_reader'@'%';",
            "GRANT SELECT ON `shop`.* TO 'cdc_reader'@'%';",
        ]
    );
    // The server check comes before any change.
    let check = on.find(">= 100502").unwrap();
    assert!(check < on.find("CREATE USER IF NOT EXISTS").unwrap());
}

#[test]
fn mysql_verify_reads_each_setting_and_accepts_exactly_these() {
    let v = generate(&mysql("shop", false)).verify.unwrap();
    for needle in [
        "@@GLOBAL.log_bin",
        "@@GLOBAL.binlog_format = 'ROW'",
        "@@GLOBAL.binlog_row_image = 'FULL'",
        "'binlog_expire_logs_seconds'",
        "'expire_logs_days'",
        "mysql.rds_configuration WHERE name = ''binlog retention hours''",
        // The two privileges under either of their names, and nothing else globally.
        "p.PRIVILEGE_TYPE IN ('REPLICATION SLAVE', 'REPLICATION REPLICA')",
        "p.PRIVILEGE_TYPE IN ('REPLICATION CLIENT', 'BINLOG MONITOR')",
        "NOT IN ('USAGE', 'REPLICATION SLAVE', 'REPLICATION REPLICA', 'REPLICATION CLIENT', 'BINLOG MONITOR')",
    ] {
        assert!(v.contains(needle), "{needle} not in\n{v}");
    }
}

#[test]
fn mysql_notes_name_rds_retention_on_rds_only() {
    let plain = check(&mysql("shop", false)).notes;
    assert_eq!(plain.len(), 1);
    assert!(
        plain[0].contains("binlog_format = ROW") && plain[0].contains("binlog_row_image = FULL")
    );
    let rds =
        check(&mysql("shop", false).with(Field::Host, "app.abc.eu-west-1.rds.amazonaws.com")).notes;
    assert_eq!(rds.len(), 2);
    assert!(rds[1].contains("CALL mysql.rds_set_configuration('binlog retention hours', 168);"));
}

#[test]
fn mysql_refusals_are_every_preset_s() {
    let out = check(&mysql("shop", false).with(Field::Role, "root"));
    assert!(out.error(Field::Role).unwrap().contains("administrator"));
    let out = check(&mysql("grantsmith", false));
    assert!(out.error(Field::Schemas).is_some());
    assert!(generate(&mysql(" , ", false)).setup.is_none());
}

#[test]
fn links_and_the_cli_keep_the_option() {
    let f = to_fragment(&mysql("shop", true));
    assert!(
        f.contains("preset=cdc") && f.contains("mariadb-10-5=1"),
        "{f}"
    );
    assert!(from_fragment(&f).switch(Switch::MariaDb105));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_grantsmith"))
        .args(["setup", "--db", "mysql", "--preset", "cdc", "--host"])
        .args([
            "x.abc.us-east-1.rds.amazonaws.com",
            "--schemas",
            "shop",
            "--mariadb-10-5",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert!(
        out.contains("GRANT REPLICATION REPLICA, BINLOG MONITOR ON *.*"),
        "{out}"
    );
    assert!(
        err.contains("grantsmith: note: Amazon RDS / Aurora"),
        "{err}"
    );
}

/// Token kinds, names and strings blanked: what hostile text must not change.
fn shape(sql: &str) -> Vec<String> {
    Tokenizer::new(&MySqlDialect {}, sql)
        .tokenize()
        .unwrap_or_else(|e| panic!("{e}\n{sql}"))
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .map(|t| match t {
            Token::Word(_) | Token::Number(..) => "<word>".into(),
            Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => "<string>".into(),
            t => t.to_string(),
        })
        .collect()
}

#[test]
fn mysql_hostile_names_under_the_option_change_no_statement() {
    let plain = generate(&mysql("shop", true));
    let mut cases = 0;
    for (n, piece) in hostile::NASTY.iter().enumerate() {
        let mut i = mysql(&format!("d{piece}{n}"), true);
        i.set(Field::Role, format!("u{piece}{n}"));
        let out = generate(&i);
        if out.setup.is_none() || piece.contains([',', '\n', '\r']) {
            continue;
        }
        for (got, want) in [
            (&out.setup, &plain.setup),
            (&out.verify, &plain.verify),
            (&out.uninstall, &plain.uninstall),
        ] {
            let (got, want) = (got.as_deref().unwrap(), want.as_deref().unwrap());
            assert_eq!(shape(got), shape(want), "{piece:?}\n{got}");
        }
        cases += 1;
    }
    assert!(cases > 10, "{cases}");
}

#[test]
fn sqlserver_captures_each_table_under_the_gating_role() {
    let out = generate(&sqlserver(
        "dbo.orders, [sales.eu].[line items], [dbo].orders",
    ));
    assert!(out.ready(), "{:?}", out.errors);
    let s = out.setup.unwrap();
    assert_eq!(
        s.matches("EXEC sys.sp_cdc_enable_table").count(),
        2,
        "one per table:\n{s}"
    );
    for needle in [
        "EXEC sys.sp_cdc_enable_db;",
        "EXEC sys.sp_cdc_enable_table @source_schema = N'sales.eu', @source_name = N'line items', @role_name = N'cdc_reader_cdc';",
        "ALTER ROLE [cdc_reader_cdc] ADD MEMBER [cdc_reader];",
        "GRANT SELECT ON OBJECT::[sales.eu].[line items] TO [cdc_reader];",
        "GRANT SELECT ON SCHEMA::[cdc] TO [cdc_reader];",
    ] {
        assert!(s.contains(needle), "{needle} not in\n{s}");
    }
    assert!(!s.contains("rds_cdc_enable_db"));
    let v = out.verify.unwrap();
    assert!(v.contains("WHERE role_name = N'cdc_reader_cdc'") && v.contains("IS_ROLEMEMBER"));
    let u = out.uninstall.unwrap();
    assert!(
        u.contains("@capture_instance = @instance") && u.contains("DROP ROLE [cdc_reader_cdc]")
    );
    assert!(
        !u.contains("sp_cdc_disable_db;"),
        "CDC stays on for the database"
    );
    let rds =
        generate(&sqlserver("dbo.orders").with(Field::Host, "x.abc.us-east-1.rds.amazonaws.com"));
    let s = rds.setup.unwrap();
    assert!(
        s.contains("EXEC msdb.dbo.rds_cdc_enable_db N'Sales';")
            && !s.contains("EXEC sys.sp_cdc_enable_db")
    );
}

#[test]
fn sqlserver_refusals_name_the_field() {
    for (tables, message) in [
        ("", "Enter at least one table"),
        (
            "orders",
            "orders: Name the table as schema.table (dbo.orders)",
        ),
        ("[dbo.orders", "[dbo.orders: A [ is not closed"),
        (
            "a.b.c",
            "a.b.c: Name the table as schema.table, one dot (put a name with a dot in [ ])",
        ),
    ] {
        let out = check(&sqlserver(tables));
        assert_eq!(out.error(Field::Tables), Some(message), "{tables:?}");
    }
    let long = "u".repeat(126);
    let out = check(&sqlserver("dbo.t").with(Field::Role, long.as_str()));
    assert!(out.error(Field::Role).unwrap().contains("gating role"));
    let out = generate(&sqlserver("dbo.t").with(Field::Role, "sa"));
    assert!(out.error(Field::Role).is_some() && out.setup.is_none());
}
