//! What a careful DBA tries next about scope, on real PostgreSQL: a schema the owner
//! creates after a listed-scope setup, and what PUBLIC may do in `public` before 15.

use grantsmith::core::Preset;

use super::careful_dba::{form, scripts, setup_sql};
use super::fixture::{self, OWNER, OWNER_PW};
use super::server::{Server, SU_PASSWORD};

/// Both scenarios on one server.
pub fn run(s: &Server) {
    listed_scope_stays_listed(s);
    public_schema_note(s);
    filters_matching_nothing_stop(s);
}

/// Issue 28: metadata filters that match no schema used to make a user that could see
/// nothing, with verify passing. Now setup stops and leaves no role; and `\b` (a
/// backspace in PostgreSQL's regular expressions) is refused next to the field.
fn filters_matching_nothing_stop(s: &Server) {
    let db = "dba_filters";
    fixture::database(s, db);
    let role = "filter_meta";
    let mut f = form(Preset::Metadata, db, role);
    f.scope = grantsmith::core::Scope::All;
    let refused = grantsmith::core::generate(
        &f.clone()
            .with(grantsmith::core::Field::Include, r"\bsales\b"),
    );
    assert!(refused.setup.is_none(), "{:?}", refused.errors);
    let out = scripts(&f.with(grantsmith::core::Field::Include, "^nomatch$"));
    let err = s
        .psql(OWNER, OWNER_PW, db, &setup_sql(&out))
        .expect_err("a filter matching nothing must stop the setup");
    assert!(
        err.contains("No schema this role may use matches"),
        "{}: {err}",
        s.version
    );
    let left = s.su(
        db,
        &format!("SELECT count(*) FROM pg_roles WHERE rolname = '{role}';"),
    );
    assert_eq!(left.trim(), "0", "{}: a role was left behind", s.version);
}

/// Finding 4: the original with "Only listed schemas" (`public`): a schema the owner
/// creates next month stays out of reach (the original's global default privileges made
/// `secret.newkeys` readable), while a new table in `public` is readable.
fn listed_scope_stays_listed(s: &Server) {
    let db = "dba_listed";
    fixture::database(s, db);
    let role = "listed_user";
    let out = scripts(&form(Preset::Original, db, role));
    s.psql(OWNER, OWNER_PW, db, &setup_sql(&out))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        "CREATE SCHEMA secret; CREATE TABLE secret.newkeys (k text);
         CREATE TABLE public.later (x int); CREATE SEQUENCE public.later_seq;",
    )
    .unwrap();
    let can = |sql: &str| {
        s.psql_vars("postgres", SU_PASSWORD, db, sql, &[("r", role)])
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(
        can("SELECT has_schema_privilege(:'r', 'secret', 'USAGE'), has_table_privilege(:'r', 'secret.newkeys', 'SELECT');"),
        "f|f",
        "{}: a later schema is in reach",
        s.version
    );
    assert_eq!(
        can("SELECT has_table_privilege(:'r', 'public.later', 'SELECT'), has_sequence_privilege(:'r', 'public.later_seq', 'USAGE');"),
        "t|t",
        "{}: a later table in the listed schema is out of reach",
        s.version
    );
    let rows = s.su(db, out.verify.as_deref().unwrap());
    assert!(!rows.contains("|FAIL"), "{}: {rows}", s.version);
    assert!(
        rows.contains(
            "default privilege tables SELECT|public for objects created by owner_role|pass"
        ),
        "{}: {rows}",
        s.version
    );
    s.psql(OWNER, OWNER_PW, db, out.uninstall.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{}: uninstall: {e}", s.version));
    assert_eq!(fixture::privileges(s, db, role), "", "{}", s.version);
}

/// Finding 8: before PostgreSQL 15 PUBLIC may create in `public`, so the "read-only"
/// user can make tables there. The script says so and offers the statement that stops
/// it, without running it: the offered statement, run by the DBA, does stop it.
fn public_schema_note(s: &Server) {
    let db = "dba_public";
    fixture::database(s, db);
    let role = "public_ro";
    let out = scripts(&form(Preset::ReadOnly, db, role));
    let setup = setup_sql(&out);
    let offered = setup
        .lines()
        .find_map(|l| l.strip_prefix("-- To stop that, once no application relies on it: "))
        .expect("the script offers the statement")
        .to_string();
    assert_eq!(offered, "REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
    s.psql_clean(OWNER, OWNER_PW, db, &setup)
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    let create = s.psql(role, "new-pw", db, "CREATE TABLE public.mine (x int);");
    assert_eq!(create.is_ok(), s.major() < 15, "{}: {create:?}", s.version);
    // The drift check lists the user's own table as the user's (an extra to look at),
    // and never asks to grant the user privileges on it.
    let pasted = s
        .psql(OWNER, OWNER_PW, db, out.inspect.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{}: inspect: {e}", s.version));
    let form = form(Preset::ReadOnly, db, role);
    let rows = match grantsmith::core::check_paste(&form, &pasted) {
        Some(Ok(r)) => r.rows,
        other => panic!("{}: check: {other:?}", s.version),
    };
    let on_mine: Vec<_> = rows
        .iter()
        .filter(|r| r.what.contains("\"mine\""))
        .collect();
    assert!(
        on_mine
            .iter()
            .all(|r| r.status == grantsmith::core::drift::Status::Extra
                && r.what.starts_with("owns ")),
        "{}: {on_mine:?}",
        s.version
    );
    assert_eq!(
        on_mine.len(),
        usize::from(s.major() < 15),
        "{}: {rows:?}",
        s.version
    );
    // Not run by the script: the DBA's call. Run, it stops the user creating there.
    s.su(db, &offered);
    let again = s.psql(role, "new-pw", db, "CREATE TABLE public.mine2 (x int);");
    assert!(again.is_err(), "{}: {again:?}", s.version);
    if s.major() < 15 {
        s.su(db, "DROP TABLE public.mine;");
    }
}
