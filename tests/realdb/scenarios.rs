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

fn form(role: &str, db: &str, owners: &str) -> Intent {
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

fn assert_login(s: &Server, role: &str, pw: &str, db: &str) {
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

fn verify_rows(s: &Server, db: &str, f: &Intent) -> Vec<String> {
    let q = generate(f).verify.unwrap();
    s.su(db, &q).lines().map(str::to_string).collect()
}

/// Verify: every row passes after setup; revoking one grant fails exactly that row.
/// Uninstall: the role and every privilege, default privilege and policy mentioning it
/// are gone, the owner's objects are untouched, and a second run is a no-op.
pub fn verify_and_uninstall(s: &Server) {
    let (db, role, pw) = ("app_vu", "gs_verify", "pw-vu");
    fixture::database(s, db);
    let f = {
        let mut i = form(role, db, OWNER);
        i.rls = true;
        i
    };
    s.psql(OWNER, OWNER_PW, db, &script(&f, pw))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    let rows = verify_rows(s, db, &f);
    assert!(rows.len() > 20, "{}: {rows:?}", s.version);
    let failing: Vec<&String> = rows.iter().filter(|r| !r.ends_with("|pass")).collect();
    assert!(
        failing.is_empty(),
        "{}: failing after setup: {failing:?}",
        s.version
    );
    for needle in [
        "role exists and can log in|gs_verify|pass",
        "table TRIGGER|sales.deals|pass",
        "RLS policy dreamlit_gs_verify_select_policy|public.secured|pass",
        "default privilege tables SELECT|for objects created by owner_role|pass",
    ] {
        assert!(
            rows.iter().any(|r| r == needle),
            "{}: no row {needle:?} in {rows:?}",
            s.version
        );
    }
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        "REVOKE TRIGGER ON sales.deals FROM gs_verify;",
    )
    .unwrap();
    let after: Vec<String> = verify_rows(s, db, &f)
        .into_iter()
        .filter(|r| !r.ends_with("|pass"))
        .collect();
    assert_eq!(
        after,
        vec!["table TRIGGER|sales.deals|FAIL".to_string()],
        "{}",
        s.version
    );

    // The role made something of its own, as an integration does.
    s.psql(
        role,
        pw,
        db,
        "CREATE SCHEMA gs_own; CREATE TABLE gs_own.log (x int);",
    )
    .unwrap();
    let owner_objects = "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'owner_role';";
    let before = s.su(db, owner_objects);
    let uninstall = generate(&f).uninstall.unwrap();
    for run in 1..=2 {
        s.psql(OWNER, OWNER_PW, db, &uninstall)
            .unwrap_or_else(|e| panic!("{}: uninstall run {run} as the owner: {e}", s.version));
    }
    assert_eq!(
        s.su(
            "postgres",
            "SELECT count(*) FROM pg_roles WHERE rolname = 'gs_verify';"
        )
        .trim(),
        "0",
        "{}",
        s.version
    );
    let traces = s.su(
        db,
        "SELECT count(*) FROM pg_policies WHERE policyname LIKE 'dreamlit_gs_verify%'
         UNION ALL SELECT count(*) FROM pg_default_acl WHERE defaclacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_class WHERE relacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_namespace WHERE nspacl::text LIKE '%gs_verify%'
         UNION ALL SELECT count(*) FROM pg_database WHERE datacl::text LIKE '%gs_verify%';",
    );
    assert_eq!(traces, "0\n0\n0\n0\n0\n", "{}: traces left", s.version);
    // The owner's objects are all there, plus what the role made (now the owner's).
    let after = s.su(db, owner_objects);
    assert_eq!(
        after.trim().parse::<i64>().unwrap(),
        before.trim().parse::<i64>().unwrap() + 1,
        "{}",
        s.version
    );
    assert_eq!(
        s.su(db, "SELECT count(*) FROM public.orders;").trim(),
        "2",
        "{}",
        s.version
    );
    // Verify after uninstall: every row about the role fails, no error (it still runs
    // in the right database).
    let rows = verify_rows(s, db, &f);
    assert!(
        rows.iter()
            .all(|r| r.ends_with("|FAIL") || r == "run in the database it is for|app_vu|pass"),
        "{}: {rows:?}",
        s.version
    );
}

/// Every preset other than the original: run twice by the non-superuser owner; exactly
/// the promised privileges; verify passes, then fails on the revoked row; uninstall
/// leaves no role behind.
pub fn presets(s: &Server) {
    use grantsmith::core::privileges::{DbPriv, Privileges, SchemaPriv, SeqPriv, TablePriv};
    use grantsmith::core::{Db, Preset};
    let custom = Privileges {
        database: vec![DbPriv::Connect, DbPriv::Temporary],
        schema: vec![SchemaPriv::Usage],
        tables: vec![TablePriv::Select, TablePriv::Trigger],
        sequences: vec![SeqPriv::Usage],
        functions: true,
        future: true,
    };
    let cases: Vec<(&str, Intent, &[&str])> = vec![
        (
            "p_meta",
            Intent::new(Db::Postgres, Preset::Metadata).with(Field::Schemas, "public, sales"),
            &["public", "sales"],
        ),
        (
            "p_meta_re",
            {
                let mut i = Intent::new(Db::Postgres, Preset::Metadata)
                    .with(Field::Include, "^(sales|Mixed)")
                    .with(Field::Exclude, "Case");
                i.scope = if true { Scope::All } else { Scope::Listed };
                i
            },
            &["sales"],
        ),
        (
            "p_rw",
            Intent::new(Db::Postgres, Preset::ReadWrite).with(Field::Schemas, "sales"),
            &["sales"],
        ),
        (
            "p_ro",
            Intent::new(Db::Postgres, Preset::ReadOnly),
            &["public"],
        ),
        (
            "p_custom",
            {
                let mut i = Intent::new(Db::Postgres, Preset::Custom)
                    .with(Field::Schemas, "public,\nMixed \"Case\"")
                    .with(Field::Owners, OWNER);
                i.custom = custom.clone();
                i
            },
            &["Mixed \"Case\"", "public"],
        ),
    ];
    for (db, mut f, schemas) in cases {
        fixture::database(s, db);
        f.set(Field::Host, "db.example.com");
        f.set(Field::Database, db);
        f.set(Field::Role, format!("{db}_user"));
        let out = generate(&f);
        let sql = out
            .setup
            .clone()
            .unwrap_or_else(|| panic!("{db}: refused {:?}", out.errors))
            .replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
        // Clean: no WARNING either (on 14, `public` belongs to the bootstrap superuser,
        // and its USAGE is granted only by a role that may grant it).
        for run in 1..=2 {
            s.psql_clean(OWNER, OWNER_PW, db, &sql)
                .unwrap_or_else(|e| panic!("{} {db}: setup run {run}: {e}\n{sql}", s.version));
        }
        assert_login(s, f.get(Field::Role), "pw", db);
        let privs = grantsmith::core::backend::postgres::presets::privileges(&f);
        let expected = fixture::expected_plan_on(s, db, schemas, &privs, OWNER);
        assert_eq!(
            fixture::privileges(s, db, f.get(Field::Role)),
            expected,
            "{} {db}: privileges",
            s.version
        );
        let verify = out.verify.unwrap();
        let rows = s.su(db, &verify);
        assert!(
            !rows.contains("|FAIL"),
            "{} {db}: verify after setup:\n{rows}",
            s.version
        );
        assert!(rows.lines().count() > 5, "{} {db}: {rows}", s.version);
        s.psql(
            OWNER,
            OWNER_PW,
            db,
            &format!(
                "REVOKE SELECT ON {}.{} FROM {};",
                if schemas.contains(&"public") {
                    "public"
                } else {
                    "sales"
                },
                if schemas.contains(&"public") {
                    "orders"
                } else {
                    "deals"
                },
                f.get(Field::Role)
            ),
        )
        .unwrap();
        let failing: Vec<String> = s
            .su(db, &verify)
            .lines()
            .filter(|l| l.ends_with("|FAIL"))
            .map(str::to_string)
            .collect();
        assert_eq!(failing.len(), 1, "{} {db}: {failing:?}", s.version);
        assert!(
            failing[0].starts_with("table SELECT|"),
            "{} {db}: {failing:?}",
            s.version
        );
        let uninstall = out.uninstall.unwrap();
        for run in 1..=2 {
            s.psql_clean(OWNER, OWNER_PW, db, &uninstall)
                .unwrap_or_else(|e| panic!("{} {db}: uninstall run {run}: {e}", s.version));
        }
        assert_eq!(
            fixture::privileges(s, db, f.get(Field::Role)),
            "",
            "{} {db}: traces",
            s.version
        );
        let gone = s
            .psql_vars(
                "postgres",
                SU_PASSWORD,
                "postgres",
                "SELECT count(*) FROM pg_roles WHERE rolname = :'r';",
                &[("r", f.get(Field::Role))],
            )
            .unwrap();
        assert_eq!(gone.trim(), "0", "{} {db}", s.version);
    }
}

/// Passwords typed into the page: the SCRAM verifier computed in Rust is stored as is
/// and accepts the password; plain text works too; the connection URI with the
/// percent-encoded password logs in through libpq.
pub fn passwords(s: &Server) {
    let db = "app_su";
    let pw = "S3cr3t p@ss/'%+:?#";
    for (role, scram) in [("gs_scram", true), ("gs_plain", false)] {
        let f = {
            let mut i = form(role, db, OWNER).with(Field::Password, pw);
            i.scram = scram;
            i.salt = *b"grantsmith-salt!";
            i
        };
        let out = generate(&f);
        s.su(db, out.setup.as_deref().unwrap());
        let stored = s.su(
            "postgres",
            &format!("SELECT rolpassword FROM pg_authid WHERE rolname = '{role}';"),
        );
        if scram {
            let v = grantsmith::core::scram::verifier(pw, b"grantsmith-salt!", 4096).unwrap();
            assert_eq!(stored.trim(), v, "{}: stored verifier", s.version);
        } else {
            assert!(
                stored.starts_with("SCRAM-SHA-256$"),
                "{}: server hashed it",
                s.version
            );
        }
        assert_login(s, role, pw, db);
        // The URI as shown, pointed at the test socket instead of db.example.com.
        let uri = out.conn.unwrap();
        let sock = grantsmith::core::conn::percent_encode(&s.socket_dir().display().to_string());
        let uri = uri.replace("@db.example.com:5432/", &format!("@{sock}:5432/"));
        let who = s
            .psql_uri(&uri, "SELECT current_user;")
            .unwrap_or_else(|e| panic!("{}: URI {uri}: {e}", s.version));
        assert_eq!(who.trim(), role, "{}", s.version);
    }
}

/// A table owner role that does not exist (the CLI on a Neon-like server used to keep
/// `postgres`): setup goes on with a NOTICE, and so does uninstall, handing what the
/// role made to the role running it instead of stopping at `REASSIGN OWNED … TO` a
/// missing role and leaving the role behind.
pub fn uninstall_with_missing_owner(s: &Server) {
    let (db, role, pw) = ("app_ghost", "gs_ghost", "pw-ghost");
    fixture::database(s, db);
    let f = form(role, db, "ghost_owner");
    // As the superuser: with no owner role to filter by, the original's sweep run by a
    // non-superuser warns on pgcrypto's functions (README, "Found by running the SQL").
    s.su(db, &script(&f, pw));
    s.psql(
        role,
        pw,
        db,
        "CREATE SCHEMA gs_ghost_own; CREATE TABLE gs_ghost_own.t (x int);",
    )
    .unwrap();
    let uninstall = generate(&f).uninstall.unwrap();
    for _ in 1..=2 {
        s.su(db, &uninstall);
    }
    assert_eq!(
        s.su(
            "postgres",
            "SELECT count(*) FROM pg_roles WHERE rolname = 'gs_ghost';"
        )
        .trim(),
        "0",
        "{}: the role is left behind",
        s.version
    );
    assert_eq!(
        s.su(db, "SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relname = 't' AND c.relnamespace = 'gs_ghost_own'::regnamespace;").trim(),
        "postgres",
        "{}: what the role made goes to the role that ran uninstall",
        s.version
    );
}

/// Supabase keeps its services' data in schemas of the same database; run by a role
/// that may grant on them, the original's all-schemas sweep handed them all out
/// (`vault.decrypted_secrets` included). On a Supabase host they are left out, and
/// verify and uninstall agree; on any other host the original's script is unchanged
/// (shown by the control role, which does reach them).
pub fn supabase_platform_schemas(s: &Server) {
    let db = "app_supa";
    fixture::database(s, db);
    s.su(
        db,
        "CREATE SCHEMA vault; CREATE TABLE vault.secrets (secret text);
         CREATE VIEW vault.decrypted_secrets AS SELECT secret AS decrypted_secret FROM vault.secrets;
         CREATE SCHEMA storage; CREATE TABLE storage.objects (name text);
         CREATE SCHEMA extensions; CREATE FUNCTION extensions.reset_stats() RETURNS int LANGUAGE sql AS 'SELECT 0';
         CREATE SCHEMA pgsodium; CREATE TABLE pgsodium.key (id int);
         CREATE SCHEMA graphql_public; CREATE TABLE graphql_public.t (x int);
         -- As on Supabase, the role running the script may use them.
         GRANT USAGE ON SCHEMA vault, storage, extensions, pgsodium, graphql_public TO owner_role;",
    );
    let reach = |role: &str| {
        s.su(
            db,
            &format!(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname IN ('vault', 'storage', 'pgsodium', 'graphql_public', 'auth')
                    AND has_table_privilege('{role}', c.oid, 'SELECT')
                 UNION ALL
                 SELECT count(*) FROM pg_namespace
                  WHERE nspname IN ('vault', 'storage', 'extensions', 'pgsodium', 'graphql_public')
                    AND has_schema_privilege('{role}', oid, 'USAGE')
                 UNION ALL
                 SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a
                  WHERE p.proname = 'reset_stats' AND a.grantee = '{role}'::regrole
                 UNION ALL
                 SELECT has_table_privilege('{role}', 'public.orders', 'SELECT')::int;"
            ),
        )
    };
    for (role, host, want) in [
        ("gs_supa", "db.abcdefghijklmnop.supabase.co", "0\n0\n0\n1\n"),
        ("gs_plain", "db.example.com", "5\n5\n1\n1\n"),
    ] {
        let f = {
            let mut i = form(role, db, OWNER).with(Field::Host, host);
            i.rls = true;
            i
        };
        s.su(db, &script(&f, "pw-supa"));
        assert_eq!(
            reach(role),
            want,
            "{} {host}: what {role} reaches",
            s.version
        );
        if role == "gs_supa" {
            let failing: Vec<String> = verify_rows(s, db, &f)
                .into_iter()
                .filter(|r| !r.ends_with("|pass"))
                .collect();
            assert!(
                failing.is_empty(),
                "{}: verify on Supabase: {failing:?}",
                s.version
            );
        }
        s.su(db, &generate(&f).uninstall.unwrap());
    }
}

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
