//! Which presets each database offers and the form each is typed into, as data: the
//! model takes its defaults from here (each database's `spec.rs`), never by calling a
//! backend.

use super::intent::{Access, Db};
use super::spec::Spec;

/// What each database offers, in picker order.
pub fn accesses(db: Db) -> &'static [Access] {
    match db {
        Db::Postgres => &[
            Access::Original,
            Access::Metadata,
            Access::ReadWrite,
            Access::ReadOnly,
            Access::Custom,
        ],
        Db::BigQuery => &[Access::ReadOnly, Access::ReadWrite, Access::Metadata],
        Db::MySql | Db::SqlServer | Db::Snowflake | Db::Redshift => {
            &[Access::ReadOnly, Access::ReadWrite]
        }
    }
}

/// `access` if `db` offers it, else the database's first.
pub fn offered(db: Db, access: Access) -> Access {
    let all = accesses(db);
    if all.contains(&access) {
        access
    } else {
        all[0]
    }
}

/// The form of `db` for `access`: the original applet's has its own.
pub fn spec(db: Db, access: Access) -> &'static Spec {
    match db {
        Db::Postgres if access == Access::Original => {
            &crate::core::backend::postgres::original::spec::SPEC
        }
        Db::Postgres => &crate::core::backend::postgres::presets::spec::SPEC,
        Db::MySql => &crate::core::backend::mysql::spec::SPEC,
        Db::SqlServer => &crate::core::backend::sqlserver::spec::SPEC,
        Db::Snowflake => &crate::core::backend::snowflake::spec::SPEC,
        Db::Redshift => &crate::core::backend::redshift::spec::SPEC,
        Db::BigQuery => &crate::core::backend::bigquery::spec::SPEC,
    }
}
