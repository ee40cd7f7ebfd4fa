//! A hosted provider's administrator in the stand-in, as the real-server tests build it
//! (`tests/realdb/providers/fixtures.rs`, written from each provider's documented
//! roles, attributes and memberships; `tests/realdb/providers/agree.rs` fails when the
//! two part: every statement here must be the fixture's): not a superuser, CREATEROLE, a member of the platform's
//! group role, owner of the database. The setup then runs as that role, so what it may
//! not do there fails here too. An administrator the provider names `postgres` (Cloud
//! SQL, Supabase) has another name here, as in those tests, whose servers' own
//! superuser is `postgres` (the page frees that name in PGlite, `mod.rs`, so a form's
//! owner may be `postgres`). On Supabase (`postgres` there is not a superuser; `supabase_admin` is)
//! the stand-in also holds the platform schemas `auth`, `storage` (a table with
//! row-level security) and `vault`, owned by the platform roles with the grants the
//! fixture gives the administrator: "all schemas" leaves them out (`hosted.rs` one level
//! up), so the new user must not read their tables. DigitalOcean and Render have no
//! fixture and run as the superuser, and the plan's notes say so.

use crate::core::provider::Provider;

/// The administrator's stand-in.
pub struct Admin {
    /// The role the script runs as.
    pub name: &'static str,
    /// Cluster-wide roles, as the provider creates them.
    pub roles: &'static [&'static str],
    /// The database's owner (the administrator, or its group role on Cloud SQL).
    pub db_owner: &'static str,
    /// The provider's own schemas and grants, built after `roles` as the superuser.
    pub platform: &'static [&'static str],
    /// Tables in those schemas (quoted) the new user must not read with "all schemas".
    pub platform_tables: &'static [&'static str],
}

/// The stand-in for `p`'s administrator, where the real-server tests have one.
pub fn admin(p: Provider) -> Option<Admin> {
    match p {
        // Neon: neondb_owner, a member of neon_superuser (CREATEDB, CREATEROLE,
        // BYPASSRLS); attributes are not inherited, so the owner carries them itself.
        Provider::Neon => Some(Admin {
            name: "neondb_owner",
            roles: &[
                "CREATE ROLE neon_superuser NOLOGIN CREATEDB CREATEROLE BYPASSRLS",
                "GRANT pg_read_all_data, pg_write_all_data TO neon_superuser",
                "CREATE ROLE neondb_owner LOGIN CREATEDB CREATEROLE BYPASSRLS",
                "GRANT neon_superuser TO neondb_owner",
            ],
            db_owner: "neondb_owner",
            platform: &[],
            platform_tables: &[],
        }),
        // RDS and Aurora: the master user, a member of rds_superuser.
        Provider::Rds => Some(Admin {
            name: "rds_master",
            roles: &[
                "CREATE ROLE rds_superuser NOLOGIN",
                "CREATE ROLE rds_replication NOLOGIN",
                "CREATE ROLE rds_password NOLOGIN",
                "GRANT pg_monitor, pg_signal_backend, rds_replication, rds_password TO rds_superuser WITH ADMIN OPTION",
                "CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB",
                "GRANT rds_superuser TO rds_master",
            ],
            db_owner: "rds_master",
            platform: &[],
            platform_tables: &[],
        }),
        // Cloud SQL: postgres, a member of cloudsqlsuperuser, which owns the database.
        Provider::CloudSql => Some(Admin {
            name: "csql_postgres",
            roles: &[
                "CREATE ROLE cloudsqlsuperuser NOLOGIN CREATEROLE CREATEDB",
                "CREATE ROLE csql_postgres LOGIN CREATEROLE CREATEDB",
                "GRANT cloudsqlsuperuser TO csql_postgres",
            ],
            db_owner: "cloudsqlsuperuser",
            platform: &[],
            platform_tables: &[],
        }),
        // Azure flexible server: the administrator, a member of azure_pg_admin.
        Provider::Azure => Some(Admin {
            name: "az_admin",
            roles: &[
                "CREATE ROLE azure_pg_admin NOLOGIN",
                "CREATE ROLE az_admin LOGIN CREATEROLE CREATEDB",
                "GRANT azure_pg_admin TO az_admin",
            ],
            db_owner: "az_admin",
            platform: &[],
            platform_tables: &[],
        }),
        // Supabase: postgres (sb_postgres here), CREATEROLE, BYPASSRLS, a member of the
        // API roles; the platform roles own auth and storage and grant it their tables.
        Provider::Supabase => Some(Admin {
            name: "sb_postgres",
            roles: &[
                "CREATE ROLE supabase_admin SUPERUSER NOLOGIN",
                "CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT CREATEROLE",
                "CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT CREATEROLE",
                "CREATE ROLE anon NOLOGIN",
                "CREATE ROLE authenticated NOLOGIN",
                "CREATE ROLE service_role NOLOGIN BYPASSRLS",
                "CREATE ROLE sb_postgres LOGIN CREATEROLE CREATEDB REPLICATION BYPASSRLS",
                "GRANT anon, authenticated, service_role TO sb_postgres",
            ],
            db_owner: "sb_postgres",
            platform: &[
                "CREATE SCHEMA auth AUTHORIZATION supabase_auth_admin",
                "CREATE TABLE auth.users (id int)",
                "INSERT INTO auth.users VALUES (1)",
                "ALTER TABLE auth.users OWNER TO supabase_auth_admin",
                "GRANT USAGE ON SCHEMA auth TO sb_postgres WITH GRANT OPTION",
                "GRANT ALL ON auth.users TO sb_postgres WITH GRANT OPTION",
                "CREATE SCHEMA storage AUTHORIZATION supabase_storage_admin",
                "CREATE TABLE storage.objects (name text)",
                "ALTER TABLE storage.objects OWNER TO supabase_storage_admin",
                "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY",
                "GRANT USAGE ON SCHEMA storage TO sb_postgres WITH GRANT OPTION",
                "GRANT ALL ON storage.objects TO sb_postgres WITH GRANT OPTION",
                "CREATE SCHEMA vault AUTHORIZATION supabase_admin",
                "CREATE TABLE vault.secrets (secret text)",
                "GRANT USAGE ON SCHEMA vault TO sb_postgres WITH GRANT OPTION",
                "GRANT SELECT ON vault.secrets TO sb_postgres WITH GRANT OPTION",
            ],
            platform_tables: &["auth.users", "storage.objects", "vault.secrets"],
        }),
        // Aiven: avnadmin, not a superuser ("Aiven doesn't allow superuser access",
        // aiven.io/docs/products/postgresql/concepts/dba-tasks-pg); it may CREATE
        // DATABASE and CREATE USER/ROLE and has "the `REPLICATION` privilege" (same
        // page); a member of pg_read_all_stats and pg_stat_scan_tables
        // (…/howto/pg-long-running-queries). The database is one avnadmin made, so its
        // own ("testdb2 | avnadmin", …/howto/pg-object-size). No provider schema sits in
        // the database until the user creates aiven_extras (dba-tasks-pg).
        Provider::Aiven => Some(Admin {
            name: "avnadmin",
            roles: &[
                "CREATE ROLE avnadmin LOGIN CREATEDB CREATEROLE REPLICATION",
                "GRANT pg_read_all_stats, pg_stat_scan_tables TO avnadmin",
            ],
            db_owner: "avnadmin",
            platform: &[],
            platform_tables: &[],
        }),
        // Timescale Cloud: tsdbadmin, "not a superuser" and free to "create other roles"
        // (tigerdata.com/docs/use-timescale/latest/security/read-only-role), "part of the
        // tsdbowner group" (…/ha-replicas/high-availability); it "can now grant …
        // pg_monitor, pg_signal_backend, pg_read_all_stats, pg_stat_scan_tables"
        // (docs.timescale.com/about/latest/changelog, 2024-07-12). ASSUMPTION (not
        // documented): it owns tsdb (it makes and owns tables in public). PGlite cannot
        // load timescaledb: its schemas are look-alikes, the superuser's, with USAGE and
        // catalog SELECT for PUBLIC and bgw_job_stat_history closed, as its install
        // script makes them (timescaledb sql/pre_install), and the notes say so.
        Provider::Timescale => Some(Admin {
            name: "tsdbadmin",
            roles: &[
                "CREATE ROLE tsdbowner NOLOGIN",
                "CREATE ROLE tsdbadmin LOGIN CREATEROLE",
                "GRANT tsdbowner TO tsdbadmin",
                "GRANT pg_monitor, pg_signal_backend, pg_read_all_stats, pg_stat_scan_tables TO tsdbadmin WITH ADMIN OPTION",
            ],
            db_owner: "tsdbadmin",
            platform: &[
                "CREATE SCHEMA _timescaledb_catalog",
                "CREATE TABLE _timescaledb_catalog.hypertable (id int)",
                "CREATE SCHEMA _timescaledb_config",
                "CREATE TABLE _timescaledb_config.bgw_job (id int, owner name)",
                "CREATE SCHEMA _timescaledb_internal",
                "CREATE TABLE _timescaledb_internal.bgw_job_stat_history (id int)",
                "CREATE SCHEMA timescaledb_information",
                "CREATE VIEW timescaledb_information.hypertables AS SELECT id FROM _timescaledb_catalog.hypertable",
                "GRANT USAGE ON SCHEMA _timescaledb_catalog, _timescaledb_config, _timescaledb_internal, timescaledb_information TO PUBLIC",
                "GRANT SELECT ON _timescaledb_catalog.hypertable, _timescaledb_config.bgw_job, timescaledb_information.hypertables TO PUBLIC",
            ],
            platform_tables: &["_timescaledb_internal.bgw_job_stat_history"],
        }),
        Provider::DigitalOcean | Provider::Render => None,
    }
}
