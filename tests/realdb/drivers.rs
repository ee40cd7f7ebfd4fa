//! The connection forms as code (node-postgres, psycopg, SQLAlchemy), pasted as the
//! page writes them and run by the real drivers: with names and passwords full of each
//! language's special characters, they log in as exactly that user to exactly that
//! database, and a wrong password is refused.

use grantsmith::core::client::{write, Client, ConnInfo};

use super::server::{Server, SU_PASSWORD};

#[path = "../common/drivers.rs"]
mod client_libs;

pub fn run(s: &Server) {
    for (role, pw, db) in [
        ("gs_drv", "plain-pw", "app_drv"),
        (
            "gs drv'\"\\x`${a}",
            "p@ss:w/rd \"é\\ü' ${x} \u{2028}",
            "app drv/#?%25 ü",
        ),
    ] {
        s.psql_vars(
            "postgres",
            SU_PASSWORD,
            "postgres",
            "CREATE ROLE :\"role\" LOGIN PASSWORD :'pw';\nCREATE DATABASE :\"db\" OWNER :\"role\";",
            &[("role", role), ("pw", pw), ("db", db)],
        )
        .unwrap_or_else(|e| panic!("{}: fixture: {e}", s.version));
        let mut info = ConnInfo {
            host: s.socket_dir().display().to_string(),
            port: 5432,
            database: db.into(),
            user: role.into(),
            password: Some(pw.into()),
            tls: false,
        };
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
