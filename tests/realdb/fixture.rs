//! The database a setup script runs against: an owner role with CREATEROLE (as hosted
//! services give), its tables, views, sequences and functions in several schemas, an
//! `auth` schema the sweep must skip, and a schema the owner cannot use.

use super::server::{Server, SU_PASSWORD};

pub const OWNER: &str = "owner_role";
pub const OWNER_PW: &str = "owner-secret";

/// Creates the cluster-wide roles once per server.
pub fn roles(s: &Server) {
    s.su(
        "postgres",
        &format!(
            "CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PW}';
             CREATE ROLE other_owner NOLOGIN;"
        ),
    );
}

/// A fresh database `db` owned by the owner role, filled as the owner would fill it.
pub fn database(s: &Server, db: &str) {
    s.su("postgres", &format!("CREATE DATABASE {db} OWNER {OWNER};"));
    s.psql(
        OWNER,
        OWNER_PW,
        db,
        r#"
        CREATE SCHEMA sales;
        CREATE SCHEMA auth;
        CREATE SCHEMA "Mixed ""Case""";
        CREATE TABLE public.orders (id serial PRIMARY KEY, note text);
        INSERT INTO public.orders (note) VALUES ('a'), ('b');
        CREATE VIEW public.order_view AS SELECT * FROM public.orders;
        CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
        CREATE TABLE sales.deals (id bigint GENERATED ALWAYS AS IDENTITY, amount int);
        CREATE TABLE auth.users (id int);
        CREATE TABLE "Mixed ""Case""".t (x int);
        CREATE TABLE public.secured (id int);
        INSERT INTO public.secured VALUES (1), (2), (3);
        ALTER TABLE public.secured ENABLE ROW LEVEL SECURITY;
        "#,
    )
    .unwrap_or_else(|e| panic!("{}: fixture as owner: {e}", s.version));
    // A schema the owner role cannot use: the all-schemas sweep must skip it.
    s.su(
        db,
        "CREATE SCHEMA private AUTHORIZATION other_owner;
         CREATE TABLE private.hidden (x int);
         ALTER TABLE private.hidden OWNER TO other_owner;",
    );
    let _ = SU_PASSWORD;
}

/// Every privilege `role` holds, one line each, sorted: relations, functions, schemas,
/// the database, default privileges, and anything it owns. Exactness checks compare
/// this whole listing, so an extra privilege anywhere fails.
pub fn privileges(s: &Server, db: &str, role: &str) -> String {
    s.psql_vars(
        "postgres",
        SU_PASSWORD,
        db,
        r#"
        WITH r AS (SELECT oid FROM pg_roles WHERE rolname = :'role')
        SELECT line FROM (
          SELECT format('rel %s.%s %s %s', n.nspname, c.relname, c.relkind, a.privilege_type) AS line
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                 LATERAL aclexplode(c.relacl) a
           WHERE a.grantee = (SELECT oid FROM r)
          UNION ALL
          SELECT format('func %s.%s %s', n.nspname, p.proname, a.privilege_type)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
                 LATERAL aclexplode(p.proacl) a
           WHERE a.grantee = (SELECT oid FROM r)
          UNION ALL
          SELECT format('schema %s %s', n.nspname, a.privilege_type)
            FROM pg_namespace n, LATERAL aclexplode(n.nspacl) a
           WHERE a.grantee = (SELECT oid FROM r)
          UNION ALL
          SELECT format('db %s %s', d.datname, a.privilege_type)
            FROM pg_database d, LATERAL aclexplode(d.datacl) a
           WHERE a.grantee = (SELECT oid FROM r) AND d.datname = current_database()
          UNION ALL
          SELECT format('default %s %s %s %s', pg_get_userbyid(d.defaclrole),
                        coalesce(n.nspname, '*'), d.defaclobjtype, a.privilege_type)
            FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace,
                 LATERAL aclexplode(d.defaclacl) a
           WHERE a.grantee = (SELECT oid FROM r)
          UNION ALL
          SELECT format('owns rel %s', c.oid::regclass) FROM pg_class c WHERE c.relowner = (SELECT oid FROM r)
          UNION ALL
          SELECT format('owns schema %s', nspname) FROM pg_namespace WHERE nspowner = (SELECT oid FROM r)
          UNION ALL
          SELECT format('owns func %s', proname) FROM pg_proc WHERE proowner = (SELECT oid FROM r)
        ) x ORDER BY line;
        "#,
        &[("role", role)],
    )
    .unwrap_or_else(|e| panic!("{}: privilege listing: {e}", s.version))
}

/// What the original's script grants `role` in the fixture with "All schemas".
pub fn expected_all(db: &str, owners: &[&str]) -> String {
    expected(db, &["Mixed \"Case\"", "public", "sales"], owners, false)
}

/// The exact listing for grants on `schemas` plus default privileges from `owners`:
/// global (all schemas), or in each of `schemas` with a `listed` scope (no future
/// schemas then).
pub fn expected(db: &str, schemas: &[&str], owners: &[&str], listed: bool) -> String {
    let mut lines: Vec<String> = Vec::new();
    for sch in schemas {
        lines.push(format!("schema {sch} USAGE"));
        let (rels, funcs): (&[(&str, char)], &[&str]) = match *sch {
            "public" => (
                &[("orders", 'r'), ("order_view", 'v'), ("secured", 'r')],
                &["answer"],
            ),
            "sales" => (&[("deals", 'r')], &[]),
            "Mixed \"Case\"" => (&[("t", 'r')], &[]),
            other => panic!("no fixture for schema {other}"),
        };
        for (rel, kind) in rels {
            for p in ["SELECT", "TRIGGER"] {
                lines.push(format!("rel {sch}.{rel} {kind} {p}"));
            }
        }
        let seqs: &[&str] = match *sch {
            "public" => &["orders_id_seq"],
            "sales" => &["deals_id_seq"],
            _ => &[],
        };
        for seq in seqs {
            for p in ["SELECT", "USAGE"] {
                lines.push(format!("rel {sch}.{seq} S {p}"));
            }
        }
        for f in funcs {
            lines.push(format!("func {sch}.{f} EXECUTE"));
        }
    }
    for p in ["CONNECT", "CREATE", "TEMPORARY"] {
        lines.push(format!("db {db} {p}"));
    }
    let places: Vec<&str> = if listed { schemas.to_vec() } else { vec!["*"] };
    for o in owners {
        for (kind, privs) in [
            ("n", &["USAGE"][..]),
            ("r", &["SELECT", "TRIGGER"]),
            ("S", &["SELECT", "USAGE"]),
            ("f", &["EXECUTE"]),
        ] {
            if listed && kind == "n" {
                continue;
            }
            for place in &places {
                // TRIGGER is withheld from a superuser's future tables (`postgres`).
                for p in privs
                    .iter()
                    .filter(|p| !(**p == "TRIGGER" && *o == "postgres"))
                {
                    lines.push(format!("default {o} {place} {kind} {p}"));
                }
            }
        }
    }
    lines.sort();
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// [`expected_plan`] as server `s` lists it: before 15 the bootstrap superuser owns
/// `public` and PUBLIC may use (and create in) it, so the owner's GRANT on it only warns
/// and nothing on `public` itself is listed.
pub fn expected_plan_on(
    s: &Server,
    db: &str,
    schemas: &[&str],
    p: &grantsmith::core::privileges::Privileges,
    runner: &str,
) -> String {
    let expected = expected_plan(db, schemas, p, runner);
    if s.major() >= 15 {
        return expected;
    }
    expected
        .lines()
        .filter(|l| !l.starts_with("schema public "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The exact listing for a preset's plan on the fixture, run by `runner` (who then owns
/// the per-schema default privileges).
fn expected_plan(
    db: &str,
    schemas: &[&str],
    p: &grantsmith::core::privileges::Privileges,
    runner: &str,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    for sch in schemas {
        for sp in &p.schema {
            lines.push(format!("schema {sch} {}", sp.as_str()));
        }
        let (rels, seqs, funcs): (&[(&str, char)], &[&str], &[&str]) = match *sch {
            "public" => (
                &[("orders", 'r'), ("order_view", 'v'), ("secured", 'r')],
                &["orders_id_seq"],
                &["answer"],
            ),
            "sales" => (&[("deals", 'r')], &["deals_id_seq"], &[]),
            "Mixed \"Case\"" => (&[("t", 'r')], &[], &[]),
            other => panic!("no fixture for schema {other}"),
        };
        for (rel, kind) in rels {
            for tp in &p.tables {
                lines.push(format!("rel {sch}.{rel} {kind} {}", tp.as_str()));
            }
        }
        for seq in seqs {
            for sp in &p.sequences {
                lines.push(format!("rel {sch}.{seq} S {}", sp.as_str()));
            }
        }
        if p.functions {
            for f in funcs {
                lines.push(format!("func {sch}.{f} EXECUTE"));
            }
        }
        if p.future {
            for tp in &p.tables {
                lines.push(format!("default {runner} {sch} r {}", tp.as_str()));
            }
            for sp in &p.sequences {
                lines.push(format!("default {runner} {sch} S {}", sp.as_str()));
            }
            if p.functions {
                lines.push(format!("default {runner} {sch} f EXECUTE"));
            }
        }
    }
    for d in &p.database {
        lines.push(format!("db {db} {}", d.as_str()));
    }
    if lines.is_empty() {
        return String::new();
    }
    lines.sort();
    lines.join("\n") + "\n"
}
