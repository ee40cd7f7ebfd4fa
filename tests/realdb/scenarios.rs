//! The connection builder's and the new-schema applet's SQL, executed for real.

use grantsmith::core::new_schema_form::{schema_grant, SchemaForm};
use grantsmith::core::{generate, Field, Intent, Scope};

use super::fixture::{self, OWNER, OWNER_PW};
use super::server::{Server, SU_PASSWORD};

/// The setup script for `form`, with the placeholder replaced as the user is told to
/// (a quoted password).
pub fn script(form: &Intent, password: &str) -> String {
    let out = generate(form);
    let sql = out
        .setup
        .unwrap_or_else(|| panic!("form refused: {:?}", out.errors));
    sql.replace(
        "[[REPLACE_WITH_PASSWORD]]",
        &format!("'{}'", password.replace('\'', "''")),
    )
}

pub(super) fn form(role: &str, db: &str, owners: &str) -> Intent {
    Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Role, role)
        .with(Field::Database, db)
        .with(Field::Owners, owners)
}

/// Functions pgcrypto put in `public`: the script creates the extension before its
/// grants, so EXECUTE on them is part of what the original grants.
fn pgcrypto_lines(s: &Server, db: &str) -> Vec<String> {
    s.su(
        db,
        "SELECT format('func public.%s EXECUTE', p.proname) FROM pg_proc p
           JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pgcrypto'
           JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public';",
    )
    .lines()
    .map(str::to_string)
    .collect()
}

fn with_pgcrypto(s: &Server, db: &str, expected: String) -> String {
    let mut lines: Vec<String> = expected.lines().map(str::to_string).collect();
    lines.extend(pgcrypto_lines(s, db));
    lines.sort();
    lines.join("\n") + "\n"
}

pub(super) fn assert_login(s: &Server, role: &str, pw: &str, db: &str) {
    let who = s
        .psql(role, pw, db, "SELECT current_user;")
        .unwrap_or_else(|e| panic!("{}: {role} cannot log in: {e}", s.version));
    assert_eq!(who.trim(), role, "{}", s.version);
    assert!(
        s.psql(role, "wrong password", db, "SELECT 1;").is_err(),
        "{}: a wrong password was accepted",
        s.version
    );
}

fn count_rows(s: &Server, role: &str, pw: &str, db: &str, table: &str) -> String {
    s.psql(role, pw, db, &format!("SELECT count(*) FROM {table};"))
        .unwrap_or_else(|e| panic!("{}: {role} reading {table}: {e}", s.version))
        .trim()
        .to_string()
}

/// Items 1, 3, 4, 5, 6 and 8 of the issue, run by a superuser: idempotent, login,
/// exact privileges, all-schemas scope, future objects, triggers; RLS off reads zero.
pub fn superuser_all_schemas(s: &Server) {
    let (db, role, pw) = ("app_su", "dreamlit_app", "p@ss 'w0rd'");
    fixture::database(s, db);
    let sql = script(&form(role, db, &format!("{OWNER}, postgres")), pw);
    s.su(db, &sql);
    s.su(db, &sql); // idempotent: the second run succeeds too
    assert_login(s, role, pw, db);
    let expected = fixture::expected_all(db, &[OWNER, "postgres"]);
    assert_eq!(
        fixture::privileges(s, db, role),
        with_pgcrypto(s, db, expected),
        "{}: privileges",
        s.version
    );
    for (table, priv_) in [
        ("public.orders", "INSERT"),
        ("public.orders", "UPDATE"),
        ("public.orders", "DELETE"),
        ("public.orders", "TRUNCATE"),
        ("sales.deals", "INSERT"),
    ] {
        let r = s.su(
            db,
            &format!("SELECT has_table_privilege('{role}', '{table}', '{priv_}');"),
        );
        assert_eq!(r.trim(), "f", "{}: {priv_} on {table}", s.version);
    }
    // RLS off: the role reads zero rows of an RLS table, and no error.
    assert_eq!(
        count_rows(s, role, pw, db, "public.secured"),
        "0",
        "{}",
        s.version
    );
    assert_eq!(
        count_rows(s, role, pw, db, "public.orders"),
        "2",
        "{}",
        s.version
    );
    // Future objects created by the owner, in a new schema and an existing one.
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        "CREATE SCHEMA later;
         CREATE TABLE later.t (id serial, v int); INSERT INTO later.t (v) VALUES (1);
         CREATE FUNCTION later.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
         CREATE TABLE public.newer (id int); INSERT INTO public.newer VALUES (7);",
    )
    .unwrap();
    let r = s
        .psql(role, pw, db, "SELECT count(*) FROM later.t; SELECT nextval('later.t_id_seq') > 0; SELECT later.f(); SELECT id FROM public.newer;")
        .unwrap_or_else(|e| panic!("{}: future objects: {e}", s.version));
    assert_eq!(r, "1\nt\n1\n7\n", "{}", s.version);
    // Item 8: the role creates a trigger on a table in scope (function in its own schema).
    s.psql(
        role,
        pw,
        db,
        "CREATE SCHEMA IF NOT EXISTS dl;
         CREATE OR REPLACE FUNCTION dl.on_order() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
         CREATE TRIGGER dl_orders AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION dl.on_order();",
    )
    .unwrap_or_else(|e| panic!("{}: role cannot create a trigger: {e}", s.version));
    // Not in scope: the auth schema and a schema the owner cannot use.
    for t in ["auth.users", "private.hidden"] {
        assert!(
            s.psql(role, pw, db, &format!("SELECT 1 FROM {t};"))
                .is_err(),
            "{}: {t} readable",
            s.version
        );
    }
}

/// Item 2 and 7: run by a non-superuser that owns the tables and has CREATEROLE (how
/// hosted services work), twice, with RLS policies on.
pub fn non_superuser_owner_with_rls(s: &Server) {
    let (db, role, pw) = ("app_nsu", "gs_reader", "pw-nsu");
    fixture::database(s, db);
    let f = {
        let mut i = form(role, db, OWNER);
        i.rls = true;
        i
    };
    let sql = script(&f, pw);
    for run in 1..=2 {
        s.psql(OWNER, OWNER_PW, db, &sql)
            .unwrap_or_else(|e| panic!("{}: run {run} as a non-superuser failed: {e}", s.version));
    }
    assert_login(s, role, pw, db);
    // pgcrypto's functions belong to the bootstrap superuser even when a trusted
    // extension is created by the owner: its GRANT on them only warns, so they are
    // not in the listing (PUBLIC can execute them anyway).
    let mut expected = fixture::expected_all(db, &[OWNER]);
    if s.major() < 15 {
        // Before 15 the bootstrap superuser owns `public` (and PUBLIC may use it), so
        // the owner's GRANT USAGE on it only warns.
        expected = expected.replace("schema public USAGE\n", "");
    }
    assert_eq!(
        fixture::privileges(s, db, role),
        expected,
        "{}: privileges",
        s.version
    );
    // RLS on: the policy lets the role read the rows.
    assert_eq!(
        count_rows(s, role, pw, db, "public.secured"),
        "3",
        "{}",
        s.version
    );
    let policies = s.su(
        db,
        "SELECT policyname || ' ' || tablename FROM pg_policies ORDER BY 1;",
    );
    let name = generate(&f).policy_name.unwrap();
    assert_eq!(policies, format!("{name} secured\n"), "{}", s.version);
}

/// Item 5, listed scope: only the listed schemas are touched.
pub fn listed_schemas_only(s: &Server) {
    let (db, role, pw) = ("app_listed", "gs_listed", "pw-listed");
    fixture::database(s, db);
    let f = {
        let mut i = form(role, db, OWNER).with(Field::Schemas, "sales,\n Mixed \"Case\" ,");
        i.scope = Scope::Listed;
        i
    };
    s.su(db, &script(&f, pw));
    let expected = fixture::expected(db, &["Mixed \"Case\"", "sales"], &[OWNER], true);
    assert_eq!(
        fixture::privileges(s, db, role),
        expected,
        "{}: listed scope",
        s.version
    );
}

/// Item 7, long names: the hash-suffixed policy name PostgreSQL creates equals ours.
pub fn long_role_policy_name(s: &Server) {
    let db = "app_long";
    fixture::database(s, db);
    for role in [
        "Integration Reader for the Analytics Warehouse (EU) #2",
        &"r".repeat(63),
        "短い-role-名前-that-is-quite-long-ok",
    ] {
        let f = {
            let mut i = form(role, db, OWNER);
            i.rls = true;
            i
        };
        s.su(db, &script(&f, "pw"));
        let created = s
            .psql_vars(
                "postgres",
                SU_PASSWORD,
                db,
                "SELECT policyname FROM pg_policies WHERE :'role' = ANY (roles::text[]);",
                &[("role", role)],
            )
            .unwrap();
        assert_eq!(
            created.trim(),
            generate(&f).policy_name.unwrap(),
            "{}: policy for {role}",
            s.version
        );
    }
}

/// The new-schema applet's SQL, run as the owner; a table created later is readable.
pub fn new_schema_grant(s: &Server) {
    let db = "app_su";
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        "CREATE SCHEMA \"Fresh Schema\"; CREATE TABLE \"Fresh Schema\".before (x int);",
    )
    .unwrap();
    let out = schema_grant(&SchemaForm {
        schema: "Fresh Schema".into(),
        role: "dreamlit_app".into(),
        owner: OWNER.into(),
        privileges: None,
    });
    s.psql(OWNER, OWNER_PW, db, out.sql.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{}: new-schema grant as owner: {e}", s.version));
    s.psql(OWNER, OWNER_PW, db, "CREATE TABLE \"Fresh Schema\".after (x int); INSERT INTO \"Fresh Schema\".after VALUES (5);").unwrap();
    let r = s
        .psql(
            "dreamlit_app",
            "p@ss 'w0rd'",
            db,
            "SELECT count(*) FROM \"Fresh Schema\".before; SELECT x FROM \"Fresh Schema\".after;",
        )
        .unwrap_or_else(|e| panic!("{}: new schema not readable: {e}", s.version));
    assert_eq!(r, "0\n5\n", "{}", s.version);
}
