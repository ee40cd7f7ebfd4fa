//! Which presets each database offers and the form each is typed into, as data: the
//! model takes its defaults from here (each database's `spec.rs`), never by calling a
//! backend.

use super::intent::{Db, Preset};
use super::spec::Spec;

/// What each database offers, in picker order.
pub fn presets(db: Db) -> &'static [Preset] {
    match db {
        Db::Postgres => &[
            Preset::Original,
            Preset::Metadata,
            Preset::ReadWrite,
            Preset::ReadOnly,
            Preset::Custom,
            Preset::Cdc,
        ],
        Db::BigQuery => &[Preset::ReadOnly, Preset::ReadWrite, Preset::Metadata],
        Db::MySql | Db::SqlServer => &[Preset::ReadOnly, Preset::ReadWrite, Preset::Cdc],
        Db::Snowflake | Db::Redshift => &[Preset::ReadOnly, Preset::ReadWrite],
    }
}

/// `access` if `db` offers it, else the database's first.
pub fn offered(db: Db, preset: Preset) -> Preset {
    let all = presets(db);
    if all.contains(&preset) {
        preset
    } else {
        all[0]
    }
}

/// The form of `db` for `access`: the original applet's has its own.
pub fn spec(db: Db, preset: Preset) -> &'static Spec {
    match db {
        Db::Postgres if preset == Preset::Original => {
            &crate::core::backend::postgres::original::spec::SPEC
        }
        // A build without the preset hands its form over before drawing it.
        Db::Postgres if preset == Preset::Cdc && cfg!(feature = "cdc") => {
            &crate::core::backend::postgres::cdc::spec::SPEC
        }
        Db::Postgres => &crate::core::backend::postgres::presets::spec::SPEC,
        Db::MySql if preset == Preset::Cdc && cfg!(feature = "cdc") => {
            &crate::core::backend::mysql::cdc::spec::SPEC
        }
        Db::MySql => &crate::core::backend::mysql::spec::SPEC,
        Db::SqlServer if preset == Preset::Cdc && cfg!(feature = "cdc") => {
            &crate::core::backend::sqlserver::cdc::spec::SPEC
        }
        Db::SqlServer => &crate::core::backend::sqlserver::spec::SPEC,
        Db::Snowflake => &crate::core::backend::snowflake::spec::SPEC,
        Db::Redshift => &crate::core::backend::redshift::spec::SPEC,
        Db::BigQuery => &crate::core::backend::bigquery::spec::SPEC,
    }
}
