//! Where change data capture differs per provider: how the user gets REPLICATION, and
//! the server setting that turns logical decoding on, in each provider's own words.
//! Shown above Generate (before any script), and the first reason a replication user
//! fails: the tools' issue trackers are full of both.
//!
//! Sources (each fact below carries its own):
//! - PostgreSQL: <https://www.postgresql.org/docs/current/logical-replication-config.html>,
//!   <https://www.postgresql.org/docs/current/role-attributes.html> (REPLICATION is an
//!   attribute, never inherited; airbytehq/airbyte#23330 found it the hard way).
//! - Amazon RDS / Aurora: <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.FeatureSupport.LogicalReplication.html>
//!   (`rds.logical_replication = 1`, a static parameter: reboot), Debezium's RDS notes
//!   (`GRANT rds_replication`, debezium/debezium#2180).
//! - Cloud SQL: <https://cloud.google.com/datastream/docs/configure-cloudsql-psql>
//!   (flag `cloudsql.logical_decoding = on`, restart; `ALTER USER … WITH REPLICATION`).
//! - Azure flexible server: <https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-logical>
//!   (server parameter `wal_level = logical`, restart; `ALTER ROLE … WITH REPLICATION`).
//! - Neon: <https://neon.com/docs/guides/logical-replication-neon> (the project's Logical
//!   Replication setting; inactive slots removed after about 40 hours) and Estuary's Neon
//!   guide (roles made in the Console, CLI or API belong to `neon_superuser`, which has
//!   REPLICATION).
//! - Supabase: supabase/supabase#20724 and supabase/supautils#70 (`postgres` has
//!   REPLICATION, but before PostgreSQL 17 may not give it).

use crate::core::intent::{Field, Intent};
use crate::core::provider::Provider;

/// How the user gets REPLICATION on a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replication {
    /// `ALTER ROLE … WITH REPLICATION` (self-hosted, Cloud SQL, Azure and the rest).
    Attribute,
    /// `GRANT rds_replication TO …` (Amazon RDS and Aurora).
    RdsRole,
    /// Given where the role running the script may (a superuser, or on 16+ a role with
    /// REPLICATION and CREATEROLE), else a NOTICE says how: Neon, Supabase.
    IfRunnerMay,
}

impl Replication {
    /// The way on `provider`.
    pub fn on(provider: Option<Provider>) -> Replication {
        match provider {
            Some(Provider::Rds) => Replication::RdsRole,
            Some(Provider::Neon | Provider::Supabase) => Replication::IfRunnerMay,
            _ => Replication::Attribute,
        }
    }
}

/// What the server needs, in the provider's own words.
fn server_setting(provider: Option<Provider>) -> String {
    let generic = "wal_level = logical, with max_replication_slots and max_wal_senders above what is in use, and max_slot_wal_keep_size to cap the WAL a stalled slot keeps";
    match provider {
        None => format!("Server settings (postgresql.conf, then a restart): {generic}."),
        Some(Provider::Rds) => "Amazon RDS / Aurora: set rds.logical_replication = 1 in the DB (cluster) parameter group and reboot (wal_level then reads logical); max_replication_slots and max_wal_senders are parameters there too. The user gets REPLICATION as GRANT rds_replication.".into(),
        Some(Provider::CloudSql) => "Cloud SQL: set the database flag cloudsql.logical_decoding = on (the instance restarts); max_replication_slots and max_wal_senders are flags too. The user gets REPLICATION with ALTER ROLE … WITH REPLICATION.".into(),
        Some(Provider::Azure) => "Azure flexible server: set the server parameter wal_level = logical (Server parameters, then restart); max_replication_slots and max_wal_senders are server parameters too. The user gets REPLICATION with ALTER ROLE … WITH REPLICATION.".into(),
        Some(Provider::Neon) => "Neon: turn on Logical Replication in the project's settings (computes restart; it cannot be turned off). Neon removes replication slots that stay inactive for about 40 hours.".into(),
        Some(Provider::Supabase) => "Supabase: wal_level is already logical; watch the WAL a slot keeps (max_slot_wal_keep_size) on the database's disk.".into(),
        Some(p) => format!("{}: check that it allows logical replication and that its administrator may give REPLICATION: {generic}.", p.label()),
    }
}

/// Said before Generate when SQL cannot give REPLICATION there.
fn replication_warning(provider: Option<Provider>, user: &str) -> Option<String> {
    match provider {
        Some(Provider::Neon) => Some(format!(
            "Neon: a role made with SQL may not get REPLICATION (the script gives it where the role running it may, else a NOTICE says so, and {user} cannot start replication). Make {user} in the Neon Console, CLI or API instead (such roles belong to neon_superuser, which has REPLICATION), mark it with COMMENT ON ROLE … IS 'Grantsmith: adopted', then run this script."
        )),
        Some(Provider::Supabase) => Some(format!(
            "Supabase before PostgreSQL 17: only postgres has REPLICATION and it cannot give it (supabase/supabase#20724). The script makes {user} and gives it REPLICATION where the server allows (17 and later); else a NOTICE says so: connect the tool as postgres there, or upgrade the project."
        )),
        _ => None,
    }
}

/// What the owners-group option gives away, said before Generate (Debezium's documented
/// way: <https://docs.redhat.com/ja/documentation/red_hat_integration/2021.q3/html/debezium_user_guide/setting-privileges-to-permit-debezium-user-to-create-postgresql-publications>).
fn owners_group_note(user: &str) -> String {
    let group = super::names::group(user);
    format!(
        "Owners group: the listed tables and the publication go to a new role {}; their owners and {user} belong to it. {user} may then write, alter and drop those tables (not only read them), and alter and drop the publication: what a tool that manages its own publication needs (Debezium: publication.name set to the publication above, publication.autocreate.mode = filtered; creating another publication also needs CREATE on the database, not given here). Run the script as a superuser or as the tables' owner with CREATEROLE; uninstall gives each table back to its owner.",
        group.comment()
    )
}

/// The notes above Generate for the change-data-capture preset.
///
/// ```
/// use grantsmith::core::backend::postgres::cdc::notes::notes;
/// use grantsmith::core::{Db, Field, Intent, Preset};
/// let i = Intent::new(Db::Postgres, Preset::Cdc).with(Field::Host, "app.x.eu-west-1.rds.amazonaws.com");
/// assert!(notes(&i).iter().any(|n| n.contains("rds.logical_replication = 1")));
/// let n = Intent::new(Db::Postgres, Preset::Cdc).with(Field::Host, "ep-a-1.us-east-2.aws.neon.tech");
/// assert!(notes(&n).iter().any(|n| n.contains("may not get REPLICATION")));
/// ```
pub fn notes(i: &Intent) -> Vec<String> {
    let user = crate::core::text::or_default(
        crate::core::text::js_trim(i.get(Field::Role)),
        super::spec::ROLE_DEFAULT,
    );
    let provider = i.provider();
    let mut n: Vec<String> = replication_warning(provider, user).into_iter().collect();
    if i.switch(crate::core::intent::Switch::OwnersGroup) {
        n.push(owners_group_note(user));
    }
    n.push(server_setting(provider));
    if !crate::core::traps::warnings(i.get(Field::Host), i.get(Field::Port))
        .iter()
        .all(|w| w.contains("requires TLS"))
    {
        n.push("Replication connections do not pass through a connection pooler: give the tool the direct host and port.".into());
    }
    n
}
