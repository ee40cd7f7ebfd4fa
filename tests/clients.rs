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
