//! Each hosted provider as it sets itself up, from its documentation: the administrator's
//! roles, attributes and memberships (cluster-wide), the database and what the platform
//! puts in it. `super` runs every preset against them.

use grantsmith::core::provider::Provider;

/// One provider's fixture.
pub struct Hosted {
    /// The provider the form must tell (from `host`, or picked).
    pub provider: Provider,
    /// Host typed in the form (`None`: no telling host, the provider is picked).
    pub host: Option<&'static str>,
    /// The administrator the scripts run as (password `runner-secret`).
    pub runner: &'static str,
    /// The database the platform makes for it.
    pub db: &'static str,
    /// Cluster-wide roles, as the provider creates them (run once per server).
    pub roles: &'static str,
    /// The database, created by the platform (as superuser).
    pub create_db: &'static str,
    /// What the platform puts in the database (as superuser), after the runner's tables.
    pub platform: &'static str,
}

/// Every provider the tests model.
pub const HOSTED: [Hosted; 7] = [
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
                   GRANT SELECT ON vault.secrets TO sb_postgres WITH GRANT OPTION;
                   GRANT SELECT ON vault.decrypted_secrets TO sb_postgres WITH GRANT OPTION;
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
