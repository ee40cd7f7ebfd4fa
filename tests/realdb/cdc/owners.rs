//! The owners group (option `owners-group`) for real: two listed tables of two owners
//! (one with a hostile name, as is its owner and the user), set up twice with zero
//! warnings by a superuser and by a non-superuser who owns the tables; then the user
//! alters the publication and, given CREATE on the database as Debezium's docs ask for
//! that, creates one of the listed tables, as Debezium does; the user streams an INSERT;
//! each owner still writes and alters its table; the drift check finds no drift;
//! uninstall twice gives each table back to its owner and leaves no group. A runner who
//! may not act as an owner is refused with nothing changed.

use grantsmith::core::provider::Provider;
use grantsmith::core::{generate, Field, Intent, Switch};

use super::super::server::Server;
use super::{intent, set_up, stream, tables, tear_down, PW, RUNNER_PW};

/// The second table and its owner, hostile names (psql variables quote them, not ours).
const OWNER_B: &str = "og \"B\" o'k";
const TABLE_B: &str = "Line \"Items\" 'x";

/// The listed tables as the form takes them.
fn listed() -> String {
    format!("app.orders, app.\"{}\"", TABLE_B.replace('"', "\"\""))
}

/// `app.orders` owned by `owner_a` (the database's owner too), and `app.<TABLE_B>`
/// made by `OWNER_B`, which then loses CREATE on the schema (so giving the table back
/// needs the script's passing grant).
fn two_owners(s: &Server, db: &str, owner_a: &str) {
    tables(s, db, owner_a);
    let vars = [("b", OWNER_B), ("t", TABLE_B), ("a", owner_a)];
    s.psql_vars(
        "postgres",
        super::super::server::SU_PASSWORD,
        db,
        "GRANT CREATE, USAGE ON SCHEMA app TO :\"b\";
         SET ROLE :\"b\";
         CREATE TABLE app.:\"t\" (k text PRIMARY KEY, n int);
         RESET ROLE;
         REVOKE CREATE ON SCHEMA app FROM :\"b\";",
        &vars,
    )
    .unwrap();
}

/// Who owns each listed table, and whether the group is there.
fn owners(s: &Server, db: &str, i: &Intent) -> String {
    let g = grantsmith::core::backend::postgres::cdc::names::group(i.get(Field::Role));
    s.psql_vars(
        "postgres",
        super::super::server::SU_PASSWORD,
        db,
        "SELECT string_agg(c.relname || '=' || pg_get_userbyid(c.relowner), ';' ORDER BY c.relname)
            || ';group=' || (SELECT count(*) FROM pg_roles WHERE rolname = :'g')
           FROM pg_class c WHERE c.relnamespace = 'app'::regnamespace AND c.relname IN ('orders', :'t');",
        &[("g", g.raw()), ("t", TABLE_B)],
    )
    .unwrap()
    .trim()
    .to_string()
}

/// As the user, what Debezium does with the group: `ALTER PUBLICATION … SET TABLE` on
/// the setup's publication (its `filtered` mode), then, with CREATE on the database
/// (Debezium's separate requirement for creating one), `CREATE PUBLICATION … FOR
/// TABLE` of the listed tables; then each owner writes and alters its own table.
fn tool_and_owners(s: &Server, db: &str, i: &Intent, owner_a: (&str, &str)) {
    let user = i.get(Field::Role);
    let p = grantsmith::core::backend::postgres::cdc::names::publication(user);
    let vars = [("p", p.raw()), ("t", TABLE_B), ("u", user), ("db", db)];
    let as_user = |sql: &str| s.psql_vars(user, PW, db, sql, &vars);
    as_user("ALTER PUBLICATION :\"p\" SET TABLE app.orders, app.:\"t\";").unwrap_or_else(|e| {
        panic!(
            "PostgreSQL {}: the tool's ALTER PUBLICATION: {e}",
            s.version
        )
    });
    let refused = as_user("CREATE PUBLICATION dbz_publication FOR TABLE app.orders;").unwrap_err();
    assert!(
        refused.contains("permission denied for database"),
        "{refused}"
    );
    let su = |sql: &str| {
        s.psql_vars(
            "postgres",
            super::super::server::SU_PASSWORD,
            db,
            sql,
            &vars,
        )
        .unwrap()
    };
    su("GRANT CREATE ON DATABASE :\"db\" TO :\"u\";");
    as_user("CREATE PUBLICATION dbz_publication FOR TABLE app.orders, app.:\"t\"; DROP PUBLICATION dbz_publication;")
        .unwrap_or_else(|e| panic!("PostgreSQL {}: the tool's CREATE PUBLICATION: {e}", s.version));
    su("REVOKE CREATE ON DATABASE :\"db\" FROM :\"u\";");
    s.psql(owner_a.0, owner_a.1, db,
        "INSERT INTO app.orders VALUES ('owner-a', 'x'); UPDATE app.orders SET note = 'y' WHERE k = 'owner-a';
         ALTER TABLE app.orders ADD COLUMN extra int; ALTER TABLE app.orders DROP COLUMN extra;
         DELETE FROM app.orders WHERE k = 'owner-a';")
        .unwrap_or_else(|e| panic!("PostgreSQL {}: owner {}: {e}", s.version, owner_a.0));
    s.psql_vars(
        OWNER_B,
        RUNNER_PW,
        db,
        "INSERT INTO app.:\"t\" VALUES ('owner-b', 1); UPDATE app.:\"t\" SET n = 2;
         ALTER TABLE app.:\"t\" ADD COLUMN extra int; ALTER TABLE app.:\"t\" DROP COLUMN extra;
         DELETE FROM app.:\"t\";",
        &vars,
    )
    .unwrap_or_else(|e| panic!("PostgreSQL {}: owner {OWNER_B}: {e}", s.version));
}

/// Setup twice, the checks above, no drift, uninstall twice, owners back.
fn round(
    s: &Server,
    runner: (&str, &str),
    db: &str,
    i: &Intent,
    owner_a: (&str, &str),
    streams: bool,
) {
    let before = owners(s, db, i);
    assert_eq!(
        before,
        format!("{TABLE_B}={OWNER_B};orders={};group=0", owner_a.0)
    );
    set_up(s, runner, db, i, &[]);
    let g = grantsmith::core::backend::postgres::cdc::names::group(i.get(Field::Role));
    assert_eq!(
        owners(s, db, i),
        format!("{TABLE_B}={g};orders={g};group=1", g = g.raw())
    );
    // CREATE on the schema and the database was the group's for one statement only.
    let kept = s.psql_vars(
        "postgres",
        super::super::server::SU_PASSWORD,
        db,
        "SELECT has_schema_privilege(:'g', 'app', 'CREATE') OR has_database_privilege(:'g', current_database(), 'CREATE');",
        &[("g", g.raw())],
    );
    assert_eq!(kept.unwrap().trim(), "f", "PostgreSQL {}", s.version);
    tool_and_owners(s, db, i, owner_a);
    if streams {
        stream(s, db, i, true);
    }
    let report = super::drift::check(s, runner, db, i);
    assert!(
        !report.drift(),
        "PostgreSQL {}: {:#?}",
        s.version,
        report.rows
    );
    assert!(
        report
            .rows
            .iter()
            .any(|r| r.to_string().contains("member of") && r.to_string().contains("owners group")),
        "{:#?}",
        report.rows
    );
    // A table given back by hand is drift; the setup run again takes it (and records
    // the same owner).
    s.su(
        db,
        &format!("ALTER TABLE app.orders OWNER TO {};", owner_a.0),
    );
    let report = super::drift::check(s, runner, db, i);
    let missing: Vec<String> = report
        .rows
        .iter()
        .filter(|r| r.status != grantsmith::core::drift::Status::Present)
        .map(ToString::to_string)
        .collect();
    assert_eq!(missing.len(), 1, "PostgreSQL {}: {missing:#?}", s.version);
    assert!(
        missing[0].starts_with("missing: table \"app\".\"orders\" owned by the owners group"),
        "{missing:?}"
    );
    // A second setup keeps the recorded owners (not the group's name).
    set_up(s, runner, db, i, &[]);
    tear_down(s, runner, db, i);
    assert_eq!(owners(s, db, i), before, "PostgreSQL {}", s.version);
}

/// Every owners-group scenario on this server (after `as_rds`, whose roles it reuses).
pub(super) fn run(s: &Server) {
    let started = std::time::Instant::now();
    // The superuser, a hostile user name; the user streams.
    s.su(
        "postgres",
        "CREATE ROLE og_owner LOGIN PASSWORD 'runner-secret'; CREATE ROLE \"og \"\"B\"\" o'k\" LOGIN PASSWORD 'runner-secret';",
    );
    two_owners(s, "og_su", "og_owner");
    let mut i = intent("og_su", "Cdc \"Own\" 1", &listed(), None);
    i.set_switch(Switch::OwnersGroup, true);
    let su = ("postgres", super::super::server::SU_PASSWORD);
    round(s, su, "og_su", &i, ("og_owner", RUNNER_PW), true);

    // A non-superuser who owns one table and is a member of the other's owner (Amazon
    // RDS's fixture: REPLICATION through rds_replication, on every version).
    s.su(
        "postgres",
        "CREATE ROLE og_master LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';
         GRANT rds_superuser TO og_master; GRANT \"og \"\"B\"\" o'k\" TO og_master;",
    );
    two_owners(s, "og_rds", "og_master");
    let mut r = intent("og_rds", "og_reader", &listed(), Some(Provider::Rds));
    r.set_switch(Switch::OwnersGroup, true);
    let master = ("og_master", RUNNER_PW);
    round(s, master, "og_rds", &r, master, false);

    // A runner who may create roles but not act as the owner: refused, nothing changed.
    s.su(
        "postgres",
        "CREATE ROLE og_stranger LOGIN CREATEROLE PASSWORD 'runner-secret'; GRANT rds_superuser TO og_stranger;",
    );
    let before = owners(s, "og_rds", &r);
    let err = s
        .psql(
            "og_stranger",
            RUNNER_PW,
            "og_rds",
            generate(&r).setup.as_ref().unwrap(),
        )
        .unwrap_err();
    assert!(
        err.contains("Only a table's owner or a superuser may add it to a publication, and og_stranger may not"),
        "{err}"
    );
    assert_eq!(owners(s, "og_rds", &r), before);
    let left = s.su(
        "og_rds",
        "SELECT count(*) FROM pg_roles WHERE rolname IN ('og_reader', 'og_reader_owners')",
    );
    assert_eq!(left.trim(), "0", "PostgreSQL {}", s.version);
    // A member of both owners without CREATEROLE: the group's own check, nothing changed.
    s.su(
        "postgres",
        "CREATE ROLE og_plain LOGIN PASSWORD 'runner-secret'; GRANT og_master, \"og \"\"B\"\" o'k\" TO og_plain;",
    );
    let err = s
        .psql(
            "og_plain",
            RUNNER_PW,
            "og_rds",
            generate(&r).setup.as_ref().unwrap(),
        )
        .unwrap_err();
    assert!(
        err.contains("Role og_plain may not create the owners group (it needs CREATEROLE)"),
        "{err}"
    );
    assert_eq!(owners(s, "og_rds", &r), before);
    s.su("postgres", "DROP DATABASE og_su; DROP DATABASE og_rds;");
    println!(
        "PostgreSQL {}: owners group passed in {:.1} s",
        s.version,
        started.elapsed().as_secs_f64()
    );
}
