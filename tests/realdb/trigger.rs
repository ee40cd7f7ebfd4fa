//! Finding 5 of the least-privilege issue, as the hostile integration tries it: with
//! TRIGGER on a superuser's table, the user attaches a function of its own, the
//! superuser writes a row, and the function makes the user a superuser. Setup now
//! withholds TRIGGER on tables of superusers (now and, through the default privileges,
//! later), verify and the drift check expect exactly that, and uninstall drops the
//! triggers the user attached to others' tables, with their functions
//! (`src/core/backend/postgres/trigger.rs`).

use grantsmith::core::drift::Status;
use grantsmith::core::privileges::TablePriv;
use grantsmith::core::{check_paste, generate, Db, Field, Intent, Preset, Scope};

use super::fixture::{self, OWNER};
use super::server::{Server, SU_PASSWORD};

const USER: &str = "trig_user";
const PW: &str = "trig-pw";

fn form(preset: Preset, db: &str) -> Intent {
    let mut i = Intent::new(Db::Postgres, preset)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, USER)
        .with(Field::Owners, format!("{OWNER}, postgres"));
    if preset == Preset::Custom {
        i.scope = Scope::Listed;
        i = i.with(Field::Schemas, "public");
        i.custom.tables = vec![TablePriv::Select, TablePriv::Trigger];
        i.custom.future = true;
    } else {
        i.scope = Scope::All;
    }
    i
}

/// The attack: a function that makes its runner's victim a superuser, attached to
/// `table`. Err(psql's message) when the server refuses it.
fn attach(s: &Server, db: &str, table: &str, name: &str) -> Result<String, String> {
    s.psql(
        USER,
        PW,
        db,
        &format!(
            "CREATE SCHEMA IF NOT EXISTS evil;
             CREATE OR REPLACE FUNCTION evil.{name}() RETURNS trigger LANGUAGE plpgsql AS $f$
             BEGIN EXECUTE 'ALTER ROLE {USER} SUPERUSER'; RETURN NEW; END $f$;
             CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION evil.{name}();"
        ),
    )
}

fn count(s: &Server, db: &str, sql: &str) -> String {
    s.su(db, sql).trim().to_string()
}

/// Runs the scenario for the original preset and for custom with TRIGGER ticked.
pub fn run(s: &Server) {
    for (preset, db) in [(Preset::Original, "trig_o"), (Preset::Custom, "trig_c")] {
        scenario(s, preset, db);
    }
    println!("PostgreSQL {}: TRIGGER scenarios passed", s.version);
}

fn scenario(s: &Server, preset: Preset, db: &str) {
    let v = format!("{} {preset:?}", s.version);
    fixture::database(s, db);
    s.su(
        db,
        "CREATE TABLE public.super_t (id int); INSERT INTO public.super_t VALUES (1);",
    );
    let i = form(preset, db);
    let out = generate(&i);
    let setup = out
        .setup
        .clone()
        .unwrap_or_else(|| panic!("{v}: refused: {:?}", out.errors))
        .replace("[[REPLACE_WITH_PASSWORD]]", &format!("'{PW}'"));
    // As a superuser, so the superuser's table and default privileges are within reach.
    s.psql("postgres", SU_PASSWORD, db, &setup)
        .unwrap_or_else(|e| panic!("{v}: setup: {e}"));

    let has = |table: &str, p: &str| {
        count(
            s,
            db,
            &format!("SELECT has_table_privilege('{USER}', '{table}', '{p}');"),
        )
    };
    assert_eq!(has("public.super_t", "SELECT"), "t", "{v}: SELECT stays");
    assert_eq!(
        has("public.super_t", "TRIGGER"),
        "f",
        "{v}: TRIGGER withheld"
    );
    assert_eq!(has("public.orders", "TRIGGER"), "t", "{v}: owner's table");
    let defaults = count(
        s,
        db,
        &format!(
            "SELECT string_agg(pg_get_userbyid(d.defaclrole) || ':' || a.privilege_type, ',' ORDER BY 1)
               FROM pg_default_acl d, aclexplode(d.defaclacl) a
              WHERE d.defaclobjtype = 'r' AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = '{USER}')"
        ),
    );
    // Global for the original's all schemas, in `public` for custom: one entry each.
    let want = vec![
        format!("{OWNER}:SELECT"),
        format!("{OWNER}:TRIGGER"),
        "postgres:SELECT".to_string(),
    ];
    let mut got: Vec<&str> = defaults.split(',').collect();
    got.sort();
    assert_eq!(got, want, "{v}: default privileges");

    // The escalation, closed: on the superuser's table now, and on one it makes later.
    let e = attach(s, db, "public.super_t", "f1").expect_err("TRIGGER on super_t");
    assert!(e.contains("permission denied"), "{v}: {e}");
    s.su(db, "CREATE TABLE public.super_later (id int);");
    let e = attach(s, db, "public.super_later", "f2").expect_err("TRIGGER on a later table");
    assert!(e.contains("permission denied"), "{v}: {e}");
    s.su(db, "INSERT INTO public.super_t VALUES (2);");
    assert_eq!(
        count(
            s,
            db,
            &format!("SELECT rolsuper FROM pg_roles WHERE rolname = '{USER}';")
        ),
        "f",
        "{v}: still not a superuser"
    );

    // What the original allows on the owner's tables, and a superuser writing there:
    // the user acts as the owner (the page says so), never as the superuser.
    if preset == Preset::Original {
        attach(s, db, "public.orders", "f3").unwrap_or_else(|e| panic!("{v}: {e}"));
    }

    // Verify, as a superuser, passes every row; the drift check finds no drift.
    let verify = s
        .psql("postgres", SU_PASSWORD, db, out.verify.as_deref().unwrap())
        .unwrap_or_else(|e| panic!("{v}: verify: {e}"));
    assert!(!verify.contains("FAIL"), "{v}: verify:\n{verify}");
    assert!(
        verify.contains("withheld"),
        "{v}: verify names it:\n{verify}"
    );
    let drift = || {
        let pasted = s
            .psql("postgres", SU_PASSWORD, db, out.inspect.as_deref().unwrap())
            .unwrap_or_else(|e| panic!("{v}: inspect: {e}"));
        match check_paste(&i, &pasted) {
            Some(Ok(r)) => r.rows,
            other => panic!("{v}: drift check: {other:?}"),
        }
    };
    // Nothing missing; beyond the setup only what the attack made (its schema and
    // functions, which the check lists as the user's own).
    let odd: Vec<_> = drift()
        .into_iter()
        .filter(|r| r.status != Status::Present && !r.what.starts_with("owns "))
        .collect();
    assert!(odd.is_empty(), "{v}: drift: {odd:?}");

    // TRIGGER on the superuser's table by hand: verify fails, the drift check names it
    // with its fix, and a re-run of the setup takes it back.
    s.su(db, &format!("GRANT TRIGGER ON public.super_t TO {USER};"));
    let verify = s
        .psql("postgres", SU_PASSWORD, db, out.verify.as_deref().unwrap())
        .unwrap();
    assert!(verify.contains("FAIL"), "{v}: verify:\n{verify}");
    let extra = drift().into_iter().find(|r| {
        r.status == Status::Extra && r.what.contains("TRIGGER on table \"public\".\"super_t\"")
    });
    assert!(
        extra.is_some_and(|r| r.fix.is_some()),
        "{v}: drift names it"
    );
    s.psql("postgres", SU_PASSWORD, db, &setup)
        .unwrap_or_else(|e| panic!("{v}: setup again: {e}"));
    assert_eq!(has("public.super_t", "TRIGGER"), "f", "{v}: taken back");

    // Uninstall drops the trigger on the owner's table and its function: nothing of
    // the user's code is left to run as the owner.
    s.psql(
        "postgres",
        SU_PASSWORD,
        db,
        out.uninstall.as_deref().unwrap(),
    )
    .unwrap_or_else(|e| panic!("{v}: uninstall: {e}"));
    assert_eq!(
        count(
            s,
            db,
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal;"
        ),
        "0",
        "{v}: triggers left"
    );
    assert_eq!(
        count(s, db, "SELECT count(*) FROM pg_proc WHERE proname = 'f3';"),
        "0",
        "{v}: the trigger's function left"
    );
    assert_eq!(
        count(s, db, "SELECT count(*) FROM public.orders;"),
        "2",
        "{v}: the owner's rows"
    );
}
