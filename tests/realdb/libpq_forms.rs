//! Every libpq form of the connection details, read by a real psql.

use grantsmith::core::{generate, Field};

use super::fixture::{self, OWNER};
use super::scenarios::form;
use super::server::Server;

/// Every libpq form of the connection details logs in through a real psql, with user
/// names and passwords full of each form's special characters: the keyword/value string
/// (as psql's argument), the `PG*` variables (sourced by `sh`), the `.pgpass` line (as
/// PGPASSFILE). A wrong password in each form is refused.
pub fn libpq_forms(s: &Server) {
    use grantsmith::core::client::{write, Client, ConnInfo};
    const LIBPQ: [Client; 4] = [
        Client::Uri,
        Client::KeywordValue,
        Client::Env,
        Client::Pgpass,
    ];
    let db = "app_libpq";
    fixture::database(s, db);
    let psql = |info: &ConnInfo, form: Client| -> Result<String, String> {
        let text = write(form, info).map_err(|e| e.to_string())?;
        let q = "SELECT current_user";
        match form {
            Client::KeywordValue => s.login(
                "sh",
                &[
                    "-c",
                    "exec \"$PSQL\" -X -A -t -c \"$1\" \"$2\"",
                    "sh",
                    q,
                    &text,
                ],
                &[],
            ),
            Client::Env => s.login(
                "sh",
                &[
                    "-c",
                    &format!("{text}\nexec \"$PSQL\" -X -A -t -c \"$1\""),
                    "sh",
                    q,
                ],
                &[],
            ),
            Client::Pgpass => {
                let file = s.socket_dir().join(format!("pgpass-{}", info.user.len()));
                std::fs::write(&file, format!("{text}\n")).unwrap();
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
                let port = info.port.to_string();
                let args = [
                    "-c",
                    "exec \"$PSQL\" -X -A -t -w -h \"$1\" -p \"$2\" -U \"$3\" -d \"$4\" -c \"$5\"",
                    "sh",
                    info.host.bare(),
                    &port,
                    &info.user,
                    &info.database,
                    q,
                ];
                s.login("sh", &args, &[("PGPASSFILE", file.to_str().unwrap())])
            }
            Client::Uri => {
                // A socket directory as the URI's host, percent-encoded as libpq reads it.
                let sock = grantsmith::core::conn::percent_encode(info.host.bare());
                let at = format!("@{}:", info.host.bare());
                s.psql_uri(&text.replacen(&at, &format!("@{sock}:"), 1), q)
            }
            other => unreachable!("{other:?} is not a libpq form"),
        }
    };
    for (role, pw) in [
        ("gs_kv user", "a b'c\\d:e=f"),
        ("gs:o'x\\y", "p:w\\'\"$`! *"),
        ("*", "star:\\'"),
    ] {
        let f = {
            let mut i = form(role, db, OWNER).with(Field::Password, pw);
            i.scram = false;
            i
        };
        s.su(db, &generate(&f).setup.unwrap());
        let mut info = s.socket_conn(db, role, pw);
        for form in LIBPQ {
            let who = psql(&info, form)
                .unwrap_or_else(|e| panic!("{} {form:?} as {role:?}: {e}", s.version));
            assert_eq!(who.trim(), role, "{} {form:?}", s.version);
        }
        info.password = Some(format!("{pw}x"));
        for form in LIBPQ {
            assert!(
                psql(&info, form).is_err(),
                "{} {form:?}: a wrong password logged in",
                s.version
            );
        }
    }
}
