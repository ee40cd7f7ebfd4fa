//! The connection forms as code (node-postgres, psycopg, SQLAlchemy; JDBC over TCP in
//! [`tls`]), pasted as the page writes them and run by the real drivers: with names and passwords full of each
//! language's special characters, they log in as exactly that user to exactly that
//! database, and a wrong password is refused.

use grantsmith::core::client::{write, Client, ConnInfo};

use super::server::{Server, SU_PASSWORD};

#[path = "../common/drivers.rs"]
pub mod client_libs;

/// A login role and a database it owns, named by psql's own quoting.
pub fn role_and_database(s: &Server, role: &str, pw: &str, db: &str) {
    s.psql_vars(
        "postgres",
        SU_PASSWORD,
        "postgres",
        "CREATE ROLE :\"role\" LOGIN PASSWORD :'pw';\nCREATE DATABASE :\"db\" OWNER :\"role\";",
        &[("role", role), ("pw", pw), ("db", db)],
    )
    .unwrap_or_else(|e| panic!("{}: fixture: {e}", s.version));
}

pub fn run(s: &Server) {
    for (role, pw, db) in [
        ("gs_drv", "plain-pw", "app_drv"),
        (
            "gs drv'\"\\x`${a}",
            "p@ss:w/rd \"é\\ü' ${x} \u{2028}",
            "app drv/#?%25 ü",
        ),
    ] {
        role_and_database(s, role, pw, db);
        let mut info = s.socket_conn(db, role, pw);
        for form in [Client::NodePg, Client::Psycopg, Client::SqlAlchemyPg] {
            let text = write(form, &info).unwrap();
            let got = client_libs::run(form, &text, "pg")
                .unwrap_or_else(|e| panic!("{} {form:?} as {role:?}: {e}\n{text}", s.version));
            assert_eq!(
                got,
                (role.to_string(), db.to_string()),
                "{} {form:?}",
                s.version
            );
        }
        info.password = Some(format!("{pw}x"));
        for form in [Client::NodePg, Client::Psycopg, Client::SqlAlchemyPg] {
            let text = write(form, &info).unwrap();
            assert!(
                client_libs::run(form, &text, "pg").is_err(),
                "{} {form:?}: a wrong password logged in",
                s.version
            );
        }
    }
}

/// Over TCP to a server that takes TLS only (a self-signed certificate made here): each
/// form with TLS on signs in (libpq's URI and keyword/value string through psql, and
/// the code forms); node-postgres's form without its `ssl` line is refused (it never
/// encrypts unasked; libpq's forms would fall back to sslmode=prefer and encrypt anyway).
pub fn tls(major: u32) {
    let s = Server::start_with(major, true);
    let (role, pw, db) = (
        "gs tls'user\\u0041",
        "tls:p@ss\\\"w+&=%20",
        "app tls+/#%20ü",
    );
    role_and_database(&s, role, pw, db);
    let mut info = ConnInfo {
        host: "127.0.0.1".into(),
        port: s.port,
        database: db.into(),
        user: role.into(),
        password: Some(pw.into()),
        tls: true,
    };
    let uri = write(Client::Uri, &info).unwrap();
    assert!(uri.ends_with("?sslmode=require"), "{uri}");
    let who = s
        .psql_uri(&uri, "SELECT current_user || '/' || current_database() || '/' || ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .unwrap_or_else(|e| panic!("{}: URI over TLS: {e}", s.version));
    assert_eq!(who.trim(), format!("{role}/{db}/true"), "{}", s.version);
    let kv = write(Client::KeywordValue, &info).unwrap();
    let who = s
        .login("sh", &["-c", "exec \"$PSQL\" -X -A -t -c 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()' \"$1\"", "sh", &kv], &[])
        .unwrap_or_else(|e| panic!("{}: keyword/value over TLS: {e}", s.version));
    assert_eq!(who.trim(), "t", "{}", s.version);
    for form in [
        Client::NodePg,
        Client::Psycopg,
        Client::SqlAlchemyPg,
        Client::JdbcPg,
    ] {
        let text = write(form, &info).unwrap();
        let got = client_libs::run(form, &text, "pg")
            .unwrap_or_else(|e| panic!("{} {form:?} over TLS: {e}\n{text}", s.version));
        assert_eq!(
            got,
            (role.to_string(), db.to_string()),
            "{} {form:?}",
            s.version
        );
    }
    info.tls = false;
    let text = write(Client::NodePg, &info).unwrap();
    assert!(
        client_libs::run(Client::NodePg, &text, "pg").is_err(),
        "{}: node-postgres without TLS signed in",
        s.version
    );
}
