//! Everything that decides what the user sees. No web dependency: a test reads these
//! files and fails if one names a web crate.
//!
//! An [`intent::Intent`] (what was typed) goes to its [`backend::Backend`], which checks
//! it and renders it; [`output::Output`] is what every form shows.

pub mod backend;
pub mod brand;
pub mod choices;
pub mod client;
pub mod client_code;
mod client_jdbc;
mod client_write;
pub mod conn;
pub mod drift;
pub mod field;
pub mod host;
pub mod intent;
pub mod invisible;
pub mod neon;
pub mod new_schema_form;
pub mod output;
pub mod presets;
pub mod privileges;
pub mod profile;
pub mod provider;
mod provider_pick;
pub mod quote;
pub mod scram;
pub mod share;
pub mod spec;
pub mod text;
pub mod traps;

pub use backend::{check, check_paste, client_form, generate, render};
pub use intent::{Db, Field, Intent, Preset, Scope, Switch};
pub use output::{Output, Part};
