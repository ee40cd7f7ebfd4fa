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

const RUNNER_PW: &str = "runner-secret";
/// Strong enough for Neon's 60-bit rule.
const ROLE_PW: &str = "Str0ng!Passw0rd-42";

/// One provider's fixture.
struct Hosted {
    provider: Provider,
    /// Host typed in the form (`None`: no telling host, the provider is picked).
    host: Option<&'static str>,
    runner: &'static str,
    db: &'static str,
    /// Cluster-wide roles, as the provider creates them (run once per server).
    roles: &'static str,
    /// The database, created by the platform (as superuser).
    create_db: &'static str,
    /// What the platform puts in the database (as superuser), after the runner's tables.
    platform: &'static str,
}

const HOSTED: [Hosted; 7] = [
    Hosted {
        provider: Provider::Supabase,
        host: Some("db.abcdefghijklmnop.supabase.co"),
        runner: "sb_postgres",
        db: "sb_app",
        // `postgres` there: not a superuser since 2023; `supabase_admin` is.
        roles: "CREATE ROLE supabase_admin SUPERUSER NOLOGIN;
                CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT CREATEROLE;
                CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT CREATEROLE;
                CREATE ROLE anon NOLOGIN; CREATE ROLE authenticated NOLOGIN;
                CREATE ROLE service_role NOLOGIN BYPASSRLS;
                CREATE ROLE sb_postgres LOGIN CREATEROLE CREATEDB REPLICATION BYPASSRLS PASSWORD 'runner-secret';
                GRANT anon, authenticated, service_role TO sb_postgres;",
        create_db: "CREATE DATABASE sb_app OWNER sb_postgres;",
        platform: "CREATE SCHEMA auth AUTHORIZATION supabase_auth_admin;
                   CREATE TABLE auth.users (id int); ALTER TABLE auth.users OWNER TO supabase_auth_admin;
                   GRANT USAGE ON SCHEMA auth TO sb_postgres WITH GRANT OPTION;
                   GRANT ALL ON auth.users TO sb_postgres WITH GRANT OPTION;
                   CREATE SCHEMA storage AUTHORIZATION supabase_storage_admin;
                   CREATE TABLE storage.objects (name text); ALTER TABLE storage.objects OWNER TO supabase_storage_admin;
                   ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
                   GRANT USAGE ON SCHEMA storage TO sb_postgres WITH GRANT OPTION;
                   GRANT ALL ON storage.objects TO sb_postgres WITH GRANT OPTION;
                   CREATE SCHEMA vault AUTHORIZATION supabase_admin;
                   CREATE TABLE vault.secrets (secret text);
                   CREATE VIEW vault.decrypted_secrets AS SELECT secret AS decrypted_secret FROM vault.secrets;
                   GRANT USAGE ON SCHEMA vault TO sb_postgres WITH GRANT OPTION;
                   GRANT SELECT ON vault.secrets, vault.decrypted_secrets TO sb_postgres WITH GRANT OPTION;
                   CREATE SCHEMA extensions AUTHORIZATION sb_postgres;
                   CREATE EXTENSION pgcrypto SCHEMA extensions;
                   CREATE SCHEMA pgbouncer AUTHORIZATION supabase_admin;
                   CREATE FUNCTION pgbouncer.get_auth(text) RETURNS text LANGUAGE sql AS 'SELECT $1';
                   GRANT USAGE ON SCHEMA pgbouncer TO sb_postgres;
                   CREATE SCHEMA graphql_public AUTHORIZATION supabase_admin;
                   GRANT USAGE ON SCHEMA graphql_public TO sb_postgres WITH GRANT OPTION;
                   CREATE SCHEMA supabase_migrations AUTHORIZATION sb_postgres;
                   CREATE TABLE supabase_migrations.schema_migrations (version text);
                   ALTER TABLE supabase_migrations.schema_migrations OWNER TO sb_postgres;",
    },
    Hosted {
        provider: Provider::Neon,
        host: Some("ep-sunny-lake-123456.us-east-2.aws.neon.tech"),
        runner: "neondb_owner",
        db: "neondb",
        // Attributes are not inherited, so the owner role carries them itself too.
        roles: "CREATE ROLE cloud_admin SUPERUSER NOLOGIN;
                CREATE ROLE neon_superuser NOLOGIN CREATEDB CREATEROLE BYPASSRLS;
                GRANT pg_read_all_data, pg_write_all_data TO neon_superuser;
                CREATE ROLE neondb_owner LOGIN CREATEDB CREATEROLE BYPASSRLS PASSWORD 'runner-secret';
                GRANT neon_superuser TO neondb_owner;",
        create_db: "CREATE DATABASE neondb OWNER neondb_owner;",
        platform: "",
    },
    Hosted {
        provider: Provider::Rds,
        host: Some("app.c9akciq32.eu-west-1.rds.amazonaws.com"),
        runner: "rds_master",
        db: "rds_app",
        roles: "CREATE ROLE rdsadmin SUPERUSER NOLOGIN;
                CREATE ROLE rds_superuser NOLOGIN;
                CREATE ROLE rds_replication NOLOGIN; CREATE ROLE rds_password NOLOGIN;
                GRANT pg_monitor, pg_signal_backend, rds_replication, rds_password TO rds_superuser WITH ADMIN OPTION;
                CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';
                GRANT rds_superuser TO rds_master;",
        create_db: "CREATE DATABASE rds_app OWNER rds_master;",
        platform: "",
    },
    Hosted {
        provider: Provider::CloudSql,
        host: None,
        runner: "csql_postgres",
        db: "csql_app",
        // The database belongs to the group role; the user reaches it as a member.
        roles: "CREATE ROLE cloudsqladmin SUPERUSER NOLOGIN;
                CREATE ROLE cloudsqlsuperuser NOLOGIN CREATEROLE CREATEDB;
                CREATE ROLE csql_postgres LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';
                GRANT cloudsqlsuperuser TO csql_postgres;",
        create_db: "CREATE DATABASE csql_app OWNER cloudsqlsuperuser;",
        platform: "",
    },
    Hosted {
        provider: Provider::Azure,
        host: Some("app-server.postgres.database.azure.com"),
        runner: "az_admin",
        db: "az_app",
        roles: "CREATE ROLE azuresu SUPERUSER NOLOGIN;
                CREATE ROLE azure_pg_admin NOLOGIN;
                CREATE ROLE az_admin LOGIN CREATEROLE CREATEDB PASSWORD 'runner-secret';
                GRANT azure_pg_admin TO az_admin;",
        create_db: "CREATE DATABASE az_app OWNER az_admin;",
        // Allow-listed extensions are created for the admin; their objects are the
        // superuser's.
        platform: "CREATE EXTENSION pgcrypto;",
    },
    Hosted {
        provider: Provider::Aiven,
        // The host form of aiven.io/docs/products/postgresql/howto/pgbouncer-stats
        // ("demo-pg-dev-advocates.aivencloud.com").
        host: Some("app-pg-myproject.aivencloud.com"),
        runner: "avnadmin",
        db: "avn_app",
        // aiven.io/docs/products/postgresql/concepts/dba-tasks-pg: "Aiven doesn't allow
        // superuser access"; avnadmin "can manage: Databases (`CREATE DATABASE` …)
        // Database users (`CREATE USER/ROLE` …) … Logical replication with the
        // `REPLICATION` privilege" (Terraform aiven_pg_user: "For the default avnadmin
        // user this attribute is required and is always `true`"). Memberships from
        // …/howto/pg-long-running-queries ("avnadmin | pg_read_all_stats", "avnadmin |
        // pg_stat_scan_tables"; a third row is not shown). BYPASSRLS: not documented,
        // so not given. Aiven's own superuser is `postgres` ("available only to Aiven for
        // management purposes", …/howto/claim-public-schema-ownership): the cluster's
        // bootstrap superuser plays it.
        roles: "CREATE ROLE avnadmin LOGIN CREATEDB CREATEROLE REPLICATION PASSWORD 'runner-secret';
                GRANT pg_read_all_stats, pg_stat_scan_tables TO avnadmin;",
        // A database avnadmin made, so its own ("testdb2 | avnadmin",
        // …/howto/pg-object-size); who owns `defaultdb` is not documented.
        create_db: "CREATE DATABASE avn_app OWNER avnadmin;",
        // No provider schema in the database until the user creates aiven_extras
        // (dba-tasks-pg: "You can install the `aiven_extras` extension").
        platform: "",
    },
    Hosted {
        provider: Provider::Timescale,
        // The host form of docs.timescale.com/use-timescale/latest/services/
        // connection-pooling ("service.project.tsdb.cloud.timescale.com").
        host: Some("ab12cd34ef.x1y2z3w4v5.tsdb.cloud.timescale.com"),
        runner: "tsdbadmin",
        // "Each service contains a single database, named `tsdb`."
        // (docs.timescale.com, _partials/_cloud-create-connect-tutorials).
        db: "tsdb",
        // "Tiger Cloud does not provide superuser access. tsdmadmin is not a superuser";
        // "you can use standard PostgreSQL means to create other roles"
        // (tigerdata.com/docs/use-timescale/latest/security/read-only-role); "tsdbadmin
        // or another user that is part of the tsdbowner group" (…/ha-replicas/
        // high-availability); "The tsdbadmin user can now grant the following roles to
        // other users: pg_checkpoint, pg_monitor, pg_signal_backend, pg_read_all_stats,
        // pg_stat_scan_tables" (docs.timescale.com/about/latest/changelog, 2024-07-12;
        // pg_checkpoint left out: PostgreSQL 15+ only). REPLICATION and BYPASSRLS
        // "require superuser access" (migration docs), so it has neither. CREATEDB: not
        // documented (one database per service), so not given.
        roles: "CREATE ROLE tsdbowner NOLOGIN;
                CREATE ROLE tsdbadmin LOGIN CREATEROLE PASSWORD 'runner-secret';
                GRANT tsdbowner TO tsdbadmin;
                GRANT pg_monitor, pg_signal_backend, pg_read_all_stats, pg_stat_scan_tables TO tsdbadmin WITH ADMIN OPTION;",
        // ASSUMPTION (not documented): tsdbadmin owns tsdb. The docs show it making and
        // owning tables in public ("public | company | table | tsdbadmin",
        // getting-started/tables-hypertables).
        create_db: "CREATE DATABASE tsdb OWNER tsdbadmin;",
        // timescaledb is in every service ("For all services", …/use-timescale/latest/
        // extensions) and "only" in public (migrate/troubleshooting), made by the platform;
        // it is not in the test binaries, so pgcrypto, made by the superuser in public,
        // stands in for an extension's objects there. Its schemas as its install script
        // makes them (timescaledb sql/pre_install/schemas.sql, tables.sql): the
        // superuser's, USAGE and catalog SELECT for PUBLIC, bgw_job_stat_history closed
        // ("REVOKE ALL ON _timescaledb_internal.bgw_job_stat_history FROM PUBLIC").
        platform: "CREATE EXTENSION pgcrypto;
                   CREATE SCHEMA _timescaledb_catalog;
                   CREATE TABLE _timescaledb_catalog.hypertable (id int);
                   CREATE SCHEMA _timescaledb_config;
                   CREATE TABLE _timescaledb_config.bgw_job (id int, owner name);
                   CREATE SCHEMA _timescaledb_internal;
                   CREATE TABLE _timescaledb_internal.bgw_job_stat_history (id int);
                   CREATE SCHEMA timescaledb_information;
                   CREATE VIEW timescaledb_information.hypertables AS SELECT id FROM _timescaledb_catalog.hypertable;
                   GRANT USAGE ON SCHEMA _timescaledb_catalog, _timescaledb_config, _timescaledb_internal, timescaledb_information TO PUBLIC;
                   GRANT SELECT ON _timescaledb_catalog.hypertable, _timescaledb_config.bgw_job, timescaledb_information.hypertables TO PUBLIC;",
    },
];

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
