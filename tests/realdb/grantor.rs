//! Who may grant a schema's privileges: a preset's setup grants them only where the
//! role running it may (otherwise PostgreSQL's GRANT is a WARNING that grants nothing),
//! goes on when the user has them already, and stops with an error naming the schema
//! when it has not.

use grantsmith::core::{generate, Db, Field, Intent, Preset};

use super::fixture::{self, OWNER, OWNER_PW};
use super::server::Server;

/// A schema the owner role may use but not grant on, the user not yet in it: the setup
/// run by the owner role stops with the error, and grants nothing there; run by a
/// superuser it succeeds without a WARNING.
pub fn run(s: &Server) {
    let db = "p_grantor";
    fixture::database(s, db);
    s.su(
        db,
        &format!("CREATE SCHEMA locked; GRANT USAGE ON SCHEMA locked TO {OWNER}; CREATE TABLE locked.t (x int); GRANT SELECT ON locked.t TO {OWNER} WITH GRANT OPTION;"),
    );
    let i = Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, "p_grantor_user")
        .with(Field::Schemas, "public, locked");
    let sql = generate(&i)
        .setup
        .unwrap()
        .replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
    let err = s
        .psql(OWNER, OWNER_PW, db, &sql)
        .expect_err("a schema the runner may not grant on must stop the setup");
    assert!(
        err.contains("Only the owner of schema locked or a superuser may grant USAGE on it"),
        "{}: {err}",
        s.version
    );
    assert!(!err.contains("WARNING"), "{}: {err}", s.version);
    // One transaction: not even the role is left behind.
    let made = s.su(
        db,
        "SELECT count(*) FROM pg_roles WHERE rolname = 'p_grantor_user';",
    );
    assert_eq!(made.trim(), "0", "{}", s.version);
    s.psql_clean("postgres", super::server::SU_PASSWORD, db, &sql)
        .unwrap_or_else(|e| panic!("{}: as a superuser: {e}", s.version));
    let has = s.su(
        db,
        "SELECT has_schema_privilege('p_grantor_user', 'locked', 'USAGE');",
    );
    assert_eq!(has.trim(), "t", "{}", s.version);
    s.su(
        "postgres",
        "DROP DATABASE p_grantor; DROP ROLE p_grantor_user;",
    );
}
