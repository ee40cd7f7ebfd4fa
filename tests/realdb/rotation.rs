//! Issue 32, rotation without downtime on PostgreSQL: step 1 makes the second user of
//! the pair (`etl` → `etl_2`) from the same plan; during the overlap both sign in with
//! identical privileges (the inspect outputs equal but for the name) and the drift check
//! of either is clean; step 2 leaves only the new user, and runs twice.

use grantsmith::core::{check_paste, generate, render, Field, Intent, Part, Preset};

use super::careful_dba::{form, scripts};
use super::fixture::{self, OWNER, OWNER_PW};
use super::server::Server;

fn with_pw(sql: &str, pw: &str) -> String {
    sql.replace("[[REPLACE_WITH_PASSWORD]]", &format!("'{pw}'"))
}

/// The inspect query's output for `i`, and its drift report (which must be clean).
fn inspect_clean(s: &Server, db: &str, i: &Intent) -> String {
    let out = s
        .psql(OWNER, OWNER_PW, db, &generate(i).inspect.unwrap())
        .unwrap_or_else(|e| panic!("{}: inspect: {e}", s.version));
    let report = check_paste(i, &out).unwrap().unwrap();
    assert!(
        !report.drift(),
        "{}: {} drifted: {:?}",
        s.version,
        i.get(Field::Role),
        report.rows
    );
    out
}

pub fn run(s: &Server) {
    let db = "dba_rotation";
    fixture::database(s, db);
    let first = form(Preset::ReadWrite, db, "etl").with(Field::Schemas, "public");
    let out = scripts(&first);
    s.psql_clean(
        OWNER,
        OWNER_PW,
        db,
        &with_pw(out.setup.as_deref().unwrap(), "old-pw"),
    )
    .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    // Step 1, with the new password typed: twice (a rotation run again changes nothing).
    let rotate = with_pw(&render(&first, Part::Rotate).expect("a rotation"), "new-pw");
    for run in 0..2 {
        s.psql_clean(OWNER, OWNER_PW, db, &rotate)
            .unwrap_or_else(|e| panic!("{}: rotate {run}: {e}", s.version));
    }
    for (user, pw) in [("etl", "old-pw"), ("etl_2", "new-pw")] {
        s.psql(user, pw, db, "SELECT count(*) FROM public.orders;")
            .unwrap_or_else(|e| {
                panic!(
                    "{}: {user} cannot sign in during the overlap: {e}",
                    s.version
                )
            });
    }
    let second = form(Preset::ReadWrite, db, "etl_2").with(Field::Schemas, "public");
    let (a, b) = (inspect_clean(s, db, &first), inspect_clean(s, db, &second));
    let same = |o: &str, name: &str| {
        let mut lines: Vec<String> = o
            .lines()
            .map(|l| {
                l.replace(&format!("\t{name}\t"), "\tUSER\t")
                    .replace(name, "USER")
            })
            .collect();
        lines.sort();
        lines
    };
    assert_eq!(
        same(&a, "etl"),
        same(&b, "etl_2"),
        "{}: the pair's privileges differ",
        s.version
    );
    // Step 2, twice: only the new user is left, and it still works.
    let retire = render(&first, Part::Retire).unwrap();
    for run in 0..2 {
        s.psql_clean(OWNER, OWNER_PW, db, &retire)
            .unwrap_or_else(|e| panic!("{}: retire {run}: {e}", s.version));
    }
    let left = s.su(
        db,
        "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolname IN ('etl', 'etl_2');",
    );
    assert_eq!(left.trim(), "etl_2", "{}", s.version);
    s.psql("etl_2", "new-pw", db, "SELECT 1;")
        .unwrap_or_else(|e| panic!("{}: the new user after retire: {e}", s.version));
    inspect_clean(s, db, &second);
    s.psql_clean(
        OWNER,
        OWNER_PW,
        db,
        scripts(&second).uninstall.as_deref().unwrap(),
    )
    .unwrap_or_else(|e| panic!("{}: uninstall: {e}", s.version));
}
