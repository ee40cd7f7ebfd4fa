//! Setup converges (issue "Least privilege for real", finding 3): read-only after
//! read/write used to keep INSERT, UPDATE, DELETE, CREATE and the write default
//! privileges. For every ordered pair of PostgreSQL presets, with hand grants between
//! the two runs (a grant option passed on, a column grant), the second setup ends with
//! exactly its own privileges, whatever the first left; verify passes, then fails on an
//! extra grant.

use grantsmith::core::privileges::{DbPriv, Privileges, SchemaPriv, SeqPriv, TablePriv};
use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

use super::fixture::{self, OWNER, OWNER_PW};
use super::server::Server;

const ROLE: &str = "conv_user";
const SCHEMAS: [&str; 2] = ["public", "sales"];

fn form(preset: Preset, db: &str) -> Intent {
    let mut i = Intent::new(Db::Postgres, preset)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, ROLE)
        .with(Field::Schemas, SCHEMAS.join(", "));
    i.scope = Scope::Listed;
    if preset == Preset::Original {
        i = i.with(Field::Owners, OWNER);
    }
    if preset == Preset::Custom {
        // Wider than any fixed preset somewhere, narrower elsewhere.
        i.custom = Privileges {
            database: vec![DbPriv::Connect, DbPriv::Temporary],
            schema: vec![SchemaPriv::Usage, SchemaPriv::Create],
            tables: vec![TablePriv::Select, TablePriv::Update, TablePriv::Truncate],
            sequences: vec![SeqPriv::Usage, SeqPriv::Select, SeqPriv::Update],
            functions: true,
            future: true,
        };
    }
    i
}

fn run_owner(s: &Server, db: &str, sql: &str, what: &str) {
    s.psql_clean(OWNER, OWNER_PW, db, sql)
        .unwrap_or_else(|e| panic!("{}: {what}: {e}", s.version));
}

/// The original's script, kept to the letter, warns when the owner runs it on 14
/// (`public` is the superuser's) and on pgcrypto's functions: not this test's subject.
fn run_setup(s: &Server, preset: Preset, db: &str, sql: &str, what: &str) {
    if preset == Preset::Original {
        s.psql(OWNER, OWNER_PW, db, sql)
            .unwrap_or_else(|e| panic!("{}: {what}: {e}", s.version));
    } else {
        run_owner(s, db, sql, what);
    }
}

/// Exactly what `access` grants in the fixture's listed schemas.
fn expected(s: &Server, preset: Preset, db: &str) -> String {
    if preset == Preset::Original {
        // Before 15 `public` is the superuser's: the owner's GRANT on it only warns.
        let all = fixture::expected(db, &SCHEMAS, &[OWNER], true);
        return all
            .lines()
            .filter(|l| s.major() >= 15 || *l != "schema public USAGE")
            .map(|l| format!("{l}\n"))
            .collect();
    }
    let privs = grantsmith::core::backend::postgres::presets::privileges(&form(preset, db));
    fixture::expected_plan_on(s, db, &SCHEMAS, &privs, OWNER)
}

/// Every ordered pair of presets, on one server.
pub fn run(s: &Server) {
    let db = "conv";
    fixture::database(s, db);
    // The original's CREATE EXTENSION IF NOT EXISTS pgcrypto would put the superuser's
    // functions in `public`, where the other presets' EXECUTE on all functions, run by
    // the owner, would warn: made first, out of scope.
    s.su(
        db,
        "CREATE SCHEMA ext; CREATE EXTENSION pgcrypto SCHEMA ext;",
    );
    let presets = [
        Preset::Original,
        Preset::Metadata,
        Preset::ReadWrite,
        Preset::ReadOnly,
        Preset::Custom,
    ];
    for first in presets {
        for second in presets {
            let what = format!("{first:?} then {second:?}");
            let a = generate(&form(first, db));
            let b = generate(&form(second, db));
            let pw =
                |sql: Option<String>| sql.unwrap().replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
            run_setup(s, first, db, &pw(a.setup), &format!("{what}: first setup"));
            // What a DBA or the integration might add by hand between the two runs.
            run_owner(
                s,
                db,
                &format!(
                    "GRANT INSERT ON public.orders TO {ROLE} WITH GRANT OPTION;
                     GRANT UPDATE (note) ON public.orders TO {ROLE};
                     GRANT CREATE ON SCHEMA sales TO {ROLE};"
                ),
                &what,
            );
            s.psql(
                ROLE,
                "pw",
                db,
                "GRANT INSERT ON public.orders TO other_owner;",
            )
            .unwrap_or_else(|e| panic!("{}: {what}: pass on: {e}", s.version));
            run_setup(
                s,
                second,
                db,
                &pw(b.setup.clone()),
                &format!("{what}: second setup"),
            );
            assert_eq!(
                fixture::privileges(s, db, ROLE),
                expected(s, second, db),
                "{}: {what}: not exactly the second preset's privileges",
                s.version
            );
            let rows = s.su(db, b.verify.as_deref().unwrap());
            assert!(!rows.contains("|FAIL"), "{}: {what}: {rows}", s.version);
            // Verify fails on an extra too, not only on a missing grant.
            run_owner(
                s,
                db,
                &format!("GRANT REFERENCES ON public.orders TO {ROLE};"),
                &what,
            );
            let failing: Vec<String> = s
                .su(db, b.verify.as_deref().unwrap())
                .lines()
                .filter(|l| l.ends_with("|FAIL"))
                .map(str::to_string)
                .collect();
            assert_eq!(
                failing,
                ["extra table REFERENCES|public.orders|FAIL"],
                "{}: {what}",
                s.version
            );
            run_setup(
                s,
                second,
                db,
                b.uninstall.as_deref().unwrap(),
                &format!("{what}: uninstall"),
            );
            assert_eq!(
                fixture::privileges(s, db, ROLE),
                "",
                "{}: {what}",
                s.version
            );
        }
    }
    println!("PostgreSQL {}: 25 preset pairs converge", s.version);
}
