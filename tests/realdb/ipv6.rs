//! The connection forms over IPv6: a server listening on `::1`, every PostgreSQL form
//! written from the host typed as `[::1]` and as `::1`, each run by its real client
//! (libpq through psql for the URI, keyword/value, `PG*` variables and `.pgpass` with
//! `PGPASSFILE`; psycopg, SQLAlchemy, node-postgres, pgjdbc), logging in over `::1` as
//! exactly that user to exactly that database. Before the fix the forms that are not a
//! URL kept the brackets: `could not translate host name "[::1]"`, `ENOTFOUND [::1]`,
//! and a `.pgpass` line no connection matched.

use grantsmith::core::client::Client;
use grantsmith::core::{client_form, Field, Intent};

use super::drivers::client_libs;
use super::server::{Listen, Server};

/// Who the server says we are, and where: `user/database/server address`.
const WHO: &str =
    "SELECT current_user || '/' || current_database() || '/' || host(inet_server_addr())";

/// Runs `text` (a libpq form) through psql as a user would use it.
fn libpq(s: &Server, form: Client, text: &str, i: &Intent) -> Result<String, String> {
    let run = |script: &str, extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["-c", script, "sh", WHO];
        args.extend_from_slice(extra);
        s.login("sh", &args, env)
    };
    match form {
        Client::Uri => s.psql_uri(text, WHO),
        Client::KeywordValue => run("exec \"$PSQL\" -X -A -t -c \"$1\" \"$2\"", &[text], &[]),
        Client::Env => run(
            &format!("{text}\nexec \"$PSQL\" -X -A -t -c \"$1\""),
            &[],
            &[],
        ),
        Client::Pgpass => {
            // The host as a user gives it to psql: bare, as libpq wants it.
            let file = s.socket_dir().join("pgpass-v6");
            std::fs::write(&file, format!("{text}\n")).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
            let port = s.port.to_string();
            run(
                "exec \"$PSQL\" -X -A -t -w -h ::1 -p \"$2\" -U \"$3\" -d \"$4\" -c \"$1\"",
                &[&port, i.get(Field::Role), i.get(Field::Database)],
                &[("PGPASSFILE", file.to_str().unwrap())],
            )
        }
        other => unreachable!("{other:?} is not a libpq form"),
    }
}

pub fn run(major: u32) {
    let s = Server::start_on(major, Listen::Ipv6);
    let (role, pw, db) = ("gs_v6", "v6:p@ss'w\\rd *", "app v6");
    super::drivers::role_and_database(&s, role, pw, db);
    for typed in ["[::1]", "::1"] {
        let i = Intent::default()
            .with(Field::Host, typed)
            .with(Field::Port, s.port.to_string())
            .with(Field::Role, role)
            .with(Field::Database, db)
            .with(Field::Password, pw);
        for form in [
            Client::Uri,
            Client::KeywordValue,
            Client::Env,
            Client::Pgpass,
        ] {
            let text = client_form(&i, form).unwrap().unwrap();
            let who = libpq(&s, form, &text, &i)
                .unwrap_or_else(|e| panic!("{} {form:?} from {typed:?}: {e}\n{text}", s.version));
            assert_eq!(who.trim(), format!("{role}/{db}/::1"), "{form:?} {typed:?}");
        }
        for form in [
            Client::NodePg,
            Client::Psycopg,
            Client::SqlAlchemyPg,
            Client::JdbcPg,
        ] {
            let text = client_form(&i, form).unwrap().unwrap();
            let got = client_libs::run(form, &text, "pg")
                .unwrap_or_else(|e| panic!("{} {form:?} from {typed:?}: {e}\n{text}", s.version));
            assert_eq!(
                got,
                (role.to_string(), db.to_string()),
                "{form:?} {typed:?}"
            );
        }
    }
    // The server listens on ::1 only: these logins did go over IPv6.
    let v4 = Intent::default()
        .with(Field::Host, "127.0.0.1")
        .with(Field::Port, s.port.to_string())
        .with(Field::Role, role)
        .with(Field::Database, db)
        .with(Field::Password, pw);
    let text = client_form(&v4, Client::Uri).unwrap().unwrap();
    assert!(s.psql_uri(&text, WHO).is_err(), "127.0.0.1 answered");
}
