//! The MySQL connection forms as code (mysql2, PyMySQL, SQLAlchemy, JDBC), pasted as the page
//! writes them and run by the real drivers against an account with `REQUIRE SSL`: each
//! signs in over TLS as exactly that user to exactly that database (a password outside
//! latin-1 included, which PyMySQL would otherwise encode as latin-1), and mysql2's form
//! without its `ssl` line is refused (mysql2 never encrypts unasked).

use grantsmith::core::client::Client;
use grantsmith::core::{client_form, generate, Field, Preset};

use super::{create_dbs, form, Maria};

#[path = "../common/drivers.rs"]
mod client_libs;

const FORMS: [Client; 4] = [
    Client::Mysql2,
    Client::PyMySql,
    Client::SqlAlchemyMySql,
    Client::JdbcMariaDb,
];

#[test]
fn client_libraries_on_mariadb() {
    let m = Maria::start();
    for (user, pw, db) in [
        ("gs_drv", "plain-pw", "app_drv"),
        (
            "gs drv'\"\\x`${a}",
            "p@ss:w/rd \"é\\ü€ ${x} \u{2028}",
            "app drv#?%25 ü",
        ),
    ] {
        create_dbs(&m, &[db]);
        let mut f = form(Preset::ReadOnly, user, "%", db, pw, m.port);
        f.tls = true;
        m.root_ok(&generate(&f).setup.unwrap());
        for client in FORMS {
            let text = client_form(&f, client).unwrap().unwrap();
            let got = client_libs::run(client, &text, "mysql")
                .unwrap_or_else(|e| panic!("{client:?} as {user:?}: {e}\n{text}"));
            assert_eq!(got, (user.to_string(), db.to_string()), "{client:?}");
        }
        let mut plain = f.clone();
        plain.tls = false;
        let text = client_form(&plain, Client::Mysql2).unwrap().unwrap();
        let refused = client_libs::run(Client::Mysql2, &text, "mysql");
        assert!(
            refused.is_err(),
            "mysql2 without TLS signed in: {refused:?}"
        );
        let wrong = client_form(
            &f.clone().with(Field::Password, format!("{pw}x")),
            Client::PyMySql,
        )
        .unwrap()
        .unwrap();
        assert!(
            client_libs::run(Client::PyMySql, &wrong, "mysql").is_err(),
            "a wrong password signed in"
        );
    }
}

/// Over IPv6: a server listening on `::1` only, the forms written from the host typed
/// as `[::1]` and as `::1`, each driver signing in over TLS (mysql2, PyMySQL and
/// SQLAlchemy take the host bare, JDBC's URL in brackets). Before the fix the code forms
/// kept the brackets: `getaddrinfo ENOTFOUND [::1]`.
#[test]
fn client_libraries_over_ipv6() {
    let m = Maria::start_on("::1");
    let (user, pw, db) = ("gs_v6", "v6:p@ss'w\\rd", "app_v6");
    create_dbs(&m, &[db]);
    for typed in ["[::1]", "::1"] {
        let mut f = form(Preset::ReadOnly, user, "%", db, pw, m.port).with(Field::Host, typed);
        f.tls = true;
        m.root_ok(&generate(&f).setup.unwrap());
        for client in FORMS {
            let text = client_form(&f, client).unwrap().unwrap();
            let got = client_libs::run(client, &text, "mysql")
                .unwrap_or_else(|e| panic!("{client:?} from {typed:?}: {e}\n{text}"));
            assert_eq!(
                got,
                (user.to_string(), db.to_string()),
                "{client:?} {typed:?}"
            );
        }
    }
}
