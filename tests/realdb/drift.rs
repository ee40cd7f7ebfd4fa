//! The drift check end to end on real PostgreSQL: set up, drift in seeded random ways,
//! run the inspect query with psql, compare, run the fix script, inspect again: no drift
//! left, and nothing about any other role changed by the fix.

use grantsmith::core::drift::{Report, Status};
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset};

use super::fixture::{self, OWNER, OWNER_PW};
use super::scenarios::script;
use super::server::{Server, SU_PASSWORD};

/// A hostile user name: a tab, a quote, a backslash.
const ROLE: &str = "dr\tift \"user\"\\x";

/// The user's name quoted for SQL the test writes itself.
fn quoted() -> String {
    format!("\"{}\"", ROLE.replace('"', "\"\""))
}

/// Inspects as the role that ran the setup and compares.
fn check(s: &Server, db: &str, i: &Intent) -> Report {
    let q = generate(i)
        .inspect
        .expect("PostgreSQL has an inspect query");
    let out = s
        .psql(OWNER, OWNER_PW, db, &q)
        .unwrap_or_else(|e| panic!("{}: inspect: {e}", s.version));
    match check_paste(i, &out) {
        Some(Ok(r)) => r,
        other => panic!("{}: check: {other:?}\n{out}", s.version),
    }
}

/// Everything in the database that is not about the user: ACL entries of other grantees
/// (an owner's implicit ones written out, as a first GRANT writes them),
/// default privileges, role attributes, memberships and policies.
fn others(s: &Server, db: &str) -> String {
    let r = ROLE.replace('\'', "''");
    s.su(
        db,
        &format!(
            "WITH u AS (SELECT oid FROM pg_roles WHERE rolname = '{r}')
             SELECT x FROM (
               SELECT 'rel ' || c.oid::regclass || ' ' || a.grantee || ' ' || a.privilege_type || a.is_grantable AS x
                 FROM pg_class c, aclexplode(coalesce(c.relacl, CASE WHEN c.relkind = 'S' THEN acldefault('s', c.relowner) ELSE acldefault('r', c.relowner) END)) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'col ' || t.attrelid::regclass || t.attname || ' ' || a.grantee || a.privilege_type
                 FROM pg_attribute t, aclexplode(t.attacl) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'ns ' || n.nspname || ' ' || a.grantee || a.privilege_type || a.is_grantable
                 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'db ' || d.datname || ' ' || a.grantee || a.privilege_type
                 FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'fn ' || p.oid::regprocedure || ' ' || a.grantee || a.privilege_type
                 FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'def ' || d.defaclrole::text || ' ' || d.defaclnamespace::text || d.defaclobjtype::text || ' ' || a.grantee || a.privilege_type
                 FROM pg_default_acl d, aclexplode(d.defaclacl) a WHERE a.grantee <> (SELECT oid FROM u)
               UNION ALL SELECT 'role ' || rolname || rolsuper || rolcreaterole || rolcreatedb || rolcanlogin || rolbypassrls
                 FROM pg_roles WHERE oid <> (SELECT oid FROM u)
               UNION ALL SELECT 'member ' || roleid || ' ' || member FROM pg_auth_members WHERE member <> (SELECT oid FROM u)
               UNION ALL SELECT 'policy ' || polname || polroles::text FROM pg_policy
               UNION ALL SELECT 'owner ' || c.oid::regclass || ' ' || c.relowner FROM pg_class c
             ) y ORDER BY x;"
        ),
    )
}

/// A small deterministic generator (the seed is printed, so a failure can be replayed).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The kinds of drift the issue lists, each as SQL the test runs as a superuser, with a
/// word the report must show for it. `ROLE_` stands for the user; `N` for a fresh number.
const DRIFTS: [(&str, &str); 9] = [
    ("REVOKE SELECT ON sales.deals FROM ROLE_;", "missing: SELECT on table \"sales\".\"deals\""),
    ("GRANT TRUNCATE ON public.orders TO ROLE_;", "extra (dangerous): TRUNCATE on table \"public\".\"orders\""),
    (
        "SET ROLE gs_unlisted; CREATE TABLE public.by_unlisted_N (x int); RESET ROLE;",
        "missing: SELECT on table \"public\".\"by_unlisted_N\"",
    ),
    ("GRANT UPDATE (note) ON public.orders TO ROLE_;", "extra (dangerous): UPDATE (\"note\") on table"),
    (
        "ALTER DEFAULT PRIVILEGES FOR ROLE owner_role IN SCHEMA sales GRANT INSERT ON TABLES TO ROLE_;",
        "extra (dangerous): default INSERT on tables created by \"owner_role\" in schema \"sales\"",
    ),
    (
        "ALTER DEFAULT PRIVILEGES FOR ROLE owner_role IN SCHEMA public REVOKE SELECT ON TABLES FROM ROLE_;",
        "missing: default SELECT on tables created by \"owner_role\" in schema \"public\"",
    ),
    ("ALTER ROLE ROLE_ CREATEROLE BYPASSRLS;", "extra (dangerous): role attribute BYPASSRLS"),
    ("GRANT pg_write_all_data TO ROLE_;", "extra (dangerous): member of \"pg_write_all_data\" (direct)"),
    (
        "CREATE ROLE gs_writer_N NOLOGIN; GRANT DELETE ON public.orders TO gs_writer_N; GRANT gs_writer_N TO ROLE_;",
        "extra (dangerous): member of \"gs_writer_N\" (direct)",
    ),
];

/// A membership is rated by what the role may do, not by its name: a read-only user
/// made a member of an ordinary role holding INSERT and DELETE on `hr.salaries` (here
/// through a team role) may now delete those rows: dangerous; a member of a role that
/// holds nothing is an extra. The fix takes the direct membership back.
fn membership_by_what_the_role_may(s: &Server) {
    let db = "p_member";
    let i = set_up_read_only(s, db);
    s.su(
        db,
        &format!(
            "CREATE SCHEMA hr; CREATE TABLE hr.salaries (x int);
             CREATE ROLE gs_payroll NOLOGIN; GRANT USAGE ON SCHEMA hr TO gs_payroll;
             GRANT INSERT, DELETE ON hr.salaries TO gs_payroll;
             CREATE ROLE gs_team NOLOGIN; GRANT gs_payroll TO gs_team;
             CREATE ROLE gs_viewers NOLOGIN;
             GRANT gs_team, gs_viewers TO {};",
            quoted()
        ),
    );
    seen_then_fixed(
        s,
        db,
        &i,
        &[
            "extra (dangerous): member of \"gs_team\" (direct)",
            "extra (dangerous): member of \"gs_payroll\" (inherited)",
            "extra: member of \"gs_viewers\" (direct)",
        ],
    );
    s.su(
        db,
        "DROP TABLE hr.salaries; DROP SCHEMA hr; DROP ROLE gs_payroll, gs_team, gs_viewers;",
    );
}

/// A report's rows as the fix script lists them (`extra (dangerous): …`).
fn lines(r: &Report) -> Vec<String> {
    r.rows.iter().map(ToString::to_string).collect()
}

fn read_only(db: &str) -> Intent {
    Intent::new(Db::Postgres, Preset::ReadOnly)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, ROLE)
        .with(Field::Schemas, "public, sales")
        .with(Field::Owners, OWNER)
}

/// A fixture database `db` with the read-only preset set up by the owner role.
fn set_up_read_only(s: &Server, db: &str) -> Intent {
    fixture::database(s, db);
    let i = read_only(db);
    s.psql(OWNER, OWNER_PW, db, &script(&i, "pw"))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    i
}

/// Setup, then rounds of seeded drift, each fixed and checked again.
fn preset_rounds(s: &Server, seed: u64) {
    let db = "p_drift";
    let i = set_up_read_only(s, db);
    s.su(
        db,
        "CREATE ROLE gs_unlisted NOLOGIN; GRANT CREATE ON SCHEMA public TO gs_unlisted;",
    );
    let clean = check(s, db, &i);
    assert!(
        !clean.drift(),
        "{}: right after setup: {:?}",
        s.version,
        lines(&clean)
    );
    assert!(clean.rows.len() >= 8, "{:?}", lines(&clean));
    assert!(clean.fix_sql().starts_with("-- No drift"));
    let mut rng = Rng(seed);
    for round in 0..3 {
        let picked: Vec<usize> = (0..DRIFTS.len()).filter(|_| rng.next(2) == 0).collect();
        let picked = if picked.is_empty() {
            vec![rng.next(DRIFTS.len())]
        } else {
            picked
        };
        let tag = format!("{round}_{}", seed % 1000);
        for n in &picked {
            s.su(
                db,
                &DRIFTS[*n]
                    .0
                    .replace("ROLE_", &quoted())
                    .replace("_N", &format!("_{tag}")),
            );
        }
        let r = check(s, db, &i);
        let seen = lines(&r);
        assert!(
            r.drift(),
            "{} seed {seed} round {round}: no drift seen",
            s.version
        );
        for n in &picked {
            let want = DRIFTS[*n].1.replace("_N", &format!("_{tag}"));
            assert!(
                seen.iter().any(|l| l.starts_with(&want)),
                "{} seed {seed} round {round}: {want:?} not in {seen:#?}",
                s.version
            );
        }
        // Dangerous extras come first.
        let first_safe = r
            .rows
            .iter()
            .position(|x| !(x.status == Status::Extra && x.danger));
        assert!(r.rows[first_safe.unwrap_or(0)..]
            .iter()
            .all(|x| !(x.status == Status::Extra && x.danger)));
        let before = others(s, db);
        s.psql_clean("postgres", SU_PASSWORD, db, &r.fix_sql())
            .unwrap_or_else(|e| panic!("{} seed {seed}: fix: {e}\n{}", s.version, r.fix_sql()));
        let after_fix = others(s, db);
        let (a, b): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after_fix.lines().collect());
        let changed: Vec<&&str> = a
            .iter()
            .filter(|l| !b.contains(l))
            .chain(b.iter().filter(|l| !a.contains(l)))
            .collect();
        assert!(
            changed.is_empty(),
            "{} seed {seed}: the fix touched another role: {changed:?}",
            s.version
        );
        let after = check(s, db, &i);
        assert!(
            !after.drift(),
            "{} seed {seed} round {round}: left after the fix: {:?}\n{}",
            s.version,
            lines(&after),
            r.fix_sql()
        );
    }
}

/// The original applet's setup (listed schema, RLS policy) reads as no drift, and a
/// grant option and an extra privilege are fixed.
fn original(s: &Server) {
    let db = "p_drift_orig";
    fixture::database(s, db);
    let i = Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, ROLE)
        .with(Field::Owners, OWNER)
        .with(Field::Schemas, "public");
    let mut i = i;
    i.rls = true;
    i.scope = grantsmith::core::Scope::Listed;
    s.psql(OWNER, OWNER_PW, db, &script(&i, "pw"))
        .unwrap_or_else(|e| panic!("{}: original setup: {e}", s.version));
    let clean = check(s, db, &i);
    assert!(
        !clean.drift(),
        "{}: original: {:?}",
        s.version,
        lines(&clean)
    );
    assert!(
        lines(&clean)
            .iter()
            .any(|l| l.starts_with("present: policy")),
        "{:?}",
        lines(&clean)
    );
    s.su(
        db,
        &format!(
            "GRANT SELECT ON public.orders TO {r} WITH GRANT OPTION; GRANT EXECUTE ON FUNCTION public.answer() TO {r} WITH GRANT OPTION; GRANT DELETE ON public.orders TO {r};",
            r = quoted()
        ),
    );
    seen_then_fixed(
        s,
        db,
        &i,
        &[
            "extra (dangerous): SELECT on table \"public\".\"orders\" with grant option",
            "extra (dangerous): EXECUTE on function \"public\".answer() with grant option",
            "extra (dangerous): DELETE on table \"public\".\"orders\"",
        ],
    );
}

/// The check lists each of `wants` as a row; its fix script, run by a superuser, leaves
/// no drift.
fn seen_then_fixed(s: &Server, db: &str, i: &Intent, wants: &[&str]) {
    let r = check(s, db, i);
    let seen = lines(&r);
    for want in wants {
        assert!(
            seen.iter().any(|l| l == want),
            "{}: {want:?} not in {seen:#?}",
            s.version
        );
    }
    s.psql_clean("postgres", SU_PASSWORD, db, &r.fix_sql())
        .unwrap_or_else(|e| panic!("{}: fix: {e}\n{}", s.version, r.fix_sql()));
    let after = check(s, db, i);
    assert!(!after.drift(), "{}: {:?}", s.version, lines(&after));
}

/// The metadata preset on schemas matching a filter, no owner listed: set up by the
/// owner role, inspected by a superuser (another role), it reads as no drift (the
/// owner's default privileges count); a revoked default and an extra schema CREATE are
/// fixed.
fn matching_no_owner(s: &Server) {
    let db = "p_drift_match";
    fixture::database(s, db);
    let mut i = Intent::new(Db::Postgres, Preset::Metadata)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, ROLE)
        .with(Field::Include, "^(public|sales)$");
    i.scope = grantsmith::core::Scope::All;
    s.psql(OWNER, OWNER_PW, db, &script(&i, "pw"))
        .unwrap_or_else(|e| panic!("{}: metadata setup: {e}", s.version));
    let as_su = |i: &Intent| {
        let out = s.su(db, &generate(i).inspect.unwrap());
        check_paste(i, &out).unwrap().unwrap()
    };
    let clean = as_su(&i);
    assert!(!clean.drift(), "{}: {:?}", s.version, lines(&clean));
    assert!(lines(&clean)
        .iter()
        .any(|l| l
            .contains("default SELECT on tables created by \"owner_role\" in schema \"sales\"")));
    s.su(db, &format!("ALTER DEFAULT PRIVILEGES FOR ROLE owner_role IN SCHEMA sales REVOKE SELECT ON TABLES FROM {r}; GRANT CREATE ON SCHEMA sales TO {r};", r = quoted()));
    let r = as_su(&i);
    let seen = lines(&r);
    assert!(
        seen.iter()
            .any(|l| l == "extra (dangerous): CREATE on schema \"sales\""),
        "{seen:#?}"
    );
    assert!(
        seen.iter().any(|l| l.starts_with(
            "missing: default SELECT on tables created by \"postgres\" in schema \"sales\""
        )),
        "{seen:#?}"
    );
    s.psql_clean("postgres", SU_PASSWORD, db, &r.fix_sql())
        .unwrap_or_else(|e| panic!("{}: fix: {e}\n{}", s.version, r.fix_sql()));
    let after = as_su(&i);
    assert!(!after.drift(), "{}: {:?}", s.version, lines(&after));
}

/// The original's all-schemas sweep, run by a superuser with the default owner, also
/// grants on the temporary schemas that exist then (`pg_temp_N`, left in the catalog by
/// any session that made a temporary table). The check leaves temporary schemas out
/// (what is in them lives for one session), so right after setup it reads as no drift.
fn original_with_temporary_schemas(s: &Server) {
    let db = "p_drift_temp";
    fixture::database(s, db);
    // The session ends; its pg_temp_N and pg_toast_temp_N stay in the catalog.
    s.su(db, "CREATE TEMP TABLE scratch (x int);");
    let i = Intent::default()
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, ROLE);
    s.psql("postgres", SU_PASSWORD, db, &script(&i, "pw"))
        .unwrap_or_else(|e| panic!("{}: original setup: {e}", s.version));
    // The sweep did grant on a temporary schema: else this proves nothing.
    let on_temp = s.su(
        db,
        &format!(
            "SELECT count(*) FROM pg_namespace n, aclexplode(n.nspacl) a
              WHERE n.nspname LIKE 'pg\\_temp\\_%' AND a.grantee = {}::regrole",
            grantsmith::core::quote::pg::Literal::new(&quoted()).unwrap()
        ),
    );
    assert_ne!(on_temp.trim(), "0", "{}: no grant on pg_temp_N", s.version);
    let out = s.su(db, &generate(&i).inspect.unwrap());
    assert!(
        out.contains("\tpg_temp_"),
        "{}: no temporary schema in the facts",
        s.version
    );
    let r = check_paste(&i, &out).unwrap().unwrap();
    assert!(!r.drift(), "{}: {:?}", s.version, lines(&r));
}

pub fn run(s: &Server, major: u32) {
    let seed = std::env::var("GS_DRIFT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_u64 * u64::from(major));
    println!(
        "PostgreSQL {}: drift seed {seed} (GS_DRIFT_SEED replays it)",
        s.version
    );
    preset_rounds(s, seed);
    membership_by_what_the_role_may(s);
    original(s);
    matching_no_owner(s);
    original_with_temporary_schemas(s);
    s.su(
        "postgres",
        &format!(
            "DROP DATABASE p_drift; DROP DATABASE p_member; DROP DATABASE p_drift_orig; DROP DATABASE p_drift_match; DROP DATABASE p_drift_temp; DROP ROLE IF EXISTS {};",
            quoted()
        ),
    );
}
