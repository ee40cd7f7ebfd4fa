//! libpq's forms of the connection details (URI, keyword/value, PG* variables, a
//! .pgpass line), written from libpq's documented grammar; real logins through psql
//! with hostile values are in tests/realdb (scenario libpq_forms).

use grantsmith::core::client::{write, Client, ConnInfo};
use grantsmith::core::{client_form, generate, Db, Field, Intent, Preset};

fn info(user: &str, password: Option<&str>) -> ConnInfo {
    ConnInfo {
        host: "db.example.com".into(),
        port: 6432,
        database: "my db".into(),
        user: user.into(),
        password: password.map(str::to_string),
        tls: false,
    }
}

#[test]
fn each_form_quotes_by_its_own_rules() {
    let c = info("o'ne\\il", Some("p w:'x\\"));
    assert_eq!(
        write(Client::KeywordValue, &c).unwrap(),
        r"host='db.example.com' port=6432 dbname='my db' user='o\'ne\\il' password='p w:\'x\\'"
    );
    assert_eq!(
        write(Client::Env, &c).unwrap(),
        "export PGHOST='db.example.com'\nexport PGPORT=6432\nexport PGDATABASE='my db'\nexport PGUSER='o'\\''ne\\il'\nexport PGPASSWORD='p w:'\\''x\\'"
    );
    assert_eq!(
        write(Client::Pgpass, &c).unwrap(),
        r"db.example.com:6432:my db:o'ne\\il:p w\:'x\\"
    );
    // A lone * would match any user: it is written as a literal star.
    assert_eq!(
        write(Client::Pgpass, &info("*", None)).unwrap(),
        r"db.example.com:6432:my db:\*:[[REPLACE_WITH_PASSWORD]]"
    );
    // A line break cannot be in a .pgpass line: refused, not cut.
    assert!(write(Client::Pgpass, &info("a\nb", None)).is_err());
}

#[test]
fn the_uri_form_is_the_connection_string_shown_by_default() {
    for i in [
        Intent::default()
            .with(Field::Host, "db.example.com")
            .with(Field::Password, "p@ss"),
        Intent::new(Db::Postgres, Preset::Metadata)
            .with(Field::Host, "::1")
            .with(Field::Database, "d b"),
        Intent::new(Db::Redshift, Preset::ReadOnly)
            .with(Field::Host, "c.abc.us-west-2.redshift.amazonaws.com")
            .with(Field::Database, "Dev")
            .with(Field::Role, "ETL"),
    ] {
        assert_eq!(
            client_form(&i, Client::Uri).unwrap().unwrap(),
            generate(&i).conn.unwrap()
        );
    }
    // Other databases have no libpq forms.
    let m = Intent::new(Db::MySql, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Schemas, "s");
    assert_eq!(client_form(&m, Client::Env), None);
}

/// An IPv6 host typed in brackets or bare is written bare wherever the client reads a
/// host name (each hands it to `getaddrinfo`, which refuses `[::1]`) and in brackets
/// inside a URL: every form of every database with a host, both spellings alike.
#[test]
fn ipv6_hosts_bare_outside_urls_bracketed_inside() {
    use grantsmith::core::client::Client::*;
    let intents = |host: &str| {
        let base = |db, preset| {
            Intent::new(db, preset)
                .with(Field::Host, host)
                .with(Field::Database, "app")
                .with(Field::Password, "Passw0rdX")
        };
        [
            Intent::default()
                .with(Field::Host, host)
                .with(Field::Database, "app")
                .with(Field::Password, "Passw0rdX"),
            base(Db::Postgres, Preset::Metadata),
            base(Db::Redshift, Preset::ReadOnly).with(Field::Schemas, "s"),
            base(Db::MySql, Preset::ReadOnly).with(Field::Schemas, "s"),
            base(Db::SqlServer, Preset::ReadOnly).with(Field::Schemas, "s"),
        ]
    };
    for typed in ["[::1]", "::1", " [::1]"] {
        let mut seen = 0;
        for i in intents(typed) {
            for &client in Client::for_db(i.db) {
                let text = client_form(&i, client)
                    .unwrap_or_else(|| panic!("{:?} {client:?}: {:?}", i.db, generate(&i).errors))
                    .unwrap();
                let want: &[&str] = match client {
                    Uri => &["@[::1]:"],
                    MySqlUri => &["@[::1]:3306/"],
                    JdbcPg => &["\"jdbc:postgresql://[::1]:5432/"],
                    JdbcMySql => &["\"jdbc:mysql://[::1]:3306/\""],
                    JdbcMariaDb => &["\"jdbc:mariadb://[::1]:3306/\""],
                    KeywordValue => &["host='::1' port="],
                    Env => &["export PGHOST='::1'\n"],
                    Pgpass => &[r"\:\:1:"],
                    NodePg | Mysql2 => &["  host: \"::1\",\n"],
                    Psycopg | PyMySql => &["    host=\"::1\",\n"],
                    SqlAlchemyPg | SqlAlchemyMySql => &["    host=\"::1\",\n"],
                    AdoNet => &["Server=tcp:::1,1433;"],
                    Mssql => &["  server: \"::1\",\n"],
                    JdbcSqlServer => &["props.setProperty(\"serverName\", \"::1\");"],
                    other => panic!("{other:?} has no host"),
                };
                for w in want {
                    assert!(
                        text.contains(w),
                        "{:?} {client:?} with {typed:?}: {w:?} not in\n{text}",
                        i.db
                    );
                }
                let unbracketed = text.replace("[::1]", "");
                if !matches!(client, Uri | MySqlUri | JdbcPg | JdbcMySql | JdbcMariaDb) {
                    assert_eq!(
                        unbracketed, text,
                        "{client:?} with {typed:?}: brackets\n{text}"
                    );
                }
                assert!(
                    !unbracketed.contains(['[', ']']) || text.contains("[[REPLACE"),
                    "{text}"
                );
                seen += 1;
            }
        }
        assert_eq!(seen, 8 + 8 + 7 + 6 + 3, "every form with a host");
    }
    // The .pgpass line whole: libpq escapes `:` in a field with `\` and compares the
    // host field with the host as the client was given it (bare, or a URI's unbracketed).
    let i = Intent::new(Db::Postgres, Preset::Metadata)
        .with(Field::Host, "[2001:db8::5]")
        .with(Field::Database, "postgres")
        .with(Field::Password, "pw");
    assert_eq!(
        client_form(&i, Client::Pgpass).unwrap().unwrap(),
        r"2001\:db8\:\:5:5432:postgres:dagster_connection:pw"
    );
    assert!(generate(&i)
        .summary
        .unwrap()
        .contains("\nHostname: 2001:db8::5\n"));
}
