//! Hosted PostgreSQL as each provider sets it up, written from the providers' documented
//! roles, attributes, memberships and schema owners (facts only), and every preset run
//! as that provider's administrator: zero errors and zero warnings, verify all pass, the
//! new role reads the application's tables and none of the platform's, read-only roles
//! cannot write, uninstall is clean and setup runs clean again.
//!
//! The test cluster's bootstrap superuser is `postgres`, so the administrators that
//! providers name `postgres` (Supabase, Cloud SQL) have another name here; the rest of
//! what they are is the same.

use grantsmith::core::privileges::{DbPriv, Privileges, SchemaPriv, SeqPriv, TablePriv};
use grantsmith::core::provider::{Pick, Provider};
use grantsmith::core::{generate, Db, Field, Intent, Preset, Scope};

use super::server::Server;

mod agree;
mod fixtures;
use fixtures::{Hosted, HOSTED};

const RUNNER_PW: &str = "runner-secret";
/// Strong enough for Neon's 60-bit rule.
const ROLE_PW: &str = "Str0ng!Passw0rd-42";

/// The application's own objects, made by the provider's administrator. Neon, RDS,
/// Cloud SQL and Aiven users create pgcrypto themselves (a trusted extension: its
/// functions belong to the bootstrap superuser, not to them; Aiven: "All database users
/// can manage extensions", aiven.io/docs/products/postgresql/howto/manage-extensions).
fn fill(s: &Server, h: &Hosted) {
    let ext = match h.provider {
        Provider::Neon | Provider::Rds | Provider::CloudSql | Provider::Aiven => {
            "CREATE EXTENSION IF NOT EXISTS pgcrypto;"
        }
        _ => "",
    };
    s.psql(
        h.runner,
        RUNNER_PW,
        h.db,
        &format!(
            "CREATE SCHEMA sales;
             CREATE TABLE public.orders (id serial PRIMARY KEY, note text);
             INSERT INTO public.orders (note) VALUES ('a'), ('b');
             CREATE VIEW public.order_view AS SELECT * FROM public.orders;
             CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
             CREATE TABLE sales.deals (id bigint GENERATED ALWAYS AS IDENTITY, amount int);
             CREATE TABLE public.secured (id int);
             INSERT INTO public.secured VALUES (1), (2);
             ALTER TABLE public.secured ENABLE ROW LEVEL SECURITY;
             {ext}"
        ),
    )
    .unwrap_or_else(|e| panic!("{} {:?}: fixture: {e}", s.version, h.provider));
}

/// The forms every provider runs: the original (all schemas with RLS, listed) and each
/// preset (custom with INSERT), with `(table it reads, whether it may write)`.
fn forms(h: &Hosted) -> Vec<(Intent, &'static str, bool)> {
    let pg = |a: Preset| Intent::new(Db::Postgres, a);
    let mut original_all = Intent::default().with(Field::Owners, h.runner);
    original_all.rls = true;
    let mut original_listed = Intent::default()
        .with(Field::Owners, h.runner)
        .with(Field::Schemas, "public, sales");
    original_listed.scope = Scope::Listed;
    let mut meta_all = pg(Preset::Metadata);
    meta_all.scope = Scope::All;
    vec![
        (original_all, "public.orders", false),
        (original_listed, "sales.deals", false),
        (
            pg(Preset::Metadata).with(Field::Schemas, "public, sales"),
            "public.orders",
            false,
        ),
        (meta_all, "sales.deals", false),
        (
            pg(Preset::ReadWrite).with(Field::Schemas, "sales"),
            "sales.deals",
            true,
        ),
        (pg(Preset::ReadOnly), "public.orders", false),
        (
            {
                let mut c = pg(Preset::Custom).with(Field::Schemas, "public, sales");
                c.custom = Privileges {
                    database: vec![DbPriv::Connect, DbPriv::Temporary],
                    schema: vec![SchemaPriv::Usage],
                    tables: vec![TablePriv::Select, TablePriv::Insert],
                    sequences: vec![SeqPriv::Usage, SeqPriv::Select],
                    functions: true,
                    future: true,
                };
                c
            },
            "public.orders",
            true,
        ),
    ]
}

/// Creates every provider's roles (cluster-wide) once.
pub fn roles(s: &Server) {
    for h in &HOSTED {
        s.su("postgres", h.roles);
    }
}

/// Every preset as every provider's administrator.
pub fn run(s: &Server) {
    for h in &HOSTED {
        s.su("postgres", h.create_db);
        fill(s, h);
        if !h.platform.is_empty() {
            s.su(h.db, h.platform);
        }
        let extensions = || {
            s.su(
                h.db,
                "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension;",
            )
        };
        let before = extensions();
        for (n, (form, table, writes)) in forms(h).into_iter().enumerate() {
            let role = format!("gs_{}_{n}", h.provider.as_str());
            let mut f = form
                .with(Field::Host, h.host.unwrap_or("10.20.30.40"))
                .with(Field::Database, h.db)
                .with(Field::Role, role.as_str())
                .with(Field::Password, ROLE_PW);
            if h.host.is_none() {
                f.set_provider(Pick::Is(h.provider));
            }
            let ctx = format!("{} {:?} {:?} #{n}", s.version, h.provider, f.preset);
            assert_eq!(f.provider(), Some(h.provider), "{ctx}");
            let out = generate(&f);
            let setup = out
                .setup
                .unwrap_or_else(|| panic!("{ctx}: refused {:?}", out.errors));
            if h.provider == Provider::Neon {
                assert!(
                    !setup.contains("SCRAM-SHA-256$"),
                    "{ctx}: Neon takes no hashed password"
                );
            }
            let run = |what: &str, sql: &str| {
                s.psql_clean(h.runner, RUNNER_PW, h.db, sql)
                    .unwrap_or_else(|e| panic!("{ctx}: {what}: {e}\n--- SQL ---\n{sql}"))
            };
            for _ in 0..2 {
                run("setup", &setup);
            }
            let verify = run("verify", &out.verify.unwrap());
            let rows: Vec<&str> = verify.lines().collect();
            assert!(rows.len() > 3, "{ctx}: verify rows {rows:?}");
            let failing: Vec<&&str> = rows.iter().filter(|r| !r.ends_with("|pass")).collect();
            assert!(failing.is_empty(), "{ctx}: verify: {failing:?}");
            // The drift check, inspected as the administrator: exactly what was granted.
            let inspected = run("inspect", &out.inspect.unwrap());
            match grantsmith::core::check_paste(&f, &inspected) {
                Some(Ok(r)) => assert!(
                    !r.drift(),
                    "{ctx}: drift right after setup:\n{}",
                    r.fix_sql()
                ),
                other => panic!("{ctx}: check: {other:?}\n{inspected}"),
            }
            s.psql(
                &role,
                ROLE_PW,
                h.db,
                &format!("SELECT count(*) FROM {table};"),
            )
            .unwrap_or_else(|e| panic!("{ctx}: {role} reading {table}: {e}"));
            let wrote = s.psql(
                &role,
                ROLE_PW,
                h.db,
                &format!("INSERT INTO {table} DEFAULT VALUES;"),
            );
            assert_eq!(
                wrote.is_ok(),
                writes,
                "{ctx}: {role} writing {table}: {wrote:?}"
            );
            let platform = s.su(
                h.db,
                &format!(
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE (n.nspname IN ('auth', 'storage', 'vault', 'pgbouncer', 'supabase_migrations', 'extensions')
                             OR c.oid = to_regclass('_timescaledb_internal.bgw_job_stat_history'))
                        AND has_table_privilege('{role}', c.oid, 'SELECT');"
                ),
            );
            assert_eq!(platform.trim(), "0", "{ctx}: reads the platform's tables");
            let uninstall = out.uninstall.unwrap();
            for _ in 0..2 {
                run("uninstall", &uninstall);
            }
            let left = s.su(
                "postgres",
                &format!("SELECT count(*) FROM pg_roles WHERE rolname = '{role}';"),
            );
            assert_eq!(left.trim(), "0", "{ctx}: role left behind");
            assert_eq!(extensions(), before, "{ctx}: extensions changed");
            run("setup after uninstall", &setup);
            run("uninstall again", &uninstall);
        }
    }
}
