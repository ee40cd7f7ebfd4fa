//! The dry run's plan (issue 33) on real PostgreSQL servers, through psql, as the page
//! runs it in PGlite (PostgreSQL 17 only): the stand-in, setup twice with no warning,
//! the owner's later table, verify all pass, every probe as promised, uninstall twice
//! and the role gone. What the page shows is then what real servers of every tested
//! major version do with the same statements.

use grantsmith::core::backend::postgres::dry_run::{plan_with, Expect, Plan};
use grantsmith::core::privileges::Privileges;
use grantsmith::core::{Db, Field, Intent, Preset, Scope};

use super::server::Server;

/// The forms: listed schemas (not `public`, whose default grants differ before 15),
/// owners of their own per form (roles are cluster-wide), hostile names.
fn forms() -> Vec<(&'static str, Intent)> {
    let pg = |preset: Preset, n: usize| {
        let mut i = Intent::new(Db::Postgres, preset)
            .with(Field::Host, "db.example.com")
            .with(Field::Database, format!("dry_{n}"))
            .with(Field::Role, format!("dry_user_{n}"))
            .with(Field::Schemas, "sales, weird\"q'x")
            .with(Field::Owners, format!("dry_owner_{n}"));
        i.scope = Scope::Listed;
        i
    };
    let mut rls = pg(Preset::Original, 0);
    rls.rls = true;
    let mut custom = pg(Preset::Custom, 5);
    custom.custom = Privileges::from_key(
        "database.CONNECT,schema.USAGE,table.SELECT,table.UPDATE,sequence.USAGE,future",
    );
    vec![
        ("original, RLS", rls),
        ("original", pg(Preset::Original, 1)),
        ("metadata", pg(Preset::Metadata, 2)),
        ("read/write", pg(Preset::ReadWrite, 3)),
        ("read-only", pg(Preset::ReadOnly, 4)),
        ("custom", custom),
    ]
}

/// Runs every form's plan on `s`.
pub fn run(s: &Server) {
    for (name, form) in forms() {
        let p = plan_with(&form, "hr").unwrap_or_else(|e| panic!("{name}: {e}"));
        let ctx = format!("PostgreSQL {} {name}", s.version);
        // The superuser runs the scripts here, as in PGlite with no provider.
        assert_eq!(
            p.as_runner, "SET SESSION AUTHORIZATION \"dry_run_superuser\"",
            "{ctx}"
        );
        one(s, &p, &ctx);
    }
}

/// One psql script per list; the stand-in's statements carry no `;` (PGlite gets them
/// one by one), the scripts' pieces do.
pub fn script(list: &[String]) -> String {
    list.iter()
        .map(|x| {
            if x.ends_with(';') {
                x.clone()
            } else {
                format!("{x};")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `list` as the identity `as_runner` takes: psql signs in as the superuser, which
/// then takes the runner's identity with the plan's own `SET SESSION AUTHORIZATION`,
/// as PGlite's one superuser session does (`dry-run/dry-run.js`).
pub fn as_runner(p: &Plan, list: &[String]) -> String {
    format!("{};\n{}", p.as_runner, script(list))
}

/// The whole plan on `s`, as `dry-run.js` runs it: stand-in as the superuser, setup
/// twice as the runner, the owner's later table, verify, every probe as the new user,
/// uninstall twice as the runner, the role gone.
pub fn one(s: &Server, p: &Plan, ctx: &str) {
    superuser(s, p);
    s.su("postgres", &p.create_database);
    let db = p.database.as_str();
    s.su(db, &script(&p.stand_in));
    for round in ["setup", "setup again"] {
        s.psql_clean(
            "postgres",
            super::server::SU_PASSWORD,
            db,
            &as_runner(p, &p.setup),
        )
        .unwrap_or_else(|e| panic!("{ctx}: {round}: {e}"));
    }
    s.su(db, &script(&p.later));
    let verify = s.su(db, &script(&p.verify));
    assert!(
        verify.lines().count() > 5 && !verify.contains("FAIL"),
        "{ctx}: verify\n{verify}"
    );
    probes(s, p, ctx);
    for round in ["uninstall", "uninstall again"] {
        s.psql_clean(
            "postgres",
            super::server::SU_PASSWORD,
            db,
            &as_runner(p, &p.uninstall),
        )
        .unwrap_or_else(|e| panic!("{ctx}: {round}: {e}"));
    }
    assert_eq!(
        s.su(db, &p.role_count).trim(),
        "0",
        "{ctx}: the role after uninstall"
    );
}

/// The plan's superuser, which PGlite's session signs in as, made once on `s` by its
/// own `postgres` (psql signs in as that and takes the plan's identities with `SET
/// SESSION AUTHORIZATION`). The page also renames PGlite's `postgres`
/// (`Plan::free_postgres`); here the server keeps its own, which no form below names.
pub fn superuser(s: &Server, p: &Plan) {
    let count = format!(
        "SELECT count(*) FROM pg_roles WHERE rolname = '{}';",
        p.superuser
    );
    if s.su("postgres", &count).trim() == "0" {
        s.su("postgres", &p.make_superuser);
    }
}

/// Every probe in one session, as `dry-run.js` tries them: the new user's identity once,
/// then each try in a transaction rolled back, judged by its SQLSTATE (a refusal is
/// `insufficient_privilege`, 42501) and, for a row count, its one value. One psql for
/// all of them keeps a form's tries to one process.
fn probes(s: &Server, p: &Plan, ctx: &str) {
    let mut sql = format!("{};\n", p.as_user);
    for probe in &p.probes {
        sql.push_str(&format!(
            "BEGIN;\n{};\n\\echo {MARK} :SQLSTATE\nROLLBACK;\n",
            probe.sql
        ));
    }
    let (out, err) = s.psql_session("postgres", super::server::SU_PASSWORD, &p.database, &sql);
    // Each try's output, then its marker line with the SQLSTATE.
    let mut got: Vec<(String, String)> = Vec::new();
    let mut rows = String::new();
    for line in out.lines() {
        match line.strip_prefix(MARK) {
            Some(state) => got.push((state.trim().to_string(), std::mem::take(&mut rows))),
            None => rows.push_str(line),
        }
    }
    assert_eq!(
        got.len(),
        p.probes.len(),
        "{ctx}: one result per probe\n{out}\n{err}"
    );
    for (probe, (state, rows)) in p.probes.iter().zip(&got) {
        let ok = match probe.expect {
            Expect::Allowed => state == "00000",
            Expect::Rows(n) => state == "00000" && rows.trim() == n.to_string(),
            Expect::Refused => state == "42501",
        };
        assert!(
            ok,
            "{ctx}: {} ({}) promised {:?}, got SQLSTATE {state}, rows {rows:?}\n{err}",
            probe.label, probe.sql, probe.expect
        );
    }
}

/// The line psql echoes after each probe, before its SQLSTATE.
const MARK: &str = "#probe";
