//! PostgreSQL renderers.

pub mod new_schema;
pub mod policy;
pub mod setup;
pub mod uninstall;
pub mod verify;
