//! A hosted provider's administrator in the stand-in, as the real-server tests build it
//! (`tests/realdb/providers.rs`, written from each provider's documented roles,
//! attributes and memberships): not a superuser, CREATEROLE, a member of the platform's
//! group role, owner of the database. The setup then runs as that role, so what it may
//! not do there fails here too. PGlite's bootstrap superuser is `postgres`, so an
//! administrator the provider names `postgres` (Cloud SQL) has another name here, as in
//! those tests. Supabase (platform schemas and roles) and the providers the tests have
//! no fixture for run as the superuser, and the plan's notes say so.

use crate::core::provider::Provider;

/// The administrator's stand-in.
pub struct Admin {
    /// The role the script runs as.
    pub name: &'static str,
    /// Cluster-wide roles, as the provider creates them.
    pub roles: &'static [&'static str],
    /// The database's owner (the administrator, or its group role on Cloud SQL).
    pub db_owner: &'static str,
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
        }),
        Provider::Supabase
        | Provider::Aiven
        | Provider::DigitalOcean
        | Provider::Render
        | Provider::Timescale => None,
    }
}
