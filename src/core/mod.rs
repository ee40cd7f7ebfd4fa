//! Everything that decides what the user sees. No web dependency: a test reads these
//! files and fails if one names a web crate.

pub mod conn;
pub mod dialect;
pub mod form;
pub mod host;
pub mod ident;
pub mod neon;
pub mod new_schema_form;
pub mod pg;
pub mod plan;
pub mod preset;
pub mod scram;
pub mod share;
pub mod text;
pub mod traps;

pub use form::{generate, Errors, Form, Output, Scope};
