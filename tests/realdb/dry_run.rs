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
            p.as_runner, "SET SESSION AUTHORIZATION \"postgres\"",
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
    for probe in &p.probes {
        let sql = format!("{};\nBEGIN;\n{};\nROLLBACK;", p.as_user, probe.sql);
        let got = s.psql("postgres", super::server::SU_PASSWORD, db, &sql);
        let ok = match (probe.expect, &got) {
            (Expect::Allowed, Ok(_)) => true,
            (Expect::Rows(n), Ok(out)) => out.trim() == n.to_string(),
            (Expect::Refused, Err(e)) => e.contains("permission denied"),
            _ => false,
        };
        assert!(
            ok,
            "{ctx}: {} ({}) promised {:?}, got {got:?}",
            probe.label, probe.sql, probe.expect
        );
    }
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
