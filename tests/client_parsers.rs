//! SQL Server's connection forms read by the real client library, without a server
//! (none runs on this machine, so this is parsed only): the ADO.NET string through
//! mssql's parser (tedious's grammar: a value that starts or ends with U+FEFF must be
//! quoted, or JavaScript's trim strips it) and the mssql config object through a
//! ConnectionPool, for names and passwords full of the grammar's special characters.
//! Run by `./test.sh` (feature `realdb`: it needs `scripts/setup.sh --test`'s npm
//! packages).
#![cfg(feature = "realdb")]

use std::process::Command;

#[path = "common/rng.rs"]
mod rng;

use grantsmith::core::client::{write, Client, ConnInfo};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients");

/// Runs `program script [form] FILE` on `text` written to FILE: the JSON it prints.
fn read_back(program: &str, script: &str, form: Option<Client>, text: &str) -> serde_json::Value {
    // Tests run in parallel: one file per call.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("gs-form-{}-{n}.txt", std::process::id()));
    std::fs::write(&file, text).unwrap();
    let mut cmd = Command::new(program);
    cmd.arg(format!("{DIR}/{script}"));
    if let Some(f) = form {
        cmd.arg(f.as_str());
    }
    let out = cmd.arg(&file).output().expect(program);
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "{script} {form:?}: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn python() -> String {
    std::env::var("GRANTSMITH_PY").expect(
        "GRANTSMITH_PY is unset: run the tests through ./test.sh, which installs the Python clients",
    )
}

fn parse(form: Client, text: &str) -> serde_json::Value {
    read_back("node", "parse.mjs", Some(form), text)
}

#[test]
fn sql_server_forms_read_back_exactly() {
    for (user, password, database, tls) in [
        ("dagflux", "plain", "mydb", true),
        ("dagflux", "\u{feff}pw", "db\u{feff}", true),
        ("dag;flux\"'={x}", "\u{feff}p;w\"d ", " my db;x ", false),
        ("u\u{2028}", "a{b}c=;'\"", "d\u{a0}", true),
    ] {
        let info = ConnInfo {
            host: "sql.example.com".into(),
            port: 1433,
            database: database.into(),
            user: user.into(),
            password: Some(password.into()),
            tls,
        };
        for form in [Client::AdoNet, Client::Mssql] {
            let text = write(form, &info).unwrap();
            let got = parse(form, &text);
            assert_eq!(
                got,
                serde_json::json!(["sql.example.com", 1433, database, user, password, tls]),
                "{form:?}: {text}"
            );
        }
    }
}

fn snowflake_parse(text: &str) -> serde_json::Value {
    read_back(&python(), "parse_snowflake.py", None, text)
}

/// Snowflake's forms read by its real Python connector's parameter list and by
/// snowflake-sqlalchemy's dialect (parsed only: no Snowflake account here). Names that
/// exist only quoted reach the connector quoted, plain ones in upper case (Snowflake
/// folds an unquoted login parameter), and the key file is a connector argument, not a
/// URL parameter (which the dialect refuses).
#[test]
fn snowflake_forms_reach_the_connector_as_snowflake_reads_them() {
    use grantsmith::core::{client_form, Db, Field, Intent, Preset};
    for (user, db, schema, wh, want_db, want_schema, want_wh, want_role) in [
        (
            "dagflux",
            "analytics",
            "public",
            "compute_wh",
            "ANALYTICS",
            "PUBLIC",
            "COMPUTE_WH",
            "DAGFLUX_ROLE",
        ),
        (
            "user@example.com",
            "my db",
            "Sales \"X\"/y",
            "WH-1",
            "\"my db\"",
            "\"Sales \"\"X\"\"/y\"",
            "\"WH-1\"",
            "\"user@example.com_ROLE\"",
        ),
    ] {
        let i = Intent::new(Db::Snowflake, Preset::ReadOnly)
            .with(Field::Host, "myorg-myaccount")
            .with(Field::Role, user)
            .with(Field::Database, db)
            .with(Field::Schemas, schema)
            .with(Field::Warehouse, wh);
        for form in [Client::SnowflakeConnector, Client::SqlAlchemySnowflake] {
            let text = client_form(&i, form).unwrap().unwrap();
            let got = snowflake_parse(&text);
            assert_eq!(
                got,
                serde_json::json!({
                    "account": "myorg-myaccount", "user": user.to_ascii_uppercase().as_str().replace("USER@EXAMPLE.COM", "user@example.com"),
                    "authenticator": "SNOWFLAKE_JWT", "private_key_file": "rsa_key.p8",
                    "warehouse": want_wh, "database": want_db, "schema": want_schema, "role": want_role,
                }),
                "{form:?}: {text}"
            );
        }
    }
}

/// BigQuery's forms read by sqlalchemy-bigquery's URL reader (parsed only). A
/// domain-scoped project (`example.com:my-project`) reads back exactly from the
/// SQLAlchemy form; its URL form is refused with a message (the colon would be a port).
#[test]
fn bigquery_forms_read_back_exactly() {
    use grantsmith::core::{client_form, Db, Field, Intent, Preset};
    for (project, dataset, location) in [
        ("my-project", "analytics", "US"),
        ("example.com:my-project", "sales_2024", "europe-west1"),
    ] {
        let i = Intent::new(Db::BigQuery, Preset::ReadOnly)
            .with(Field::Database, project)
            .with(Field::Schemas, dataset)
            .with(Field::Location, location)
            .with(Field::Role, "etl@my-project.iam.gserviceaccount.com");
        for form in [Client::SqlAlchemyBigQuery, Client::BigQueryUri] {
            let text = match client_form(&i, form).unwrap() {
                Ok(t) => t,
                Err(m) => {
                    assert!(project.contains(':') && form == Client::BigQueryUri, "{m}");
                    assert!(m.contains("use the SQLAlchemy form"), "{m}");
                    continue;
                }
            };
            let got = read_back(&python(), "parse_bigquery.py", Some(form), &text);
            assert_eq!(
                got,
                serde_json::json!([project, dataset, location]),
                "{form:?}: {text}"
            );
        }
    }
}

/// Runs a JDBC form in the JVM with a driver that records what `DriverManager` hands it
/// (the URL and every property) and what `setCatalog` gets, instead of connecting:
/// `[url, key, value, …, "catalog", db]`.
fn jdbc_recorded(text: &str) -> Vec<String> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("GsJdbc{}x{n}.java", std::process::id()));
    std::fs::write(
        &file,
        format!(
            r#"class Run {{
  public static void main(String[] args) throws Exception {{
    java.sql.DriverManager.registerDriver(new java.sql.Driver() {{
      public boolean acceptsURL(String u) {{ return true; }}
      public java.sql.Connection connect(String u, java.util.Properties p) {{
        StringBuilder b = new StringBuilder(u);
        for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) b.append('\0').append(k).append('\0').append(p.getProperty(k));
        System.out.print(b);
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
          java.sql.Connection.class.getClassLoader(), new Class<?>[] {{ java.sql.Connection.class }},
          (proxy, m, a) -> {{
            if (m.getName().equals("setCatalog")) System.out.print("\0catalog\0" + a[0]);
            return null;
          }});
      }}
      public java.sql.DriverPropertyInfo[] getPropertyInfo(String u, java.util.Properties p) {{ return new java.sql.DriverPropertyInfo[0]; }}
      public int getMajorVersion() {{ return 1; }}
      public int getMinorVersion() {{ return 0; }}
      public boolean jdbcCompliant() {{ return false; }}
      public java.util.logging.Logger getParentLogger() {{ return null; }}
    }});
{text}
  }}
}}
"#
        ),
    )
    .unwrap();
    let out = Command::new("java")
        .arg(&file)
        .output()
        .expect("java (Debian's default-jdk-headless) must be installed");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "{}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\0')
        .map(str::to_string)
        .collect()
}

/// The JDBC forms whose drivers this machine cannot fetch (MySQL Connector/J, mssql-jdbc
/// and snowflake-jdbc come only from Maven Central), compiled and run in the JVM with a
/// recording driver: the Java literals and `Properties` hand the driver exactly what was
/// typed, and the database goes where each driver's documentation reads it.
#[test]
fn jdbc_forms_hand_the_driver_exactly_what_was_typed() {
    use grantsmith::core::{client_form, Db, Field, Intent, Preset};
    let (user, pw) = ("dag\"flux\\u0041 'x", "p;w{d}\"\\ é");
    let mysql = {
        let mut i = Intent::new(Db::MySql, Preset::ReadOnly)
            .with(Field::Host, "db.example.com")
            .with(Field::Role, user)
            .with(Field::Password, pw)
            .with(Field::Schemas, "my db#?x");
        i.tls = true;
        i
    };
    let got = jdbc_recorded(&client_form(&mysql, Client::JdbcMySql).unwrap().unwrap());
    let want = [
        "jdbc:mysql://db.example.com:3306/",
        "password",
        pw,
        "sslMode",
        "REQUIRED",
        "user",
        user,
        "catalog",
        "my db#?x",
    ];
    assert_eq!(got, want);
    // (A \ would make it a Windows login, which has no password.)
    let ms_user = "dag\"flux 'x;{y}";
    let sqlserver = Intent::new(Db::SqlServer, Preset::ReadOnly)
        .with(Field::Host, "2001:db8::1")
        .with(Field::Role, ms_user)
        .with(Field::Password, pw)
        .with(Field::Database, "x;y}z");
    let got = jdbc_recorded(
        &client_form(&sqlserver, Client::JdbcSqlServer)
            .unwrap()
            .unwrap(),
    );
    let want = [
        "jdbc:sqlserver://",
        "databaseName",
        "x;y}z",
        "encrypt",
        "true",
        "password",
        pw,
        "portNumber",
        "1433",
        "serverName",
        "2001:db8::1",
        "trustServerCertificate",
        "false",
        "user",
        ms_user,
    ];
    assert_eq!(got, want);
    let snowflake = Intent::new(Db::Snowflake, Preset::ReadOnly)
        .with(Field::Host, "myorg-myaccount")
        .with(Field::Role, "user@example.com")
        .with(Field::Database, "my db");
    let got = jdbc_recorded(
        &client_form(&snowflake, Client::JdbcSnowflake)
            .unwrap()
            .unwrap(),
    );
    let want = [
        "jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/",
        "authenticator",
        "SNOWFLAKE_JWT",
        "db",
        "\"my db\"",
        "private_key_file",
        "rsa_key.p8",
        "role",
        "\"user@example.com_ROLE\"",
        "schema",
        "PUBLIC",
        "user",
        "user@example.com",
        "warehouse",
        "COMPUTE_WH",
    ];
    assert_eq!(got, want);
}

/// Seeded hostile values (`GS_SEED` replays) through SQL Server's ADO.NET and mssql
/// forms and mssql's parser: what is written comes back exactly.
#[test]
fn seeded_hostile_values_through_mssqls_parser() {
    const PIECES: [&str; 16] = [
        "a", "Z", "0", " ", ";", "=", "\"", "'", "{", "}", "\\", "\u{feff}", "\u{a0}", "é", "😀",
        "\t",
    ];
    let seed = rng::Rng::env_seed();
    println!("SQL Server forms, seed {seed}");
    let mut r = rng::Rng(seed);
    let no_backslash: Vec<&str> = PIECES.into_iter().filter(|p| *p != "\\").collect();
    for n in 0..8 {
        let info = ConnInfo {
            host: ["sql.example.com", "10.0.0.7", "2001:db8::5"][r.below(3)].into(),
            port: 1 + r.below(65535) as u16,
            database: r.word(&PIECES, 10),
            // A \ in a login name means DOMAIN\user to mssql (and a Windows login to
            // SQL Server, which the form refuses): not in user names.
            user: r.word(&no_backslash, 10),
            password: Some(r.word(&PIECES, 14)),
            tls: r.below(2) == 1,
        };
        for form in [Client::AdoNet, Client::Mssql] {
            let text = write(form, &info).unwrap();
            assert_eq!(
                parse(form, &text),
                serde_json::json!([
                    info.host.bare(),
                    info.port,
                    info.database,
                    info.user,
                    info.password,
                    info.tls
                ]),
                "case {n} (GS_SEED={seed}) {form:?}: {text}"
            );
        }
    }
}
