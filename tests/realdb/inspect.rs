//! The inspect query on real PostgreSQL: run with psql -At as the tests' superuser, its
//! output reads back through `drift::read`, and each kind of drift a DBA meets shows up
//! as its fact, names with tabs, new lines and backslashes included.

use grantsmith::core::drift::{read, Fact, Inspection};
use grantsmith::core::{generate, Db, Field, Intent, Preset};

use super::fixture::{self, OWNER, OWNER_PW};
use super::scenarios::script;
use super::server::Server;

fn inspect(s: &Server, db: &str, role: &str) -> Inspection {
    let i = Intent::new(Db::Postgres, Preset::ReadWrite)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, role);
    let q = generate(&i)
        .inspect
        .expect("PostgreSQL has an inspect query");
    let out = s.su(db, &q);
    read(&out, role).unwrap_or_else(|e| panic!("{}: {e}\n{out}", s.version))
}

fn has(i: &Inspection, kind: &str, fields: &[&str]) -> bool {
    let want = Fact {
        kind: kind.into(),
        fields: fields.iter().map(|f| f.to_string()).collect(),
    };
    i.facts.contains(&want)
}

pub fn run(s: &Server) {
    let (db, role) = ("p_inspect", "in\tspect\\ed\nuser");
    fixture::database(s, db);
    // Before the user exists: a header saying so, and only the objects in scope.
    let none = inspect(s, db, role);
    assert!(
        !none.exists && none.facts.iter().all(|f| f.kind == "object"),
        "{none:?}"
    );
    assert!(has(&none, "object", &["table", "public", "orders", ""]));
    let i = Intent::new(Db::Postgres, Preset::ReadWrite)
        .with(Field::Host, "db.example.com")
        .with(Field::Database, db)
        .with(Field::Role, role)
        .with(Field::Schemas, "public");
    s.psql(OWNER, OWNER_PW, db, &script(&i, "pw"))
        .unwrap_or_else(|e| panic!("{}: setup: {e}", s.version));
    let base = inspect(s, db, role);
    assert!(base.exists && base.database == db);
    for p in ["SELECT", "INSERT", "UPDATE", "DELETE"] {
        assert!(
            has(&base, "table", &["public", "orders", p, ""]),
            "{p}: {base:?}"
        );
    }
    assert!(has(&base, "database", &[db, "CONNECT", ""]));
    assert!(has(&base, "default", &[OWNER, "public", "r", "SELECT", ""]));
    assert!(!base
        .facts
        .iter()
        .any(|f| f.kind == "attr" || f.kind == "member"));

    // Drift, the ways the issue lists, each seen as its fact.
    let q = |sql: &str| s.su(db, &sql.replace("ROLE_", "\"in\tspect\\ed\nuser\""));
    q("CREATE SCHEMA \"we\tird\\s\nx\" AUTHORIZATION owner_role;
       GRANT USAGE ON SCHEMA \"we\tird\\s\nx\" TO ROLE_ WITH GRANT OPTION;
       ALTER ROLE ROLE_ CREATEROLE BYPASSRLS;
       CREATE ROLE gs_middle NOLOGIN; GRANT pg_read_server_files TO gs_middle;
       GRANT gs_middle TO ROLE_ WITH ADMIN OPTION;
       GRANT TRUNCATE ON sales.deals TO ROLE_;
       GRANT UPDATE (note) ON public.orders TO ROLE_;
       GRANT EXECUTE ON FUNCTION public.answer() TO ROLE_;
       ALTER DEFAULT PRIVILEGES FOR ROLE owner_role IN SCHEMA sales GRANT INSERT ON TABLES TO ROLE_;
       CREATE POLICY gs_drift ON public.secured FOR SELECT TO ROLE_ USING (true);
       CREATE TABLE public.made_by_user (x int); ALTER TABLE public.made_by_user OWNER TO ROLE_;");
    let d = inspect(s, db, role);
    for (kind, fields) in [
        ("schema", &["we\tird\\s\nx", "USAGE", "grantable"][..]),
        ("attr", &["CREATEROLE"]),
        ("attr", &["BYPASSRLS"]),
        ("member", &["gs_middle", "direct", "admin"]),
        ("member", &["pg_read_server_files", "inherited", ""]),
        ("table", &["sales", "deals", "TRUNCATE", ""]),
        ("column", &["public", "orders", "note", "UPDATE", ""]),
        ("function", &["public", "answer()", "EXECUTE", ""]),
        ("default", &[OWNER, "sales", "r", "INSERT", ""]),
        ("policy", &["public", "secured", "gs_drift"]),
        ("owns", &["table", "public", "made_by_user"]),
    ] {
        assert!(
            has(&d, kind, fields),
            "{}: {kind} {fields:?} in {:?}",
            s.version,
            d.facts
        );
    }
    // Only what is there: nothing made it a superuser, and the revoked-nowhere INSERT on
    // a sales table was never granted.
    assert!(
        !has(&d, "attr", &["SUPERUSER"]) && !has(&d, "table", &["sales", "deals", "INSERT", ""])
    );
    // Another user's output is told apart.
    let out = s.su(db, &generate(&i).inspect.unwrap());
    assert!(read(&out, "someone_else")
        .unwrap_err()
        .contains("not someone_else"));
    s.su(
        db,
        "DROP POLICY gs_drift ON public.secured; DROP TABLE public.made_by_user;",
    );
}
