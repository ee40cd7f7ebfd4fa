//! PostgreSQL renderers.

pub mod new_schema;
pub mod policy;
pub mod setup;
pub(crate) mod uninstall;
pub mod verify;
